package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Spec sections 1, 5, 7 and 10: a scripted run never hides a certain emergency behind an error. Invalid answers count
 * as unknown; whatever the other problems, the emergency comes first — in JSON beside the error, in text as the first
 * line of standard error and as the warning on standard output; an age under 16 is screened for an emergency only.
 */
class ScriptedRunNeverHidesAnEmergencyTest {
    @TempDir
    Path dir;

    /** The harmless answers of a 40-year-old with lower back pain (spec section 8), one per line. */
    private static Map<String, String> harmless() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("age", "40");
        a.put("pain_region", "[lower_back]");
        a.put("spine_surgery", "none");
        a.put("injury", "none");
        for (String q : new String[] {"chest_pain", "sudden_severe_pain", "saddle_numbness", "bladder_change", "bowel_change",
                "both_legs", "sexual_change", "radiating_pain", "walking_balance", "fever", "cancer_history", "weight_loss",
                "night_pain", "lump_or_shape_change", "bone_risk"}) {
            a.put(q, "no");
        }
        a.put("numbness", "none");
        a.put("weakness", "none");
        a.put("infection_risk", "[none]");
        a.put("pain_duration", "under_2_weeks");
        a.put("trend", "better");
        a.put("daily_impact", "little");
        a.put("tried", "[none]");
        a.put("diagnosis", "[none_or_unsure]");
        return a;
    }

    private Path file(String name, String top, Map<String, String> answers) throws IOException {
        StringBuilder s = new StringBuilder(top).append("answers:\n");
        answers.forEach((q, v) -> s.append("  ").append(q).append(": ").append(v).append('\n'));
        return Files.writeString(dir.resolve(name), s.toString());
    }

    private Path withChestPainAnd(String question, String badValue) throws IOException {
        Map<String, String> a = harmless();
        a.put("chest_pain", "yes");
        a.put(question, badValue);
        return file("bad.yaml", "", a);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "tried | [physio] | an invalid code to a question the walk never reaches",
        "age | forty | a wrong type",
        "daily_impact | hardly | a code of another version",
        "infection_risk | [none, injects_drugs] | an exclusive code combined",
        "pain_region | [lower_back, nek] | one bad code in a list",
        "trend | [better] | a list where one code goes"})
    void an_invalid_answer_beside_a_certain_emergency_gives_the_emergency_first_in_json(String question, String bad, String kind)
            throws IOException {
        CliRun.Outcome run = cli().run("run", "--answers", withChestPainAnd(question, bad).toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(65);
        JsonNode json = Json.parse(run.out());
        assertThat(json.path("level").asString()).as(kind).isEqualTo("EMERGENCY");
        assertThat(Json.flagIds(json)).containsExactly("chest_pain");
        assertThat(json.path("stopped_early").asBoolean()).isTrue();
        assertThat(json.path("next_step").asString()).startsWith("Call your local emergency number");
        assertThat(json.path("headline").asString()).startsWith("Get emergency help now.");
        assertThat(json.path("error").path("problems").size()).isPositive();
        assertThat(json.path("error").path("summary").asString()).contains("not a full result; the emergency stands");
    }

    @Test
    void an_unknown_question_and_an_unknown_top_level_key_leave_the_emergency_standing() throws IOException {
        Map<String, String> a = harmless();
        a.put("bladder_change", "new");
        a.put("pain_at_rest", "yes");
        Path answers = file("newer.yaml", "format: 3\n", a);

        CliRun.Outcome run = cli().run("run", "--answers", answers.toString(), "--format", "json");

        JsonNode json = Json.parse(run.out());
        assertThat(json.path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(Json.flagIds(json)).containsExactly("cauda_equina");
        assertThat(json.path("emergency_action").asString()).isEqualTo("go");
        assertThat(run.err()).contains("unknown key 'format'").contains("there is no question 'pain_at_rest'");
    }

    @Test
    void in_text_the_first_line_of_standard_error_is_the_emergency_headline_and_the_warning_is_on_standard_output()
            throws IOException {
        CliRun.Outcome run = cli().env("SPINECHECK_EMERGENCY_NUMBER", "999")
                .run("run", "--answers", withChestPainAnd("age", "forty").toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines().get(0)).isEqualTo("EMERGENCY: Get emergency help now. Call 999 now. Do not drive yourself,"
                + " and move about no more than you must.");
        assertThat(run.errLines().get(1)).contains("age takes a whole number");
        assertThat(run.outLines().get(0)).startsWith("EMERGENCY");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("Chest pain").contains("You answered \"Yes\" to: Do you have chest pain now")
                .contains("so this is not a full result; the emergency stands.");
        assertThat(run.outLines().get(run.outLines().size() - 1)).isEqualTo("Your answers need emergency help now: call 999.");
    }

    @Test
    void without_a_certain_emergency_the_refusal_says_the_answers_were_not_screened() throws IOException {
        Map<String, String> a = harmless();
        a.put("age", "forty");
        CliRun.Outcome run = cli().run("run", "--answers", file("a.yaml", "", a).toString());
        CliRun.Outcome json = cli().run("run", "--answers", file("a.yaml", "", a).toString(), "--format", "json");

        assertThat(run.errLines().get(0)).isEqualTo("These answers have not been screened: fix the problems below and run again.");
        assertThat(run.out()).isEmpty();
        assertThat(Json.parse(json.out()).has("level")).isFalse();
        assertThat(Json.parse(json.out()).path("error").path("summary").asString()).contains("have not been screened");
    }

    @Test
    void answers_for_another_questionnaire_are_never_screened_at_all() throws IOException {
        Map<String, String> a = harmless();
        a.put("chest_pain", "yes");
        CliRun.Outcome run = cli().run("run", "--answers", file("other.yaml", "questionnaire: knee-check\n", a).toString(),
                "--format", "json");

        assertThat(Json.parse(run.out()).has("level")).isFalse();
        assertThat(run.errLines().get(0)).startsWith("These answers have not been screened");
    }

    @Test
    void an_invalid_injury_puts_the_pain_score_on_the_path_as_missing() throws IOException {
        Map<String, String> a = harmless();
        a.put("injury", "sporting");
        CliRun.Outcome run = cli().run("run", "--answers", file("a.yaml", "", a).toString(), "--format", "json");

        JsonNode error = Json.parse(run.out()).path("error");
        assertThat(error.path("missing").valueStream().map(JsonNode::asString).toList()).containsExactly("pain_score");
        assertThat(run.err()).contains("'sporting' is not an answer to injury").doesNotContain("no answer to 'injury'");
    }

    @ParameterizedTest(name = "15 years old, {0}: {1} → {2}")
    @CsvSource({
        "bladder_change, new, cauda_equina",
        "sexual_change, yes, sexual_change",
        "injury, serious, serious_injury",
        "chest_pain, yes, chest_pain",
        "sudden_severe_pain, with_faintness, aortic",
        "walking_balance, fast, spinal_cord_fast"})
    void under_16_the_out_of_scope_error_stays_and_a_certain_emergency_comes_first(String question, String code, String flag)
            throws IOException {
        Map<String, String> a = harmless();
        a.put("age", "15");
        a.put(question, code);
        Path answers = file("child.yaml", "", a);

        CliRun.Outcome json = cli().run("run", "--answers", answers.toString(), "--format", "json");
        CliRun.Outcome text = cli().run("run", "--answers", answers.toString());

        assertThat(json.exitCode()).isEqualTo(65);
        JsonNode result = Json.parse(json.out());
        assertThat(result.path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(Json.flagIds(result)).contains(flag);
        assertThat(result.path("error").path("problems").get(0).asString()).contains("age 15 is under 16").contains("for adults");
        assertThat(result.path("error").path("problems").size()).as("one out-of-scope error, no missing answers").isEqualTo(1);
        assertThat(text.errLines().get(0)).startsWith("EMERGENCY: Get emergency help now.");
        assertThat(text.err()).contains("This screening is for adults");
    }

    @Test
    void under_16_with_no_emergency_is_only_the_out_of_scope_error() throws IOException {
        Map<String, String> a = harmless();
        a.put("age", "12");
        a.remove("tried");
        CliRun.Outcome run = cli().run("run", "--answers", file("child.yaml", "", a).toString(), "--format", "json");

        JsonNode result = Json.parse(run.out());
        assertThat(result.has("level")).isFalse();
        assertThat(result.path("error").path("problems").size()).as("missing answers are not reported").isEqualTo(1);
    }

    @Test
    void batch_counts_refused_answer_sets_with_a_certain_emergency_under_emergency() throws IOException {
        Path jsonl = dir.resolve("mixed.jsonl");
        String chestPain = "{\"answers\": {\"age\": \"forty\", \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\","
                + " \"injury\": \"none\", \"chest_pain\": \"yes\"}}";
        String child = "{\"answers\": {\"age\": 15, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\","
                + " \"injury\": \"serious\"}}";
        String noEmergency = "{\"answers\": {\"age\": \"forty\"}}";
        Files.writeString(jsonl, chestPain + "\n" + child + "\n" + noEmergency + "\n" + chestPain + "\n");

        CliRun.Outcome run = cli().run("batch", jsonl.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("4 answer sets — EMERGENCY 3 (3 with errors), URGENT 0").contains("errors 4");
        assertThat(Json.lines(run.out())).extracting(l -> l.path("level").asString()).containsExactly("EMERGENCY", "EMERGENCY", "", "EMERGENCY");
    }
}
