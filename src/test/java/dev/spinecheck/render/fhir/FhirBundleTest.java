package dev.spinecheck.render.fhir;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.FhirValidation;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What {@code run --format fhir} says: the answers as a QuestionnaireResponse, the result as a RiskAssessment. */
class FhirBundleTest {
    static final String SYSTEM = "https://spinecheck.dev/fhir/CodeSystem/spine-screening";

    @TempDir
    Path dir;

    static JsonNode bundle(String answers, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--answers", answers, "--format", "fhir"));
        args.addAll(List.of(more));
        CliRun.Outcome run = cli().run(args.toArray(String[]::new));
        assertThat(run.out().lines()).as("one line").hasSize(1);
        return Json.parse(run.out());
    }

    static JsonNode vignette(String id) {
        return bundle("src/test/resources/vignettes/" + id + ".yaml");
    }

    static JsonNode resource(JsonNode bundle, String type) {
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.path("resource").path("resourceType").asString().equals(type)) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no " + type + " in " + bundle);
    }

    /** The question items of a response, groups flattened. */
    static List<JsonNode> questions(JsonNode items) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.has("answer")) {
                found.add(item);
            }
            found.addAll(questions(item.path("item")));
        }
        return found;
    }

    static JsonNode item(JsonNode response, String linkId) {
        return questions(response.path("item")).stream().filter(i -> i.path("linkId").asString().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId));
    }

    @Test
    void the_risk_assessment_lists_the_topics_the_result_links_to_by_title_after_the_disclaimer() {
        JsonNode risk = resource(bundle("questionnaires/examples/harmless.yaml"), "RiskAssessment");
        assertThat(risk.path("note").valueStream().map(n -> n.path("text").asString())).containsExactly(
                "This is not a diagnosis and does not replace a health professional. If you are worried, contact one.",
                "To read more: What to try before an operation (spinecheck learn try-first)");
    }

    @Test
    void an_emergency_risk_assessment_links_to_no_topic() {
        JsonNode risk = resource(vignette("P03"), "RiskAssessment");
        assertThat(risk.path("note").valueStream().map(n -> n.path("text").asString())).noneMatch(t -> t.startsWith("To read more"));
    }

    @Test
    void a_bundle_of_type_collection_holds_the_response_and_the_risk_assessment() {
        JsonNode bundle = vignette("P02");
        assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asString()).isEqualTo("collection");
        assertThat(bundle.path("entry").valueStream().map(e -> e.path("resource").path("resourceType").asString()))
                .containsExactly("QuestionnaireResponse", "RiskAssessment");
        assertThat(bundle.path("entry").valueStream().map(e -> e.path("fullUrl").asString())).allMatch(u -> u.startsWith("urn:uuid:"));
    }

    @Test
    void the_response_names_our_questionnaire_by_canonical_url_and_version() {
        JsonNode response = resource(vignette("P01"), "QuestionnaireResponse");
        assertThat(response.path("questionnaire").asString())
                .isEqualTo("https://spinecheck.dev/fhir/Questionnaire/spine-screening|" + Bundled.questionnaire().version());
        assertThat(response.path("status").asString()).isEqualTo("completed");
        assertThat(response.path("identifier").path("value").asString()).isEqualTo("P01");
        assertThat(response.has("authored")).as("no saved_at, no authored").isFalse();
    }

    @Test
    void one_item_per_answered_question_on_the_path_with_the_question_id_as_link_id() {
        JsonNode response = resource(bundle("src/test/resources/answer-valid/off-path-answers.yaml"), "QuestionnaireResponse");
        CliRun.Outcome json = cli().run("run", "--answers", "src/test/resources/answer-valid/off-path-answers.yaml", "--format", "json");
        JsonNode result = Json.parse(json.out());
        List<String> linkIds = questions(response.path("item")).stream().map(i -> i.path("linkId").asString()).toList();
        assertThat(linkIds).doesNotHaveDuplicates().doesNotContainAnyElementsOf(result.path("not_asked").valueStream().map(JsonNode::asString).toList());
        assertThat(result.path("not_asked").size()).as("the file has off-path answers").isPositive();
        assertThat(linkIds).startsWith("age", "pain_region", "spine_surgery", "injury");
    }

    @Test
    void codes_are_codings_of_the_questionnaires_code_system_yes_no_is_boolean_and_a_number_is_an_integer() {
        JsonNode response = resource(vignette("P01"), "QuestionnaireResponse");
        assertThat(item(response, "age").path("answer").path(0).path("valueInteger").asInt()).isEqualTo(29);
        assertThat(item(response, "chest_pain").path("answer").path(0).path("valueBoolean").isBoolean()).isTrue();
        assertThat(item(response, "chest_pain").path("answer").path(0).path("valueBoolean").asBoolean()).isFalse();
        JsonNode coding = item(response, "pain_duration").path("answer").path(0).path("valueCoding");
        assertThat(coding.path("system").asString()).isEqualTo(SYSTEM);
        assertThat(coding.path("code").asString()).isEqualTo("under_2_weeks");
        assertThat(coding.path("display").asString()).isEqualTo("Less than 2 weeks");
        assertThat(item(response, "pain_region").path("answer").size()).isEqualTo(1);
    }

    @Test
    void a_multi_answer_gives_one_coding_per_code() throws IOException {
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, Files.readString(Path.of("src/test/resources/vignettes/P01.yaml"))
                .replace("pain_region: [lower_back]", "pain_region: [neck, lower_back]")
                .replace("  sudden_severe_pain: no\n", "  sudden_severe_pain: no\n  neck_warning_signs: no\n")
                .replace("  walking_balance: no\n", "  walking_balance: no\n  hand_clumsiness: no\n  neck_shock: no\n"));
        JsonNode answers = item(resource(bundle(file.toString()), "QuestionnaireResponse"), "pain_region").path("answer");
        assertThat(answers.valueStream().map(a -> a.path("valueCoding").path("code").asString())).containsExactly("neck", "lower_back");
    }

    @Test
    void a_scripted_run_with_a_json_report_writes_the_same_bundle_to_the_file() throws IOException {
        Path report = dir.resolve("P02.json");
        CliRun.Outcome run = cli().run("run", "--answers", "src/test/resources/vignettes/P02.yaml", "--report", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode bundle = Json.parse(Files.readString(report));
        assertThat(resource(bundle, "QuestionnaireResponse").path("identifier").path("value").asString()).isEqualTo("P02");
        assertThat(resource(bundle, "RiskAssessment").path("prediction").path(0).path("qualitativeRisk").path("coding").path(0)
                .path("code").asString()).isEqualTo("ROUTINE");
    }

    @Test
    void saved_at_becomes_authored_as_a_fhir_date_time() throws IOException {
        Path file = dir.resolve("saved.yaml");
        Files.writeString(file, Files.readString(Path.of("src/test/resources/vignettes/P01.yaml"))
                .replace("record: P01\n", "record: P01\nsaved_at: 2026-11-22T10:15+01:00\n"));
        JsonNode bundle = bundle(file.toString());
        assertThat(resource(bundle, "QuestionnaireResponse").path("authored").asString()).isEqualTo("2026-11-22T10:15:00+01:00");
        assertThat(resource(bundle, "RiskAssessment").path("occurrenceDateTime").asString()).isEqualTo("2026-11-22T10:15:00+01:00");
    }

    @Test
    void the_risk_assessment_gives_the_level_as_the_qualitative_risk_and_each_flag_as_an_outcome() {
        JsonNode bundle = vignette("P04");
        JsonNode risk = resource(bundle, "RiskAssessment");
        assertThat(risk.path("status").asString()).isEqualTo("final");
        assertThat(risk.path("identifier").path(0).path("value").asString()).isEqualTo("P04");
        assertThat(risk.path("basis").path(0).path("reference").asString()).isEqualTo(bundle.path("entry").path(0).path("fullUrl").asString());
        JsonNode predictions = risk.path("prediction");
        JsonNode level = predictions.path(0).path("qualitativeRisk");
        assertThat(level.path("coding").path(0).path("system").asString()).isEqualTo("https://spinecheck.dev/fhir/CodeSystem/urgency-level");
        assertThat(level.path("coding").path(0).path("code").asString()).isEqualTo("EMERGENCY");
        assertThat(level.path("text").asString()).isEqualTo("EMERGENCY");
        assertThat(predictions.valueStream().skip(1).map(p -> p.path("outcome").path("coding").path(0).path("code").asString()))
                .containsExactly("neck_injury_older", "minor_injury_over_50");
        assertThat(predictions.path(1).path("outcome").path("text").asString())
                .isEqualTo(Bundled.questionnaire().flags().stream().filter(f -> f.id().equals("neck_injury_older")).findFirst().orElseThrow().title());
        assertThat(predictions.path(2).path("qualitativeRisk").path("coding").path(0).path("code").asString()).isEqualTo("SOON");
        assertThat(risk.path("note").path(0).path("text").asString()).contains("not a diagnosis");
    }

    @Test
    void no_flag_still_gives_the_level() {
        JsonNode risk = resource(vignette("P01"), "RiskAssessment");
        assertThat(risk.path("prediction").size()).isEqualTo(1);
        assertThat(risk.path("prediction").path(0).path("qualitativeRisk").path("coding").path(0).path("code").asString()).isEqualTo("SELF_CARE");
    }

    @Test
    void an_emergency_stop_is_a_stopped_response_with_the_answers_up_to_the_stop() {
        JsonNode bundle = vignette("P03");
        JsonNode response = resource(bundle, "QuestionnaireResponse");
        assertThat(response.path("status").asString()).isEqualTo("stopped");
        List<JsonNode> items = questions(response.path("item"));
        JsonNode json = Json.parse(cli().run("run", "--answers", "src/test/resources/vignettes/P03.yaml", "--format", "json").out());
        assertThat(items.get(items.size() - 1).path("linkId").asString()).isEqualTo(json.path("stopped_at").asString());
    }

    @Test
    void the_mitigation_is_the_one_next_step_of_the_result() {
        for (String id : List.of("P01", "P02", "P03", "P04")) {
            JsonNode json = Json.parse(cli().run("run", "--answers", "src/test/resources/vignettes/" + id + ".yaml", "--format", "json").out());
            assertThat(resource(vignette(id), "RiskAssessment").path("mitigation").asString()).as(id)
                    .isEqualTo(json.path("next_step").asString()).isNotBlank();
        }
    }

    @Test
    void the_emergency_number_is_filled_in() {
        JsonNode risk = resource(bundle("src/test/resources/vignettes/P03.yaml", "--emergency-number", "112"), "RiskAssessment");
        assertThat(risk.path("mitigation").asString()).contains("112").doesNotContain("{emergency_number}");
    }

    @Test
    void missing_answers_give_an_in_progress_response_and_the_problems_as_an_operation_outcome() {
        CliRun.Outcome run = cli().run("run", "--answers", "src/test/resources/answer-errors/missing-answers.yaml", "--format", "fhir");
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("no answer to 'weakness'");
        JsonNode bundle = Json.parse(run.out());
        assertThat(bundle.path("entry").valueStream().map(e -> e.path("resource").path("resourceType").asString()))
                .containsExactly("QuestionnaireResponse", "OperationOutcome");
        assertThat(resource(bundle, "QuestionnaireResponse").path("status").asString()).isEqualTo("in-progress");
        JsonNode issue = resource(bundle, "OperationOutcome").path("issue").path(0);
        assertThat(issue.path("code").asString()).isEqualTo("required");
        assertThat(issue.path("diagnostics").asString()).contains("no answer to 'weakness'");
    }

    @Test
    void a_missing_answer_file_is_a_bundle_with_a_not_found_operation_outcome() {
        CliRun.Outcome run = cli().run("run", "--answers", dir.resolve("none.yaml").toString(), "--format", "fhir");
        assertThat(run.exitCode()).isEqualTo(66);
        JsonNode bundle = Json.parse(run.out());
        assertThat(bundle.path("entry").size()).isEqualTo(1);
        assertThat(resource(bundle, "OperationOutcome").path("issue").path(0).path("code").asString()).isEqualTo("not-found");
        assertThat(FhirValidation.errors(run.out())).isEmpty();
    }

    @Test
    void wrong_answers_keep_the_right_ones_as_an_in_progress_response_and_are_invalid_issues() {
        CliRun.Outcome run = cli().run("run", "--answers", "src/test/resources/answer-errors/unknown-code.yaml", "--format", "fhir");
        JsonNode bundle = Json.parse(run.out());
        assertThat(item(resource(bundle, "QuestionnaireResponse"), "age").path("answer").path(0).path("valueInteger").asInt()).isEqualTo(40);
        assertThat(resource(bundle, "OperationOutcome").path("issue").valueStream().map(i -> i.path("code").asString())).containsOnly("invalid");
    }

    @Test
    void a_certain_emergency_with_missing_answers_keeps_its_risk_assessment() {
        CliRun.Outcome run = cli().run("run", "--answers", "src/test/resources/answer-errors/missing-answers-with-a-certain-emergency.yaml",
                "--format", "fhir");
        JsonNode bundle = Json.parse(run.out());
        assertThat(bundle.path("entry").valueStream().map(e -> e.path("resource").path("resourceType").asString()))
                .containsExactly("QuestionnaireResponse", "RiskAssessment", "OperationOutcome");
        assertThat(resource(bundle, "RiskAssessment").path("prediction").path(0).path("qualitativeRisk").path("coding").path(0)
                .path("code").asString()).isEqualTo("EMERGENCY");
    }

    @Test
    void a_file_that_cannot_be_read_as_answers_is_an_operation_outcome_only() {
        CliRun.Outcome run = cli().run("run", "--answers", "src/test/resources/answer-errors/top-level-list.yaml", "--format", "fhir");
        JsonNode bundle = Json.parse(run.out());
        assertThat(bundle.path("entry").size()).isEqualTo(1);
        assertThat(resource(bundle, "OperationOutcome").path("issue").path(0).path("code").asString()).isEqualTo("invalid");
    }
}
