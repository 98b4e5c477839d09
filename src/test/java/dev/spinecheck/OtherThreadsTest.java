package dev.spinecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A failure on a thread of its own is one line, never a stack trace; a terminal that is gone, nothing at all. */
class OtherThreadsTest {

    @Test
    void a_failure_on_another_thread_is_one_line_and_a_lost_terminal_is_not_told() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.OtherThreads handler = new Main.OtherThreads();
            handler.uncaughtException(new Thread("SIGCONT handler"),
                    new IOError(new IOException("Error calling ioctl(TIOCGWINSZ): return code is -1")));
            handler.uncaughtException(new Thread("helper"), new IllegalStateException("odd"));
        } finally {
            System.setErr(before);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("spinecheck: something went wrong inside spinecheck"
                + " (java.lang.IllegalStateException: odd, on its thread \"helper\"). This is a bug; please report it."
                + System.lineSeparator());
    }
}
