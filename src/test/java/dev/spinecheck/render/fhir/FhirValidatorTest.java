package dev.spinecheck.render.fhir;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.FhirValidation;
import dev.spinecheck.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every FHIR resource spinecheck writes passes the HL7 validator (as HAPI FHIR packages it, offline) with no error:
 * the exported Questionnaires, and every public vignette's Bundle, checked against the exported Questionnaire (types,
 * answer options, enableWhen and required items included; {@link FhirValidation} knows the exported questionnaires).
 */
class FhirValidatorTest {
    static final Path VIGNETTES = Path.of("src/test/resources/vignettes");
    static String bundledQuestionnaire;

    @BeforeAll
    static void exportTheQuestionnaires() {
        CliRun.Outcome export = cli().run("export", "--format", "fhir");
        assertThat(export.exitCode()).as(export.err()).isZero();
        bundledQuestionnaire = export.out();
    }

    static Stream<String> vignettes() throws Exception {
        List<String> ids = new ArrayList<>();
        Json.parse(Files.readString(VIGNETTES.resolve("expected.json"))).properties().forEach(e -> ids.add(e.getKey()));
        return ids.stream();
    }

    static List<String> errors(String json) {
        return FhirValidation.errors(json);
    }

    static List<String> about(List<SingleValidationMessage> messages, String text) {
        return messages.stream().filter(m -> m.getMessage().contains(text)).map(m -> m.getSeverity() + " " + m.getMessage()).toList();
    }

    @Test
    void the_bundled_questionnaire_exported_as_fhir_has_no_error() {
        List<SingleValidationMessage> messages = FhirValidation.messages(bundledQuestionnaire);
        assertThat(FhirValidation.errors(messages)).isEmpty();
        // The only note beyond "add a narrative": the SDC extension for conditions enableWhen cannot say.
        assertThat(messages).filteredOn(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION)
                .allSatisfy(m -> assertThat(m.getMessage()).contains("dom-6"));
    }

    @Test
    void a_questionnaire_with_every_kind_of_condition_exported_as_fhir_has_no_error() {
        assertThat(errors(cli().run("export", "src/test/resources/fhir/every-condition.yaml").out())).isEmpty();
    }

    @Test
    void the_small_test_questionnaire_exported_as_fhir_has_no_error() {
        assertThat(errors(cli().run("export", "src/test/resources/valid-tiny.yaml").out())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void every_public_vignettes_bundle_has_no_error_against_the_exported_questionnaire(String id) {
        CliRun.Outcome run = cli().run("run", "--answers", VIGNETTES.resolve(id + ".yaml").toString(), "--format", "fhir");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SingleValidationMessage> messages = FhirValidation.messages(run.out());

        assertThat(FhirValidation.errors(messages)).as(id).isEmpty();
        assertThat(about(messages, "could not be resolved")).as("checked against the questionnaire").isEmpty();
        JsonNode response = Json.parse(run.out()).path("entry").path(0).path("resource");
        if (response.path("status").asString().equals("completed")) {
            // FHIR's own reading of the exported enableWhen asks for no question the walk did not ask.
            assertThat(about(messages, "required item")).as(id).isEmpty();
        }
    }

    /** A Bundle with its random urn:uuid ids made equal, to compare two writings of the same answers. */
    static String withoutIds(String bundle) {
        return bundle.replaceAll("urn:uuid:[0-9a-f-]{36}", "urn:uuid:x");
    }

    @Test
    void a_batch_of_every_vignette_writes_one_valid_bundle_a_line_the_same_as_run() throws Exception {
        List<String> ids = vignettes().toList();
        List<String> args = new ArrayList<>(List.of("batch", "--format", "fhir"));
        ids.forEach(id -> args.add(VIGNETTES.resolve(id + ".yaml").toString()));
        CliRun.Outcome batch = cli().run(args.toArray(String[]::new));

        assertThat(batch.exitCode()).as(batch.err()).isZero();
        List<String> lines = batch.out().lines().toList();
        assertThat(lines).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String run = cli().run("run", "--answers", VIGNETTES.resolve(ids.get(i) + ".yaml").toString(), "--format", "fhir").out();
            // The same document as run writes (validated above), so validated too.
            assertThat(withoutIds(lines.get(i))).as(ids.get(i)).isEqualTo(withoutIds(run.strip()));
        }
        assertThat(errors(lines.get(0))).isEmpty();
    }

    @Test
    void every_broken_answer_file_still_gets_a_valid_bundle() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/answer-errors"))) {
            files = list.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
        }
        int bundles = 0;
        for (Path file : files) {
            CliRun.Outcome run = cli().run("run", "--answers", file.toString(), "--format", "fhir");
            if (run.out().isEmpty()) {
                continue; // refused before any answer set was read (the exit code and message are AnswerFileFixturesTest's)
            }
            assertThat(run.exitCode()).as(file.toString()).isNotZero();
            JsonNode bundle = Json.parse(run.out());
            assertThat(bundle.path("entry").valueStream().map(e -> e.path("resource").path("resourceType").asString()))
                    .as(file.toString()).contains("OperationOutcome");
            assertThat(errors(run.out())).as(file.toString()).isEmpty();
            bundles++;
        }
        assertThat(bundles).as("broken answer files that got a Bundle").isGreaterThan(20);
    }

    @Test
    void a_batch_line_that_cannot_be_read_is_a_valid_bundle_with_an_operation_outcome() throws Exception {
        CliRun.Outcome batch = cli().stdin("{\"answers\": {\"age\": 40}}\nnot json\n").run("batch", "--format", "fhir", "-");

        assertThat(batch.exitCode()).isEqualTo(65);
        List<String> lines = batch.out().lines().toList();
        assertThat(lines).hasSize(2);
        lines.forEach(line -> assertThat(errors(line)).as(line).isEmpty());
        assertThat(Json.parse(lines.get(1)).path("entry").path(0).path("resource").path("resourceType").asString())
                .isEqualTo("OperationOutcome");
    }

    @Test
    void the_validator_does_find_errors_in_a_broken_response() {
        String broken = cli().run("run", "--answers", VIGNETTES.resolve("P01.yaml").toString(), "--format", "fhir").out()
                .replace("\"status\":\"completed\"", "\"status\":\"finished\"")
                .replace("\"valueInteger\":29", "\"valueInteger\":\"29\"");
        assertThat(errors(broken)).isNotEmpty();
        String wrongCode = cli().run("run", "--answers", VIGNETTES.resolve("P01.yaml").toString(), "--format", "fhir").out()
                .replace("\"code\":\"under_2_weeks\"", "\"code\":\"a_fortnight\"");
        assertThat(errors(wrongCode)).as("an answer code the questionnaire does not offer").isNotEmpty();
    }
}
