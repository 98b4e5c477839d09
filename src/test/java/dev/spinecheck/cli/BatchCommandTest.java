package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck batch}: many answer sets, one JSON line each, in input order; a bad input never stops it. */
class BatchCommandTest {
    @TempDir
    Path dir;

    static final String EMERGENCY = "{\"answers\": {\"age\": 40, \"pain_region\": [\"neck\"], \"spine_surgery\": \"none\", \"injury\": \"serious\"}}";
    static final String CHEST = "answers:\n  age: 70\n  pain_region: [lower_back]\n  spine_surgery: none\n  injury: none\n  chest_pain: yes\n";

    @Test
    void a_folder_gives_its_answer_files_sorted_by_name_and_names_the_files_it_skips() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), CHEST);
        Files.writeString(dir.resolve("a.json"), EMERGENCY);
        Files.writeString(dir.resolve("c.yml"), CHEST);
        Files.writeString(dir.resolve("notes.txt"), "not an answer file");
        Files.createDirectories(dir.resolve("sub.yaml"));

        CliRun.Outcome run = cli().run("batch", dir.toString());

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).extracting(l -> Path.of(l.path("source").asString()).getFileName().toString())
                .containsExactly("a.json", "b.yaml", "c.yml");
        assertThat(lines).extracting(l -> l.path("level").asString()).containsOnly("EMERGENCY");
        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly(
                "spinecheck batch: skipped " + dir.resolve("notes.txt") + " (not a .yaml, .yml or .json file)",
                "spinecheck batch: skipped " + dir.resolve("sub.yaml") + " (a folder: subfolders are not read)",
                "spinecheck batch: 3 answer sets — EMERGENCY 3, URGENT 0, SOON 0, ROUTINE 0, SELF_CARE 0; errors 0");
    }

    @Test
    void a_json_lines_file_with_one_bad_line_reports_it_in_its_own_line_and_screens_the_rest() throws IOException {
        Path jsonl = dir.resolve("many.jsonl");
        Files.writeString(jsonl, EMERGENCY + "\n\n{\"answers\": {\"age\": \"forty\"}}\n" + EMERGENCY + "\n");

        CliRun.Outcome run = cli().run("batch", jsonl.toString());

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).extracting(l -> l.path("source").asString())
                .containsExactly(jsonl + ":1", jsonl + ":3", jsonl + ":4");
        assertThat(lines.get(1).path("error").path("problems").get(0).asString())
                .isEqualTo(jsonl + ":3:21: age takes a whole number, not text ('forty') — write a number from 16 to 120, without quotes");
        assertThat(lines.get(2).path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("3 answer sets").contains("errors 1");
    }

    @Test
    void standard_input_is_read_as_json_lines() {
        CliRun.Outcome run = cli().stdin(EMERGENCY + "\n" + EMERGENCY + "\n").run("batch", "-");

        assertThat(Json.lines(run.out())).extracting(l -> l.path("source").asString()).containsExactly("-:1", "-:2");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void a_broken_link_and_a_link_loop_in_a_folder_are_reported_and_the_batch_goes_on() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), CHEST);
        Files.createSymbolicLink(dir.resolve("a-broken.yaml"), dir.resolve("gone.yaml"));
        Files.createSymbolicLink(dir.resolve("c-loop.yaml"), dir.resolve("d-loop.yaml"));
        Files.createSymbolicLink(dir.resolve("d-loop.yaml"), dir.resolve("c-loop.yaml"));

        CliRun.Outcome run = cli().run("batch", dir.toString());

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("error").path("message").asString()).contains("a-broken.yaml").contains("does not exist");
        assertThat(lines.get(1).path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(lines.get(2).path("error").path("exit_code").asInt()).isEqualTo(66);
        assertThat(lines.get(3).path("error").path("exit_code").asInt()).isEqualTo(66);
        assertThat(lines.get(2).path("error").path("message").asString()).contains("c-loop.yaml: is a loop of symbolic links")
                .doesNotContain("does not exist");
        assertThat(run.exitCode()).as("every bad input could not be read").isEqualTo(66);
    }

    @Test
    void a_broken_link_gets_the_same_exit_code_inside_a_folder_and_given_directly() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("answers"));
        Path link = Files.createSymbolicLink(folder.resolve("broken.yaml"), dir.resolve("gone.yaml"));

        CliRun.Outcome inFolder = cli().run("batch", folder.toString());
        CliRun.Outcome direct = cli().run("batch", link.toString());

        assertThat(inFolder.exitCode()).isEqualTo(66);
        assertThat(direct.exitCode()).isEqualTo(66);
        assertThat(Json.lines(inFolder.out()).get(0).path("error").path("message").asString())
                .isEqualTo(Json.lines(direct.out()).get(0).path("error").path("message").asString());
    }

    @Test
    void results_written_into_the_input_folder_are_not_taken_for_an_input() throws IOException {
        Files.writeString(dir.resolve("a.json"), EMERGENCY);

        CliRun.Outcome run = cli().run("batch", dir.toString(), "--output", dir.resolve("results.jsonl").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("skipped");
        assertThat(Json.lines(Files.readString(dir.resolve("results.jsonl")))).hasSize(1);
    }

    @Test
    void an_empty_name_is_an_unreadable_input_not_the_current_folder() {
        CliRun.Outcome run = cli().run("batch", "", "--output", "");

        assertThat(run.exitCode()).as("--output '' is a usage error").isEqualTo(2);
        assertThat(run.err()).contains("'--output': '': an empty name is not a file or folder");

        CliRun.Outcome input = cli().run("batch", "");

        assertThat(input.exitCode()).isEqualTo(66);
        assertThat(Json.lines(input.out()).get(0).path("error").path("message").asString())
                .isEqualTo("'': an empty name is not a file or folder — give its path (for the current folder, write .)");
    }

    @Test
    void an_invalid_input_beside_an_unreadable_one_gives_65() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "answers:\n  age: forty\n");

        CliRun.Outcome run = cli().run("batch", dir.resolve("gone.yaml").toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(65);
    }

    @Test
    void an_empty_folder_is_an_error_66_that_says_so() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun.Outcome run = cli().run("batch", empty.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(Json.lines(run.out()).get(0).path("error").path("message").asString())
                .isEqualTo(empty + ": the folder holds no answer files (*.yaml, *.yml, *.json) — give a folder of answer files, or the files themselves");
        assertThat(run.err()).contains("1 answer set — ").contains("errors 1");
    }

    @Test
    void a_folder_without_answer_files_is_an_error_66_and_names_what_it_skipped() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(folder.resolve("readme.txt"), "no answers here");

        CliRun.Outcome run = cli().run("batch", folder.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.errLines().get(0)).isEqualTo("spinecheck batch: skipped " + folder.resolve("readme.txt") + " (not a .yaml, .yml or .json file)");
        assertThat(run.out()).contains("the folder holds no answer files");
    }

    @Test
    void one_answer_set_is_counted_in_the_singular() throws IOException {
        Path one = dir.resolve("one.yaml");
        Files.writeString(one, CHEST);

        CliRun.Outcome run = cli().run("batch", one.toString());

        assertThat(run.err()).startsWith("spinecheck batch: 1 answer set — EMERGENCY 1,");
    }

    @Test
    void an_input_that_does_not_exist_exits_66_after_the_rest_is_done() throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, CHEST);

        CliRun.Outcome run = cli().run("batch", dir.resolve("missing.yaml").toString(), good.toString());

        assertThat(Json.lines(run.out())).hasSize(2);
        assertThat(run.exitCode()).isEqualTo(66);
    }

    @Test
    void output_goes_to_a_private_file_written_atomically() throws IOException {
        Path input = dir.resolve("in.yaml");
        Files.writeString(input, CHEST);
        Path output = dir.resolve("out.jsonl");
        Files.writeString(output, "old content\n");

        CliRun.Outcome run = cli().run("batch", "--output", output.toString(), input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Json.lines(Files.readString(output))).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.yaml", "out.jsonl");
        }
    }

    @Test
    void a_symlink_planted_at_the_output_path_is_replaced_not_followed() throws IOException {
        Path input = dir.resolve("in.yaml");
        Files.writeString(input, CHEST);
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me\n");
        Path output = dir.resolve("out.jsonl");
        Files.createSymbolicLink(output, victim);

        cli().run("batch", "--output", output.toString(), input.toString());

        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
        assertThat(Files.isSymbolicLink(output)).isFalse();
        assertThat(Json.lines(Files.readString(output))).hasSize(1);
    }

    @Test
    void a_batch_needs_at_least_one_input() {
        assertThat(cli().run("batch").exitCode()).isEqualTo(2);
    }
}
