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

    static Stream<Path> warned() throws IOException {
        try (Stream<Path> files = Files.list(resource("/questionnaire-warnings"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warned")
    void a_questionnaire_with_a_warning_gives_it_with_its_place_and_stays_valid(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(fixture + ".expected"), StandardCharsets.UTF_8);

        CliRun.Outcome run = cli().run("validate", fixture.toString());

        assertThat(run.exitCode()).isEqualTo(Integer.parseInt(expected.get(0).substring("exit ".length()))).isZero();
        assertThat(run.errLines().stream().map(l -> l.replace(fixture + ":", "")).toList())
                .containsExactlyElementsOf(expected.subList(1, expected.size()));
        assertThat(run.out()).startsWith(fixture + ": valid — ");
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
    void explain_dir_writes_one_ready_to_run_answer_file_per_question_and_flag() throws IOException {
        Path out = dir.resolve("examples");
        CliRun.Outcome run = cli().run("validate", "--explain", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(37 + 35);
        assertThat(run.err()).contains("72 answer files written to " + out);
        for (Path file : files) {
            String name = file.getFileName().toString();
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
    void explain_examples_are_minimal_harmless_wherever_the_target_does_not_need_more() throws IOException {
        Path out = dir.resolve("examples");
        cli().run("validate", "--explain", out.toString());

        String fever = Files.readString(out.resolve("spine-screening.flag.fever.yaml"));
        JsonNode result = Json.parse(cli().run("run", "--answers", out.resolve("spine-screening.flag.fever.yaml").toString(),
                "--format", "json").out());
        assertThat(Json.flagIds(result)).containsExactly("fever");
        assertThat(fever).contains("  fever: yes\n").contains("  chest_pain: no\n").contains("  tried: [none]\n");
        JsonNode age = Json.parse(cli().run("run", "--answers", out.resolve("spine-screening.question.age.yaml").toString(),
                "--format", "json").out());
        assertThat(Json.flagIds(age)).as("reaching the first question needs no flag").isEmpty();
    }

    @Test
    void explain_never_replaces_a_file_it_did_not_write() throws IOException {
        Path out = Files.createDirectories(dir.resolve("examples"));
        Path mine = Files.writeString(out.resolve("spine-screening.flag.fever.yaml"), "my own notes\n");

        CliRun.Outcome run = cli().run("validate", "--explain", out.toString());

        assertThat(run.exitCode()).isEqualTo(73);
        assertThat(run.err()).contains(mine + " is already there and was not written by --explain, so it was not replaced");
        assertThat(Files.readString(mine)).isEqualTo("my own notes\n");
        assertThat(out.resolve("spine-screening.flag.cauda_equina.yaml")).exists();

        Files.delete(mine);
        assertThat(cli().run("validate", "--explain", out.toString()).exitCode()).as("its own files are replaced").isZero();
        assertThat(Files.readString(mine)).startsWith("# An example answer set written by spinecheck validate --explain.");
    }

    @Test
    void explain_into_a_file_is_refused_before_any_work() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me\n");
        CliRun.Outcome run = cli().run("validate", "--explain", file.toString());
        assertThat(run.exitCode()).isEqualTo(73);
        assertThat(run.err()).contains(file + " is not a folder");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("keep me\n");
    }

    @Test
    void codes_yaml_would_read_as_something_else_are_quoted_in_the_answer_files_written() throws IOException {
        Path questionnaire = dir.resolve("odd-codes.yaml");
        Files.writeString(questionnaire, Files.readString(resource("/valid-tiny.yaml"))
                .replace("          - {code: numb, text: Numb}", "          - {code: \"null\", text: Numb}")
                .replace("          - {code: weak, text: Weak}", "          - {code: \"true\", text: Weak}\n          - {code: \"12\", text: Twelve}")
                .replace("          - {code: bad, text: Bad}", "          - {code: \"false\", text: Bad}")
                .replace("equals: bad}", "equals: \"false\"}"));
        Path out = dir.resolve("examples");
        CliRun.Outcome run = cli().run("validate", "--explain", out.toString(), questionnaire.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String flag = Files.readString(out.resolve("tiny.flag.bad_pain.yaml"));
        assertThat(flag).contains("  pain: 'false'\n");
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                CliRun.Outcome screened = cli().run("run", "--questionnaire", questionnaire.toString(), "--answers", file.toString());
                assertThat(screened.exitCode()).as(file + ":\n" + Files.readString(file) + screened.err()).isZero();
            }
        }
    }

    @Test
    void a_negative_zero_or_absurd_budget_is_refused_with_exit_2() {
        for (String budget : List.of("-5", "0", "lots", "1000000001", "99999999999999999999")) {
            CliRun.Outcome run = cli().run("validate", "--budget", budget);
            assertThat(run.exitCode()).as(budget).isEqualTo(2);
            assertThat(run.err()).as(budget).startsWith("spinecheck validate: --budget must be a whole number of search steps from 1 to"
                    + " 1000000000, not '" + budget + "'");
            assertThat(run.out()).as(budget).isEmpty();
        }
    }

    @Test
    void texts_that_only_look_like_anchors_load() throws IOException {
        Path questionnaire = dir.resolve("anchor-like.yaml");
        Files.writeString(questionnaire, Files.readString(resource("/valid-tiny.yaml"))
                .replace("title: Tiny check", "title: a & b, [c] - &d")
                .replace("        text: How is the pain?", "        text: |\n          How is the pain? &x marks\n          *the spot")
                .replace("  disclaimer: This is not a diagnosis.", "  disclaimer: 'This is &not *a diagnosis.'"));
        CliRun.Outcome run = cli().run("validate", questionnaire.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
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
