package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large, deep and hostile inputs, made at run time, through the packaged program with 64 MB of heap: each gets a
 * clear one-line message per problem with its place, exit 65 or 66 (never 0, never 1), no stack trace, and no hang.
 */
class HostileInputIT {
    static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    @TempDir
    Path dir;

    static void refused(Packaged.Ran ran, int exit, String message) {
        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(exit);
        assertThat(ran.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemory");
        for (String line : ran.err().split("\n")) {
            if (line.startsWith("These answers have not been screened")) {
                continue;
            }
            assertThat(line).matches(".+:\\d+:\\d+: .+ — .+|.+: .+ — .+");
        }
    }

    Packaged.Ran run(Path answers) {
        return Packaged.run(SMALL_HEAP, "run", "--answers", answers.toString());
    }

    @Test
    void a_billion_laughs_document_is_refused_without_expanding_anything() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = String.valueOf(c);
        }
        yaml.append("answers: *j\n");
        Path file = dir.resolve("laughs.yaml");
        Files.writeString(file, yaml);
        Packaged.Ran ran = run(file);
        refused(ran, 65, file + ":2:");
        assertThat(ran.err()).contains("an alias (*a) is not allowed").contains("an anchor (&a) is not allowed");
    }

    @Test
    void nesting_ten_thousand_deep_is_refused() throws IOException {
        Path yaml = dir.resolve("deep.yaml");
        Files.writeString(yaml, "answers: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
        Path json = dir.resolve("deep.json");
        Files.writeString(json, "[".repeat(10_000) + "]".repeat(10_000));
        refused(run(yaml), 65, "the values are nested too deeply (more than 64 levels)");
        refused(run(json), 65, "the values are nested too deeply (more than 64 levels)");
    }

    @Test
    void a_50_mb_file_is_refused_before_it_is_read() throws IOException {
        Path file = dir.resolve("big.yaml");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("answers:\n");
            String line = "  # " + "x".repeat(1019) + "\n";
            for (int i = 0; i < 50 * 1024; i++) {
                w.write(line);
            }
        }
        refused(run(file), 65, "the file is too large (50.");
    }

    @Test
    void fifty_megabytes_on_standard_input_are_refused_with_bounded_memory() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Packaged.command(SMALL_HEAP, "run", "--answers", "-"));
        Process process = builder.redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            byte[] chunk = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50 * 1024; i++) {
                in.write(chunk);
            }
        } catch (IOException e) {
            // the program stops reading once it has seen enough: that is the point
        }
        assertThat(process.waitFor(Packaged.HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(65);
        assertThat(out).contains("<stdin>:1:1: the input is too large").doesNotContain("Exception");
    }

    @Test
    void a_10_mb_single_string_and_a_long_text_value_are_refused() throws IOException {
        Path huge = dir.resolve("string.yaml");
        Files.writeString(huge, "answers:\n  age: \"" + "4".repeat(10 * 1024 * 1024) + "\"\n");
        refused(run(huge), 65, "the file is too large (10.0 MB)");
        Path longText = dir.resolve("text.yaml");
        Files.writeString(longText, "record: \"" + "r".repeat(150_000) + "\"\nanswers:\n  age: 40\n");
        refused(run(longText), 65, "a text value is too long (more than 100000 characters)");
    }

    @Test
    void a_10_mb_line_in_json_lines_is_reported_and_the_other_lines_are_screened() throws IOException {
        Path jsonl = dir.resolve("lines.jsonl");
        String good = "{\"answers\": {\"age\": 40, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\", \"injury\": \"serious\"}}\n";
        Files.writeString(jsonl, good + "{\"record\": \"" + "z".repeat(10 * 1024 * 1024) + "\"}\n" + good);
        Packaged.Ran ran = Packaged.run(SMALL_HEAP, "batch", jsonl.toString());
        assertThat(ran.exitCode()).isEqualTo(65);
        String[] lines = ran.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"source\":\"" + jsonl + ":2\"").contains("the line is too large");
        assertThat(lines[0]).contains("\"level\":\"EMERGENCY\"");
        assertThat(lines[2]).contains("\"level\":\"EMERGENCY\"");
    }

    @Test
    void a_file_that_cannot_be_read_exits_66() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        Packaged.Ran ran = run(fifo);
        assertThat(ran.exitCode()).isEqualTo(66);
        assertThat(ran.err()).contains("is not a regular file");
    }

    @Test
    void a_folder_given_as_a_questionnaire_or_answer_file_exits_66() {
        assertThat(run(dir).exitCode()).isEqualTo(66);
        Packaged.Ran ran = Packaged.run(SMALL_HEAP, "validate", dir.toString());
        assertThat(ran.exitCode()).isEqualTo(66);
        assertThat(ran.err()).contains("is a folder");
    }
}
