package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One program in a real pseudo-terminal under tmux (a private server): type into it, and wait for text to appear,
 * polling with a generous hang guard instead of fixed sleeps.
 */
final class Tmux implements AutoCloseable {
    static final Duration GUARD = Duration.ofSeconds(12);
    private static int sessions;

    private final Path socket;
    private final String session;
    private final Path config;
    private int seen;

    private Tmux(Path socket, String session, Path config) {
        this.socket = socket;
        this.session = session;
        this.config = config;
    }

    /**
     * Starts {@code command} (a shell command line) in a 100x50 pane; its exit code is printed as EXIT=n. The shell
     * around it traps Ctrl-C (a trap, unlike ignoring it, is not passed on), so that it outlives the program as a
     * person's own shell does.
     */
    static Tmux start(String command) throws IOException, InterruptedException {
        return start(command, 100, 50);
    }

    /** As {@link #start(String)}, in a pane of the given size. */
    static Tmux start(String command, int columns, int rows) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("spinecheck-tmux-" + (sessions++));
        Path config = folder.resolve("tmux.conf");
        Files.writeString(config, "set -g history-limit 50000\nset -g status off\n");
        Tmux tmux = new Tmux(folder.resolve("socket"), "s", config);
        tmux.tmux("-f", config.toString(), "new-session", "-d", "-s", "s", "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                "sh -c 'trap : INT; " + command.replace("'", "'\\''") + "; echo EXIT=$?; sleep 600'");
        return tmux;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tmux did not answer: " + command);
        }
        if (process.exitValue() != 0 && !args[0].equals("kill-server")) {
            fail("tmux failed (" + process.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    /** Everything the pane has shown, lines joined as they were wrapped. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-50000", "-t", session);
    }

    /** What the pane shows now: its visible lines only, as they are on the screen (not joined). */
    String visible() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", session);
    }

    Tmux type(String text) throws IOException, InterruptedException {
        if (!text.isEmpty()) {
            tmux("send-keys", "-t", session, "-l", text);
        }
        tmux("send-keys", "-t", session, "Enter");
        return this;
    }

    Tmux key(String key) throws IOException, InterruptedException {
        tmux("send-keys", "-t", session, key);
        return this;
    }

    /** Waits for the text to appear after what was already seen; returns the screen from there up to it. */
    String waitFor(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        String all = "";
        while (System.nanoTime() < deadline) {
            all = screen();
            int at = all.indexOf(text, Math.min(seen, all.length()));
            if (at >= 0) {
                String shown = all.substring(Math.min(seen, at), at + text.length());
                seen = at + text.length();
                return shown;
            }
            Thread.sleep(150);
        }
        return fail("\"" + text + "\" did not appear within " + GUARD.toSeconds() + " s; screen:\n" + all.substring(Math.min(seen, all.length())));
    }

    /**
     * Looks again from the top of the history: after a screen region was redrawn shorter (the arrow-key list closing),
     * text printed there can sit before what was already seen.
     */
    Tmux fromTheTop() {
        seen = 0;
        return this;
    }

    /** Waits for the next prompt ("> ") and types. */
    Tmux reply(String typed) throws IOException, InterruptedException {
        waitFor("> ");
        return type(typed);
    }

    /** Waits for the question, then for its prompt, and types the answer. */
    Tmux answer(String question, String typed) throws IOException, InterruptedException {
        waitFor(question);
        waitFor("> ");
        return type(typed);
    }

    int exitCode() throws IOException, InterruptedException {
        String line = waitFor("EXIT=");
        String rest = screen().substring(seen);
        return Integer.parseInt(rest.substring(0, rest.indexOf('\n')).strip());
    }

    /** The program's process: the child of the pane's shell (java). */
    Optional<ProcessHandle> program() throws IOException, InterruptedException {
        long shell = Long.parseLong(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip());
        return ProcessHandle.of(shell).flatMap(p -> p.children().findFirst());
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(socket);
            Files.deleteIfExists(config.getParent());
        }
    }
}
