package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.files.ThrowingOutputStream;
import dev.spinecheck.script.ExitStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write to standard output that fails is an error, never a silent "done": the command stops at the first failure
 * with one plain line and exit 74; a reader that went away stops it quietly with exit 141. (FaultsIT produces the
 * same faults for real: a full tmpfs, /dev/full, a closed pipe.)
 */
class WriteFaultsTest {
    @TempDir
    Path dir;

    /** Standard output on a disk that fills up after {@code room} bytes, as the system reports it. */
    static final class FillingUp extends OutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final String reason;
        private int room;
        int writesAfterTheFailure;
        private boolean failed;

        FillingUp(int room, String reason) {
            this.room = room;
            this.reason = reason;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failed) {
                writesAfterTheFailure++;
            }
            int fits = Math.min(room, len);
            written.write(b, off, fits);
            room -= fits;
            if (fits < len) {
                failed = true;
                throw new IOException(reason);
            }
        }

        String written() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    record Ran(int exitCode, String err) {}

    static Ran run(OutputStream stdout, String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new ThrowingOutputStream(stdout, Optional.empty()), StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int code = Cli.execute(new Io(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err), Map.of()), args);
        return new Ran(code, err.toString());
    }

    private Path folderOf(int answerSets) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("answers"));
        for (int i = 0; i < answerSets; i++) {
            Files.writeString(folder.resolve(String.format("%04d.yaml", i)), BatchCommandTest.CHEST);
        }
        return folder;
    }

    @Test
    void a_batch_on_a_full_disk_stops_at_the_first_failed_write_with_exit_74() throws IOException {
        FillingUp disk = new FillingUp(20_000, "No space left on device");

        Ran ran = run(disk, "batch", folderOf(200).toString());

        assertThat(ran.exitCode()).isEqualTo(ExitStatus.CANNOT_WRITE).isEqualTo(74);
        assertThat(ran.err()).isEqualTo("spinecheck: cannot write the results: No space left on device — the output is incomplete;"
                + " free some space or write elsewhere, and run again\n");
        assertThat(ran.err()).as("no summary claims the batch was done").doesNotContain("errors 0");
        assertThat(disk.writesAfterTheFailure).as("nothing is written after the first failure").isZero();
        assertThat(disk.written().length()).isEqualTo(20_000);
    }

    @Test
    void a_reader_that_goes_away_stops_the_batch_at_once_and_quietly() throws IOException {
        FillingUp pipe = new FillingUp(5_000, "Broken pipe");

        Ran ran = run(pipe, "batch", folderOf(200).toString());

        assertThat(ran.exitCode()).isEqualTo(ExitStatus.BROKEN_PIPE).isEqualTo(141);
        assertThat(ran.err()).isEmpty();
        assertThat(pipe.writesAfterTheFailure).isZero();
    }

    @Test
    void run_help_and_version_report_a_failed_write_too() {
        Path answers = Path.of("questionnaires/examples/harmless.yaml");
        for (String[] args : new String[][] {{"run", "--answers", answers.toString()}, {"run", "--answers", answers.toString(), "--format", "json"},
                {"--help"}, {"batch", "--help"}, {"--version"}, {"validate"}}) {
            Ran ran = run(new FillingUp(10, "No space left on device"), args);
            assertThat(ran.exitCode()).as(String.join(" ", args)).isEqualTo(74);
            assertThat(ran.err()).as(String.join(" ", args)).contains("cannot write the results: No space left on device")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void a_refused_run_in_json_or_fhir_reports_a_failed_write_and_nothing_inside_goes_wrong() throws IOException {
        Path unfinished = Files.writeString(dir.resolve("unfinished.json"), "{\"answers\":{\"age\":40}}");
        for (String format : List.of("json", "fhir")) {
            for (String flag : List.of("", "--debug")) {
                List<String> words = new java.util.ArrayList<>(List.of("run", "--answers", unfinished.toString(), "--format", format));
                if (!flag.isEmpty()) {
                    words.add(0, flag);
                }
                Ran ran = run(new FillingUp(0, "No space left on device"), words.toArray(String[]::new));
                assertThat(ran.exitCode()).as("%s", words).isEqualTo(74);
                assertThat(ran.err()).as("%s", words).contains("cannot write the results: No space left on device")
                        .doesNotContain("went wrong").doesNotContain("Exception");
            }
        }
    }

    @Test
    void output_that_fits_is_written_whole_and_exits_0() throws IOException {
        FillingUp disk = new FillingUp(10_000_000, "No space left on device");

        Ran ran = run(disk, "batch", folderOf(3).toString());

        assertThat(ran.exitCode()).isZero();
        assertThat(disk.written().lines()).hasSize(3);
    }
}
