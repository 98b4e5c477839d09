package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.spinecheck.render.Style;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.support.Bundled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal that goes away (closed, hung up) in the middle of a screening. */
class TerminalLostTest {

    @Test
    void a_terminal_that_fails_to_read_ends_the_screening_as_unfinished_with_its_answers_kept(@TempDir Path state) throws IOException {
        byte[] typed = "45\r".getBytes(StandardCharsets.UTF_8);
        Path progress = state.resolve("spinecheck/spine-screening.progress.yaml");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        InputStream in = new InputStream() {
            private int at;

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                // What is typed arrives at once, as from a terminal (not byte by byte until the stream ends).
                if (length == 0) {
                    return 0;
                }
                into[offset] = (byte) read();
                int n = 1;
                while (n < length && at > 0 && at < typed.length) {
                    into[offset + n++] = typed[at++];
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                if (at == 0) {
                    // The answer is typed at the first question's prompt,
                    waitUntil(() -> plain(screen).contains("How old are you?"));
                }
                if (at < typed.length) {
                    return typed[at++];
                }
                // and the terminal goes away once it is in (saved as it was given).
                waitUntil(() -> Files.exists(progress));
                throw new IOException("Input/output error");
            }
        };
        Terminal terminal = TerminalBuilder.builder().system(false).provider("exec").streams(in, screen)
                .type("xterm-256color").size(new Size(100, 40)).encoding(StandardCharsets.UTF_8).build();
        InteractiveScreening.Options options = new InteractiveScreening.Options(Bundled.questionnaire(), new Wording("999"),
                Map.of("XDG_STATE_HOME", state.toString(), "HOME", state.toString()), Optional.empty(), false, Optional.empty(),
                false, Map.of());
        int exit = assertTimeoutPreemptively(ShellDriver.GUARD,
                () -> new InteractiveScreening(terminal, new Style(false), false, options).run());
        assertThat(exit).as("unfinished, not a crash").isEqualTo(ExitStatus.NOT_FINISHED);
        assertThat(Files.readString(progress)).contains("age: 45");
    }

    private static String plain(ByteArrayOutputStream screen) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replace("\r", "");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + ShellDriver.GUARD.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
