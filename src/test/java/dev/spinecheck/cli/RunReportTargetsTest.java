package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --report}: the same rules as batch --output; a summary never replaces what it was made from. */
class RunReportTargetsTest {
    @TempDir
    Path dir;

    private Path answers() throws IOException {
        return Files.copy(Path.of("questionnaires/examples/harmless.yaml"), dir.resolve("answers.yaml"));
    }

    @Test
    void the_summary_never_replaces_the_answer_file_even_with_force() throws IOException {
        Path answers = answers();
        byte[] before = Files.readAllBytes(answers);

        CliRun.Outcome run = cli().run("run", "--answers", answers.toString(), "--report", answers.toString(), "--force");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--report " + answers + " is the input " + answers + ", and the summary would replace it");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllBytes(answers)).isEqualTo(before);
    }

    @Test
    void a_folder_as_the_summary_is_refused_before_the_screening() throws IOException {
        CliRun.Outcome run = cli().run("run", "--answers", answers().toString(), "--report", dir.toString());

        assertThat(run.exitCode()).isEqualTo(73);
        assertThat(run.err()).contains(dir + " is a folder — give a file name").doesNotContain("bug");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void the_summary_can_go_to_standard_output_dev_null_or_a_fifo_without_force() throws Exception {
        Path answers = answers();

        CliRun.Outcome stdout = cli().run("run", "--answers", answers.toString(), "--format", "json", "--report", "/dev/stdout");
        assertThat(stdout.exitCode()).as(stdout.err()).isZero();
        assertThat(stdout.out()).contains("\"level\":\"SELF_CARE\"").contains("# ");

        assertThat(cli().run("run", "--answers", answers.toString(), "--report", "/dev/null").exitCode()).isZero();
        assertThat(SpecialFiles.type(Path.of("/dev/null"))).isEqualTo("character special file");

        Path fifo = SpecialFiles.fifo(dir.resolve("summary.fifo"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun.Outcome toFifo = cli().run("run", "--answers", answers.toString(), "--report", fifo.toString());
        assertThat(toFifo.exitCode()).as(toFifo.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("SELF-CARE");
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
    }

    @Test
    void standard_input_closed_says_there_is_no_input() {
        CliRun.Outcome run = cli().stdin(new StandardInput.Closed()).run("run", "--answers", "-");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).isEqualTo("These answers have not been screened: fix the problems below and run again.\n"
                + "spinecheck run: --answers - reads standard input, but there is no standard input: it is closed"
                + " — give the answer file's name, or pipe the answers in (spinecheck run --answers - < answers.yaml)\n");
    }
}
