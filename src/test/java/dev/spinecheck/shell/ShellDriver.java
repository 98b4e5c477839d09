package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.fail;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.Wording;
import dev.spinecheck.support.Bundled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Drives the interactive screening on an in-memory terminal: types keys, and waits for text to appear on the screen
 * (with a generous hang guard rather than fixed sleeps).
 */
final class ShellDriver implements AutoCloseable {
    static final Duration GUARD = Duration.ofSeconds(10);

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final CompletableFuture<Integer> exit;
    private int seen;

    record Setup(Path state, boolean plain, boolean colour, String type, Optional<Path> save, boolean noSave,
            Optional<Path> report, boolean force, Map<String, Answer> initial) {
        static Setup in(Path state) {
            return new Setup(state, false, false, "xterm-256color", Optional.empty(), false, Optional.empty(), false, Map.of());
        }

        Setup inPlainMode() {
            return new Setup(state, true, false, "dumb", save, noSave, report, force, initial);
        }

        Setup withColour() {
            return new Setup(state, plain, true, type, save, noSave, report, force, initial);
        }

        Setup withoutSaving() {
            return new Setup(state, plain, colour, type, save, true, report, force, initial);
        }

        Setup savingTo(Path file) {
            return new Setup(state, plain, colour, type, Optional.of(file), noSave, report, force, initial);
        }

        Setup reportingTo(Path file, boolean replace) {
            return new Setup(state, plain, colour, type, save, noSave, Optional.of(file), replace, initial);
        }

        Setup startingWith(Map<String, Answer> answers) {
            return new Setup(state, plain, colour, type, save, noSave, report, force, answers);
        }
    }

    ShellDriver(Setup setup) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (screen) {
                    screen.write(b, off, len);
                }
            }
        };
        terminal = TerminalBuilder.builder().system(false).provider("exec").streams(in, out).type(setup.type())
                .size(new Size(100, 40)).encoding(StandardCharsets.UTF_8).build();
        InteractiveScreening.Options options = new InteractiveScreening.Options(Bundled.questionnaire(), new Wording("999"),
                Map.of("XDG_STATE_HOME", setup.state().toString(), "HOME", setup.state().toString()),
                setup.save(), setup.noSave(), setup.report(), setup.force(), setup.initial());
        InteractiveScreening screening = new InteractiveScreening(terminal, new Style(setup.colour()), setup.plain(), options);
        exit = CompletableFuture.supplyAsync(screening::run);
    }

    /** Types a line and presses Enter. */
    ShellDriver type(String line) throws IOException {
        return press(line + "\r");
    }

    /** Sends raw keys (arrow sequences, Ctrl-C as \u0003, Ctrl-D as \u0004, TAB as \t). */
    ShellDriver press(String keysToSend) throws IOException {
        keys.write(keysToSend.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /** Waits until the text appears on the screen after what was already seen; returns the screen up to it. */
    String waitFor(String text) {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (System.nanoTime() < deadline) {
            String all = plainScreen();
            int at = all.indexOf(text, seen);
            if (at >= 0) {
                String shown = all.substring(seen, at + text.length());
                seen = at + text.length();
                return shown;
            }
            if (exit.isDone() && plainScreen().indexOf(text, seen) < 0) {
                fail("the screening ended (exit " + exit.join() + ") without showing \"" + text + "\"; screen:\n" + all.substring(seen));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("\"" + text + "\" did not appear within " + GUARD.toSeconds() + " s; screen:\n" + plainScreen().substring(seen));
    }

    /** Answers the question on screen once its prompt shows. */
    ShellDriver answer(String question, String typed) throws IOException {
        waitFor(question);
        waitFor("> ");
        return type(typed);
    }

    String rawScreen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** The screen without terminal control sequences. */
    String plainScreen() {
        return rawScreen().replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
    }

    int exitCode() throws Exception {
        return exit.get(GUARD.toSeconds(), TimeUnit.SECONDS);
    }

    /** Ends the input, then waits for the screening to finish (its last save included) before the test cleans up. */
    @Override
    public void close() throws IOException {
        keys.close();
        try {
            exit.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the test itself reports what went wrong; closing must still release the terminal
        } finally {
            terminal.close();
        }
    }
}
