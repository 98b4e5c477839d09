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
 * (polling, with a short hang guard rather than fixed sleeps, so that a failing test fails in seconds).
 */
final class ShellDriver implements AutoCloseable {
    static final Duration GUARD = Duration.ofSeconds(5);

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final CompletableFuture<Integer> exit;
    private int seen;

    record Setup(Path state, boolean plain, boolean colour, String type, Optional<Path> save, boolean noSave,
            Optional<Path> report, boolean force, Map<String, Answer> initial, Size size, Map<String, String> env) {
        static Setup in(Path state) {
            return new Setup(state, false, false, "xterm-256color", Optional.empty(), false, Optional.empty(), false, Map.of(),
                    new Size(100, 40), Map.of("XDG_STATE_HOME", state.toString(), "HOME", state.toString()));
        }

        Setup sized(int columns, int rows) {
            return new Setup(state, plain, colour, type, save, noSave, report, force, initial, new Size(columns, rows), env);
        }

        /** The environment the screening sees, instead of XDG_STATE_HOME and HOME under the test's folder. */
        Setup withEnvironment(Map<String, String> environment) {
            return new Setup(state, plain, colour, type, save, noSave, report, force, initial, size, environment);
        }

        Setup inPlainMode() {
            return new Setup(state, true, false, "dumb", save, noSave, report, force, initial, size, env);
        }

        Setup withColour() {
            return new Setup(state, plain, true, type, save, noSave, report, force, initial, size, env);
        }

        Setup withoutSaving() {
            return new Setup(state, plain, colour, type, save, true, report, force, initial, size, env);
        }

        Setup savingTo(Path file) {
            return new Setup(state, plain, colour, type, Optional.of(file), noSave, report, force, initial, size, env);
        }

        Setup reportingTo(Path file, boolean replace) {
            return new Setup(state, plain, colour, type, save, noSave, Optional.of(file), replace, initial, size, env);
        }

        Setup startingWith(Map<String, Answer> answers) {
            return new Setup(state, plain, colour, type, save, noSave, report, force, answers, size, env);
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
                .size(setup.size()).encoding(StandardCharsets.UTF_8).build();
        InteractiveScreening.Options options = new InteractiveScreening.Options(Bundled.questionnaire(), new Wording("999"),
                setup.env(),
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

    /** Types at the next prompt ("> "). */
    ShellDriver reply(String typed) throws IOException {
        waitFor("> ");
        return type(typed);
    }

    /** Age 40, lower back, no operation, no injury, no chest pain: the first questions of a harmless walk. */
    ShellDriver harmlessStart() throws IOException {
        answer("How old are you?", "40");
        answer("Where is your pain?", "3");
        answer("operation on your spine?", "1");
        answer("accident, a fall or an injury", "none");
        return answer("chest pain now", "no");
    }

    /** Age 40, lower back, no operation, then a serious accident: an emergency (call) at the fourth question. */
    ShellDriver seriousAccident() throws IOException {
        answer("How old are you?", "40");
        answer("Where is your pain?", "3");
        answer("operation on your spine?", "1");
        return answer("accident, a fall or an injury", "serious");
    }

    /** From sudden_severe_pain on, the harmless answers to the end of a lower-back walk, up to the review. */
    ShellDriver harmlessRest() throws IOException {
        answer("sudden, severe pain", "no");
        answer("numbness or tingling between your legs", "no");
        answer("change in how your bladder works", "no");
        answer("lost control of your bowels", "no");
        answer("both legs", "no");
        answer("erection", "no");
        answer("spread down a leg", "no");
        answer("(pins and needles)", "no");
        answer("Is an arm or leg weak", "no");
        answer("difficulty walking", "no");
        answer("temperature of 38", "no");
        answer("Does any of these apply to you?", "none");
        answer("ever had cancer", "no");
        answer("lost weight", "no");
        answer("worse at night", "no");
        answer("lump or swelling", "no");
        answer("osteoporosis", "no");
        answer("How long have you had this pain?", "less");
        answer("better, staying the same", "better");
        answer("get in the way of your daily life", "a little");
        answer("already tried", "none");
        return answer("Has a doctor told you", "none");
    }

    /** Waits for the prompt of the arrow-key list's own question, the review, or a yes-or-no confirmation. */
    ShellDriver at(String text) {
        waitFor(text);
        return this;
    }

    /** Everything shown since the last wait, once the screening has ended. */
    String rest() throws Exception {
        exitCode();
        String all = plainScreen();
        String shown = all.substring(Math.min(seen, all.length()));
        seen = all.length();
        return shown;
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
