package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck test}: the author test cases with their coverage. */
class TestCommandTest {
    @TempDir
    Path dir;

    private Path questionnaireWithTests(String tests) throws IOException {
        Path questionnaire = dir.resolve("tiny.yaml");
        Files.copy(ValidateCommandTest.resource("/valid-tiny.yaml"), questionnaire);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/tiny.yaml"), tests);
        return questionnaire;
    }

    @Test
    void the_bundled_tests_pass_with_full_flag_question_and_code_coverage() {
        CliRun.Outcome run = cli().run("test");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("PASS  P03: 40, sciatica and new trouble passing urine")
                .contains("flags fired in some case:     35 of 35 (100%)")
                .contains("questions asked in some case: 37 of 37 (100%)")
                .contains("answer codes used:            107 of 107 (100%)")
                .doesNotContain("FAIL");
        assertThat(run.outLines().get(run.outLines().size() - 1)).matches("\\d+ passed, 0 failed");
    }

    @Test
    void a_failing_case_shows_what_differed_and_exits_4() throws IOException {
        Path questionnaire = questionnaireWithTests("""
                cases:
                  - case: bad pain is urgent
                    answers: {age: 30, pain: bad, symptoms: [numb]}
                    level: URGENT
                    fires: [bad_pain]
                  - case: wrongly expected
                    answers: {age: 30, pain: mild, symptoms: [none]}
                    level: URGENT
                    fires: [bad_pain]
                    asked: [age, pain]
                """);

        CliRun.Outcome run = cli().run("test", questionnaire.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("  PASS  bad pain is urgent")
                .contains("  FAIL  wrongly expected (" + dir.resolve("tests/tiny.yaml") + ":6:")
                .contains("level: expected URGENT, got SELF_CARE")
                .contains("must fire but did not: bad_pain")
                .contains("asked: expected 2 questions, got 3; also asked: symptoms")
                .contains("1 passed, 1 failed");
    }

    @Test
    void problems_in_the_test_file_are_reported_with_their_place() throws IOException {
        Path questionnaire = questionnaireWithTests("""
                cases:
                  - case: typo
                    answers: {age: 30, pian: bad}
                    level: URGENCY
                    fires: [bad_pian]
                """);

        CliRun.Outcome run = cli().run("test", questionnaire.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        Path tests = dir.resolve("tests/tiny.yaml");
        assertThat(run.errLines()).containsExactly(
                tests + ":3:24: there is no question 'pian' — did you mean 'pain'?",
                tests + ":4:12: there is no level 'URGENCY' — did you mean 'URGENT'?",
                tests + ":5:13: there is no flag 'bad_pian' — did you mean 'bad_pain'?");
    }

    @Test
    void a_questionnaire_without_tests_says_where_they_are_expected_and_exits_66() throws IOException {
        Path questionnaire = dir.resolve("copy.yaml");
        Files.copy(ValidateCommandTest.resource("/valid-tiny.yaml"), questionnaire);
        CliRun.Outcome run = cli().run("test", questionnaire.toString());
        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.errLines()).containsExactly("no test cases for " + questionnaire + ": expected in " + dir.resolve("tests/copy.yaml")
                + " — write them there (spinecheck test --help shows the format)");
    }

    @Test
    void a_misspelt_level_in_a_case_gets_a_did_you_mean() throws IOException {
        Path questionnaire = questionnaireWithTests("""
                cases:
                  - case: typo
                    answers: {age: 30, pain: bad, symptoms: [numb]}
                    level: SELF-CARE
                    fires: []
                """);
        CliRun.Outcome run = cli().run("test", questionnaire.toString());
        assertThat(run.errLines()).containsExactly(dir.resolve("tests/tiny.yaml")
                + ":4:12: there is no level 'SELF-CARE' — did you mean 'SELF_CARE'?");
        assertThat(run.exitCode()).isEqualTo(65);
    }

    @Test
    void json_format_gives_each_case_and_the_coverage() {
        JsonNode report = Json.parse(cli().run("test", "--format", "json").out());
        assertThat(report.path("failed").asInt()).isZero();
        assertThat(report.path("coverage").path("flags_not_fired").size()).isZero();
        assertThat(report.path("cases").size()).isGreaterThan(60);
    }
}
