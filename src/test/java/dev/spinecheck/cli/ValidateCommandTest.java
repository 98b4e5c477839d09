package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck validate}: every problem at once with its place, and the reachability proof. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> broken() throws IOException {
        try (Stream<Path> files = Files.list(resource("/questionnaire-errors"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void the_bundled_questionnaire_is_valid_and_every_question_and_flag_is_proved_reachable() {
        CliRun.Outcome run = cli().run("validate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("questionnaires/spine-screening.yaml: valid — 37 of 37 questions can be asked, 35 of 35 flags can fire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void a_broken_questionnaire_gives_its_exact_messages_and_positions(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(fixture + ".expected"), StandardCharsets.UTF_8);

        CliRun.Outcome run = cli().run("validate", fixture.toString());

        assertThat(run.exitCode()).isEqualTo(Integer.parseInt(expected.get(0).substring("exit ".length())));
        assertThat(run.errLines().stream().map(l -> l.replace(fixture + ":", "")).toList())
                .containsExactlyElementsOf(expected.subList(1, expected.size()));
    }

    @Test
    void a_dead_flag_and_an_unreachable_question_are_caught() {
        Path fixture = resource("/questionnaire-errors/dead-flag-and-unreachable-question.yaml");
        CliRun.Outcome run = cli().run("validate", fixture.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("question child_only can never be asked").contains("flag bad_pain_and_numb can never fire");
        assertThat(run.out()).contains("3 of 4 questions can be asked, 2 of 3 flags can fire");
    }

    @Test
    void when_the_budget_runs_out_it_warns_about_what_it_could_not_prove_says_not_proved_and_exits_5() {
        Path fixture = resource("/valid-tiny.yaml");
        CliRun.Outcome run = cli().run("validate", "--budget", "1", fixture.toString());

        assertThat(run.err()).doesNotContain("can never").contains("warning: could not prove that flag bad_pain can fire");
        assertThat(run.out()).startsWith(fixture + ": not proved — ").doesNotContain(": valid");
        assertThat(run.exitCode()).isEqualTo(5);
    }

    @Test
    void explain_prints_ready_to_run_answer_files_that_do_what_they_say() throws IOException {
        CliRun.Outcome run = cli().run("validate", "--explain", "-");

        String[] examples = run.out().split("# ---- ");
        assertThat(examples).hasSize(1 + 37 + 35);
        for (int i = 1; i < examples.length; i++) {
            String name = examples[i].substring(0, examples[i].indexOf('\n'));
            Path file = dir.resolve(name);
            Files.writeString(file, examples[i].substring(examples[i].indexOf('\n') + 1));
            CliRun.Outcome screened = cli().run("run", "--answers", file.toString(), "--format", "json");
            assertThat(screened.exitCode()).as(name + ": " + screened.err()).isZero();
            String[] parts = name.split("\\.");
            JsonNode result = Json.parse(screened.out());
            if (parts[1].equals("flag")) {
                assertThat(Json.flagIds(result)).as(name).contains(parts[2]);
            } else {
                assertThat(result.path("not_asked").valueStream().map(JsonNode::asString)).as(name).doesNotContain(parts[2]);
            }
        }
    }

    @Test
    void json_format_lists_problems_with_their_positions_and_the_proofs() {
        Path fixture = resource("/questionnaire-errors/unknown-level.yaml");
        JsonNode broken = Json.parse(cli().run("validate", "--format", "json", fixture.toString()).out());
        JsonNode bundled = Json.parse(cli().run("validate", "--format", "json").out());

        assertThat(broken.path("valid").asBoolean()).isFalse();
        assertThat(broken.path("problems").get(0).path("line").asInt()).isEqualTo(34);
        assertThat(broken.path("problems").get(0).path("column").asInt()).isEqualTo(12);
        assertThat(bundled.path("valid").asBoolean()).isTrue();
        assertThat(bundled.path("flags").path("cauda_equina").path("status").asString()).isEqualTo("proved");
    }

    @Test
    void a_missing_questionnaire_exits_66() {
        CliRun.Outcome run = cli().run("validate", dir.resolve("none.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).contains("no such file");
    }
}
