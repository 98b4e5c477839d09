package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Question;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck export --format fhir}: the questionnaire as a FHIR R4 Questionnaire. */
class ExportCommandTest {
    @TempDir
    Path dir;

    static JsonNode exported() {
        CliRun.Outcome export = cli().run("export", "--format", "fhir");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return Json.parse(export.out());
    }

    static List<JsonNode> flat(JsonNode items) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode item : items) {
            all.add(item);
            all.addAll(flat(item.path("item")));
        }
        return all;
    }

    static JsonNode item(JsonNode questionnaire, String linkId) {
        return flat(questionnaire.path("item")).stream().filter(i -> i.path("linkId").asString().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId));
    }

    static JsonNode extension(JsonNode item, String url) {
        return item.path("extension").valueStream().filter(e -> e.path("url").asString().endsWith(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no extension " + url + " on " + item.path("linkId")));
    }

    @Test
    void the_questionnaire_has_its_canonical_url_version_and_title() {
        JsonNode q = exported();
        assertThat(q.path("resourceType").asString()).isEqualTo("Questionnaire");
        assertThat(q.path("url").asString()).isEqualTo("https://spinecheck.dev/fhir/Questionnaire/spine-screening");
        assertThat(q.path("version").asString()).isEqualTo(Bundled.questionnaire().version());
        assertThat(q.path("title").asString()).isEqualTo("Back and neck pain check");
        assertThat(q.path("status").asString()).isEqualTo("active");
    }

    @Test
    void sections_are_groups_and_questions_keep_their_order_and_ids() {
        JsonNode q = exported();
        assertThat(q.path("item").valueStream().map(i -> i.path("type").asString())).containsOnly("group");
        assertThat(q.path("item").path(0).path("linkId").asString()).isEqualTo("about_you");
        List<String> ids = new ArrayList<>();
        flat(q.path("item")).stream().filter(i -> !i.path("type").asString().matches("group|display"))
                .forEach(i -> ids.add(i.path("linkId").asString()));
        assertThat(ids).containsExactlyElementsOf(Bundled.questionnaire().steps().stream().map(s -> s.question().id()).toList());
    }

    @Test
    void each_type_maps_to_fhir_with_required_and_repeats() {
        JsonNode q = exported();
        assertThat(item(q, "chest_pain").path("type").asString()).isEqualTo("boolean");
        assertThat(item(q, "chest_pain").has("answerOption")).isFalse();
        assertThat(item(q, "spine_surgery").path("type").asString()).isEqualTo("choice");
        assertThat(item(q, "spine_surgery").has("repeats")).isFalse();
        assertThat(item(q, "pain_region").path("type").asString()).isEqualTo("choice");
        assertThat(item(q, "pain_region").path("repeats").asBoolean()).isTrue();
        assertThat(item(q, "age").path("type").asString()).isEqualTo("integer");
        assertThat(flat(q.path("item")).stream().filter(i -> !i.path("type").asString().matches("group|display")))
                .allSatisfy(i -> assertThat(i.path("required").asBoolean()).as(i.path("linkId").asString()).isTrue());
    }

    @Test
    void answer_options_carry_codes_and_texts_and_exclusive_options_say_so() {
        JsonNode options = item(exported(), "infection_risk").path("answerOption");
        Question question = Bundled.questionnaire().question("infection_risk").orElseThrow();
        assertThat(options.valueStream().map(o -> o.path("valueCoding").path("code").asString())).containsExactlyElementsOf(question.codes());
        assertThat(options.valueStream().map(o -> o.path("valueCoding").path("display").asString()))
                .containsExactlyElementsOf(question.options().stream().map(o -> o.text()).toList());
        JsonNode none = options.valueStream().filter(o -> o.path("valueCoding").path("code").asString().equals("none")).findFirst().orElseThrow();
        assertThat(extension(none, "questionnaire-optionExclusive").path("valueBoolean").asBoolean()).isTrue();
        assertThat(options.valueStream().filter(o -> o.has("extension")).count()).isEqualTo(1);
    }

    @Test
    void help_is_a_display_child_marked_as_help() {
        JsonNode help = item(exported(), "age").path("item").path(0);
        assertThat(help.path("type").asString()).isEqualTo("display");
        assertThat(help.path("text").asString()).isEqualTo(Bundled.questionnaire().question("age").orElseThrow().help());
        assertThat(extension(help, "questionnaire-itemControl").path("valueCodeableConcept").path("coding").path(0).path("code").asString())
                .isEqualTo("help");
    }

    @Test
    void whole_number_bounds_are_min_and_max_value_extensions() {
        JsonNode age = item(exported(), "age");
        assertThat(extension(age, "/minValue").path("valueInteger").asInt()).isEqualTo(16);
        assertThat(extension(age, "/maxValue").path("valueInteger").asInt()).isEqualTo(120);
    }

    @Test
    void an_ask_when_fhir_can_say_is_enable_when_that_also_enables_on_a_missing_answer() {
        JsonNode sudden = item(exported(), "sudden_severe_pain");
        assertThat(sudden.path("enableBehavior").asString()).isEqualTo("any");
        List<String> tests = sudden.path("enableWhen").valueStream().map(t -> t.path("question").asString() + " "
                + t.path("operator").asString() + " " + (t.has("answerBoolean") ? t.path("answerBoolean").asString()
                        : t.path("answerCoding").path("code").asString())).toList();
        assertThat(tests).containsExactly("pain_region exists false", "pain_region = mid_back", "pain_region = lower_back");
        assertThat(item(exported(), "after_operation").path("enableWhen").size()).isEqualTo(2);
    }

    @Test
    void an_ask_when_enable_when_cannot_say_is_an_sdc_fhirpath_expression() {
        JsonNode inflammatory = item(exported(), "inflammatory_signs");
        assertThat(inflammatory.has("enableWhen")).isFalse();
        JsonNode expression = extension(inflammatory, "sdc-questionnaire-enableWhenExpression").path("valueExpression");
        assertThat(expression.path("language").asString()).isEqualTo("text/fhirpath");
        assertThat(expression.path("expression").asString()).contains("linkId = 'pain_duration'").contains("< 50").endsWith("~ false).not()");
    }

    @Test
    void the_flags_are_not_in_the_questionnaire() {
        String export = cli().run("export").out();
        assertThat(export).doesNotContain("cauda_equina").doesNotContain("EMERGENCY");
    }

    @Test
    void output_goes_to_an_owner_only_file() throws IOException {
        Path file = dir.resolve("q.json");
        CliRun.Outcome export = cli().run("export", "--output", file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).isEmpty();
        assertThat(Json.parse(Files.readString(file)).path("resourceType").asString()).isEqualTo("Questionnaire");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void an_output_in_a_folder_that_does_not_exist_is_exit_73_with_nothing_written() {
        CliRun.Outcome export = cli().run("export", "--output", dir.resolve("no/such/folder/q.json").toString());
        assertThat(export.exitCode()).isEqualTo(73);
        assertThat(export.err()).contains("could not be written");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void a_broken_questionnaire_is_refused_with_its_problems() {
        CliRun.Outcome export = cli().run("export", "src/test/resources/questionnaire-errors/unknown-keys.yaml");
        assertThat(export.exitCode()).isEqualTo(65);
        assertThat(export.out()).isEmpty();
        assertThat(export.err()).contains("unknown-keys.yaml:").contains("unknown key");
    }

    @Test
    void a_missing_questionnaire_is_exit_66() {
        CliRun.Outcome export = cli().run("export", dir.resolve("none.yaml").toString());
        assertThat(export.exitCode()).isEqualTo(66);
    }

    @Test
    void another_format_is_a_usage_error() {
        assertThat(cli().run("export", "--format", "xml").exitCode()).isEqualTo(2);
    }
}
