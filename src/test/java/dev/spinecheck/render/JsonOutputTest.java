package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.script.Verdict;
import dev.spinecheck.support.Bundled;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON goes to a writer the caller owns: written and flushed, never closed (standard output stays open). */
class JsonOutputTest {

    /** A writer that remembers being closed, as standard output would be lost. */
    private static final class Watched extends StringWriter {
        boolean closed;
        int flushes;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void a_json_line_is_written_and_flushed_and_the_writer_stays_open() {
        Watched out = new Watched();
        Verdict refused = Verdict.Refused.of("a.yaml", 66, List.of("a.yaml: no such file — check the path"));

        new JsonReport(new Wording(null)).write(refused, Bundled.questionnaire(), true, out);
        JsonReport.error(66, List.of("b.yaml: no such file — check the path"), out);

        assertThat(out.closed).isFalse();
        assertThat(out.flushes).isPositive();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }
}
