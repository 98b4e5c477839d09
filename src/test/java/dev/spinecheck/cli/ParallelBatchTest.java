package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.files.ThrowingOutputStream;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomRecords;
import dev.spinecheck.support.Seeds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A batch screened on several cores writes exactly what one screened in turn writes, in input order. */
class ParallelBatchTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {}

    private static Run batch(int workers, InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(in, new PrintWriter(out), new PrintWriter(err), Map.of());
        CommandLine command = new CommandLine(new BatchCommand(io, workers));
        command.setOut(io.out());
        command.setErr(io.err());
        int code = command.execute(args);
        io.out().flush();
        io.err().flush();
        return new Run(code, out.toString(), err.toString());
    }

    /** FHIR Bundles name their resources by random UUIDs: those are the only difference allowed. */
    private static String withoutUuids(String text) {
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void on_several_cores_the_output_is_byte_for_byte_the_one_of_one_core(long seed) throws IOException {
        Random random = new Random(seed);
        String records = RandomRecords.lines(Bundled.questionnaire(), random, 500 + random.nextInt(300));
        Path file = dir.resolve("records.jsonl");
        Files.writeString(file, records);

        Run one = batch(1, new ByteArrayInputStream(new byte[0]), file.toString());
        Run four = batch(4, new ByteArrayInputStream(new byte[0]), file.toString());
        byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
        Run pipedOne = batch(1, new ByteArrayInputStream(bytes), "-", file.toString());
        Run piped = batch(3, new ByteArrayInputStream(bytes), "-", file.toString());

        assertThat(four.out()).as("seed %d", seed).isEqualTo(one.out());
        assertThat(four.err()).as("seed %d", seed).isEqualTo(one.err());
        assertThat(four.exitCode()).isEqualTo(one.exitCode());
        assertThat(one.err()).as("the records mix errors and emergencies").contains("EMERGENCY").doesNotContain("errors 0");
        assertThat(piped.out()).as("seed %d", seed).isEqualTo(pipedOne.out()).endsWith(one.out());
        assertThat(piped.err()).isEqualTo(pipedOne.err());

        Run fhirOne = batch(1, new ByteArrayInputStream(new byte[0]), "--format", "fhir", file.toString());
        Run fhirTwo = batch(2, new ByteArrayInputStream(new byte[0]), "--format", "fhir", file.toString());
        assertThat(withoutUuids(fhirTwo.out())).as("seed %d", seed).isEqualTo(withoutUuids(fhirOne.out()));
        assertThat(fhirTwo.err()).isEqualTo(fhirOne.err());
    }

    @Test
    void the_lines_come_in_input_order() throws IOException {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            records.append(i % 7 == 0 ? "{\"answers\": {\"age\": \"x\"}}" : BatchCommandTest.EMERGENCY).append('\n');
        }
        Path file = dir.resolve("ordered.jsonl");
        Files.writeString(file, records);

        Run run = batch(4, new ByteArrayInputStream(new byte[0]), file.toString());

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"source\":\"" + file + ":" + (i + 1) + "\"");
        }
    }

    /** An endless input of records, counting what was read. */
    private static final class Endless extends InputStream {
        private final byte[] line = (BatchCommandTest.EMERGENCY + "\n").getBytes(StandardCharsets.UTF_8);
        private final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            return line[(int) (read.getAndIncrement() % line.length)];
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            for (int i = 0; i < length; i++) {
                into[offset + i] = (byte) read();
            }
            return length;
        }
    }

    /** Standard output that fails after some bytes, as a closed pipe or a full disk does. */
    private static OutputStream failingAfter(long bytes, String reason) {
        return new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > bytes) {
                    throw new IOException(reason);
                }
            }
        };
    }

    private static int endless(String reason, StringWriter err, Endless in) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new ThrowingOutputStream(failingAfter(200_000, reason), Optional.empty()),
                StandardCharsets.UTF_8));
        return Cli.execute(new Io(in, out, new PrintWriter(err), Map.of()), "batch", "-");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_closed_pipe_stops_an_endless_batch_quietly_with_141() {
        StringWriter err = new StringWriter();
        Endless in = new Endless();

        int code = endless("Broken pipe", err, in);

        assertThat(code).isEqualTo(141);
        assertThat(err.toString()).isEmpty();
        // The read under way when the writer failed may end; then nothing more is read.
        long after = waitedFor(in);
        assertThat(waitedFor(in)).as("the reader stopped").isEqualTo(after);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_full_disk_stops_an_endless_batch_with_one_line_and_74() {
        StringWriter err = new StringWriter();
        Endless in = new Endless();

        int code = endless("No space left on device", err, in);

        assertThat(code).isEqualTo(74);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("spinecheck: cannot write the results: No space left on device");
        long after = waitedFor(in);
        assertThat(waitedFor(in)).as("the reader stopped").isEqualTo(after);
    }

    /** What the input had given once the reader had time to go on, were it still running. */
    private static long waitedFor(Endless in) {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return in.read.get();
    }
}
