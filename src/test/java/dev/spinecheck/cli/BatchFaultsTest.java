package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import dev.spinecheck.support.SpecialFiles;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code batch} under odd outputs and inputs: only regular files are replaced, devices and FIFOs are written straight
 * into, output problems are found before the work, and every input is on its own.
 */
class BatchFaultsTest {
    @TempDir
    Path dir;

    private Path answers(String name) throws IOException {
        return Files.writeString(dir.resolve(name), BatchCommandTest.CHEST);
    }

    private static void refusedBeforeTheWork(CliRun.Outcome run, int exit, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.out()).as("nothing was screened").isEmpty();
        assertThat(run.err()).contains(message).doesNotContain("bug").doesNotContain("Exception").doesNotContain(".tmp")
                .doesNotContain("answer sets");
    }

    @Test
    void a_folder_as_the_output_is_refused_before_the_work_with_exit_73() throws IOException {
        Path input = answers("a.yaml");
        Path folder = Files.createDirectory(dir.resolve("results"));

        refusedBeforeTheWork(cli().run("batch", "--output", folder.toString(), input.toString()), 73,
                "spinecheck batch: cannot write the results there: " + folder + " is a folder — give a file name, like "
                        + folder.resolve("results.jsonl"));
        assertThat(SpecialFiles.names(folder)).isEmpty();
    }

    @Test
    void a_missing_folder_is_refused_before_the_work_with_exit_73() throws IOException {
        Path input = answers("a.yaml");
        Path output = dir.resolve("no-such-folder/results.jsonl");

        refusedBeforeTheWork(cli().run("batch", "--output", output.toString(), input.toString()), 73,
                "the folder " + output.getParent() + " does not exist — create it first, or choose another place");
    }

    @Test
    void a_socket_as_the_output_is_refused_with_exit_73() throws IOException {
        Path input = answers("a.yaml");
        Path socket = dir.resolve("results.sock");
        try (ServerSocketChannel listening = SpecialFiles.socket(socket)) {
            refusedBeforeTheWork(cli().run("batch", "--output", socket.toString(), input.toString()), 73,
                    socket + " is a socket, not a file — give the name of a file");
        }
    }

    @Test
    void an_output_that_is_one_of_the_inputs_is_refused_and_the_answers_are_kept() throws IOException {
        Path input = answers("a.yaml");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), input);
        Files.createDirectory(dir.resolve("sub"));
        String dotted = dir.resolve("sub/../a.yaml").toString();

        for (String output : List.of(input.toString(), link.toString(), dotted)) {
            CliRun.Outcome run = cli().run("batch", "--output", output, input.toString());
            refusedBeforeTheWork(run, 2, "is the input " + input + ", and the results would replace it — choose another name for the output");
        }
        CliRun.Outcome throughTheFolder = cli().run("batch", "--output", input.toString(), dir.toString());
        refusedBeforeTheWork(throughTheFolder, 2, "is an answer file in the input folder " + dir);
        assertThat(Files.readString(input)).isEqualTo(BatchCommandTest.CHEST);
    }

    @Test
    void an_output_that_is_the_questionnaire_is_refused() throws IOException {
        Path questionnaire = Files.copy(Path.of("questionnaires/spine-screening.yaml"), dir.resolve("q.yaml"));
        byte[] before = Files.readAllBytes(questionnaire);
        CliRun.Outcome run = cli().run("batch", "--questionnaire", questionnaire.toString(), "--output", questionnaire.toString(),
                answers("a.yaml").toString());

        refusedBeforeTheWork(run, 2, "is the input " + questionnaire);
        assertThat(Files.readAllBytes(questionnaire)).isEqualTo(before);
    }

    @Test
    void dev_stdout_is_this_standard_output_and_dev_null_is_written_straight_into() throws IOException {
        Path input = answers("a.yaml");

        CliRun.Outcome stdout = cli().run("batch", "--output", "/dev/stdout", input.toString());
        assertThat(stdout.exitCode()).isZero();
        assertThat(Json.lines(stdout.out())).hasSize(1);
        assertThat(Files.isSymbolicLink(Path.of("/dev/stdout"))).isTrue();

        CliRun.Outcome devNull = cli().run("batch", "--output", "/dev/null", input.toString());
        assertThat(devNull.exitCode()).isZero();
        assertThat(SpecialFiles.type(Path.of("/dev/null"))).isEqualTo("character special file");
    }

    @Test
    void a_fifo_is_written_straight_into_and_stays_a_fifo() throws Exception {
        Path input = answers("a.yaml");
        Path fifo = SpecialFiles.fifo(dir.resolve("results.fifo"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun.Outcome run = cli().run("batch", "--output", fifo.toString(), input.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.lines(reader.get(30, TimeUnit.SECONDS))).hasSize(2);
        assertThat(SpecialFiles.type(fifo)).isEqualTo("fifo");
        assertThat(SpecialFiles.names(dir)).containsExactly("a.yaml", "results.fifo");
    }

    @Test
    void a_device_node_in_a_folder_is_written_straight_into_and_never_replaced() throws IOException {
        assumeTrue(SpecialFiles.isRoot(), "making a device node with mknod needs root; run the tests as root to check this fault");
        Path input = answers("a.yaml");
        Path device = SpecialFiles.nullDevice(dir.resolve("devnull"));

        CliRun.Outcome run = cli().run("batch", "--output", device.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(SpecialFiles.type(device)).isEqualTo("character special file");
        assertThat(SpecialFiles.names(dir)).containsExactly("a.yaml", "devnull");
    }

    @Test
    void a_name_the_system_cannot_encode_is_one_error_and_the_batch_goes_on() throws IOException {
        Path good = answers("good.yaml");
        String unpaired = "half-\uD800-surrogate.yaml";

        CliRun.Outcome run = cli().run("batch", unpaired, good.toString());

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("error").path("message").asString()).startsWith("half-\\uD800-surrogate.yaml: the name cannot be used"
                + " as a file name here").contains("LC_ALL=C.UTF-8");
        assertThat(lines.get(1).path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(run.exitCode()).isEqualTo(66);
    }

    @Test
    void an_unreadable_folder_is_one_error_and_the_batch_goes_on() throws IOException {
        assumeTrue(!SpecialFiles.isRoot(), "root may read any folder: FaultsIT checks this as another user");
        Path good = answers("good.yaml");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("x.yaml"), BatchCommandTest.CHEST);
        locked.toFile().setReadable(false, false);
        try {
            CliRun.Outcome run = cli().run("batch", locked.toString(), good.toString());
            List<JsonNode> lines = Json.lines(run.out());
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).path("error").path("message").asString()).isEqualTo(locked + ": permission denied — check that you may read it");
            assertThat(lines.get(1).path("level").asString()).isEqualTo("EMERGENCY");
        } finally {
            locked.toFile().setReadable(true, true);
        }
    }

    @Test
    void standard_input_closed_is_one_error_saying_there_is_no_input() throws IOException {
        Path good = answers("good.yaml");

        CliRun.Outcome run = cli().stdin(new StandardInput.Closed()).run("batch", "-", good.toString());

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("source").asString()).isEqualTo("-");
        assertThat(lines.get(0).path("error").path("message").asString()).startsWith("-: there is no standard input: it is closed — ");
        assertThat(run.exitCode()).isEqualTo(66);
    }

    @Test
    void a_5_mb_record_is_told_its_real_size_and_the_limit() {
        String big = "{\"record\": \"" + "z".repeat(5 * 1024 * 1024) + "\"}\n";

        CliRun.Outcome run = cli().stdin(big + BatchCommandTest.EMERGENCY + "\n").run("batch", "-");

        List<JsonNode> lines = Json.lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("error").path("message").asString())
                .isEqualTo("-:1:1: the line is too large (5.0 MB) — a questionnaire or answer file is at most 2 MB");
        assertThat(lines.get(1).path("level").asString()).isEqualTo("EMERGENCY");
    }
}
