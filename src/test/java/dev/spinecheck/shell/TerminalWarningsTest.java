package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** JLine's warnings reach the person as one plain line each: never a Java exception with its stack. */
class TerminalWarningsTest {
    private static final String PLAINER = " — spinecheck works the same, the screen may only look plainer";

    @Test
    void a_warning_with_an_exception_is_one_line_without_a_stack_trace_and_lesser_records_are_not_shown() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalWarnings warnings = new TerminalWarnings(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        LogRecord unknownType = new LogRecord(Level.WARNING, "Unable to retrieve infocmp for type nonexistent-term");
        unknownType.setThrown(new IOException("Unable to retrieve infocmp for nonexistent-term"));
        warnings.publish(unknownType);
        warnings.publish(new LogRecord(Level.INFO, "an informational line"));
        warnings.publish(new LogRecord(Level.FINE, "a debugging line"));
        warnings.publish(new LogRecord(Level.SEVERE, "Unable to create a system terminal,\n  creating a dumb terminal"));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "spinecheck: the terminal: Unable to retrieve infocmp for type nonexistent-term" + PLAINER + System.lineSeparator()
                + "spinecheck: the terminal: Unable to create a system terminal, creating a dumb terminal" + PLAINER + System.lineSeparator());
    }

    @Test
    void jlines_logger_gets_the_plain_lines_once_and_no_longer_passes_its_records_on() {
        TerminalWarnings.asPlainLines(System.err);
        TerminalWarnings.asPlainLines(System.err);
        Logger jline = Logger.getLogger("org.jline");
        assertThat(Arrays.stream(jline.getHandlers()).filter(h -> h instanceof TerminalWarnings)).hasSize(1);
        assertThat(jline.getUseParentHandlers()).as("not also printed, with its stack, by the root's console handler").isFalse();
    }
}
