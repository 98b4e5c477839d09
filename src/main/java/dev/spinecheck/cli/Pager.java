package dev.spinecheck.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.utils.Signals;

/**
 * Shows long text a page at a time, the way git does: through {@code $SPINECHECK_PAGER}, else {@code $PAGER}, else
 * {@code less -FRX} when it is installed. This is the one class of the product that starts a process (the
 * architecture test allows it here and nowhere else); it never runs for a script, only for a person at a terminal.
 */
final class Pager {
    static final String DEFAULT = "less -FRX";
    /** What {@code sh -c} exits with when the command does not exist, or cannot be run. */
    private static final int NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private Pager() {}

    /** The pager command, if any: an empty value or {@code cat} means none, as in git. */
    static Optional<String> command(Map<String, String> env) {
        for (String name : List.of("SPINECHECK_PAGER", "PAGER")) {
            String value = env.get(name);
            if (value != null) {
                String command = value.strip();
                return command.isEmpty() || command.equals("cat") ? Optional.empty() : Optional.of(command);
            }
        }
        return onPath("less", env.get("PATH")) ? Optional.of(DEFAULT) : Optional.empty();
    }

    /** Whether text of this many lines is paged: only on a terminal, and only when it does not fit on the screen. */
    static boolean wanted(int lines, Screen screen) {
        return screen.terminal() && lines >= screen.rows();
    }

    static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the pager on the lines and waits for the person to leave it. Returns false when it cannot be started or its
     * command is not found (then the caller prints the text itself, so that nothing is lost). Ctrl-C belongs to the pager while it runs, as in git: spinecheck ignores it.
     * A pager left before the end stops reading: that is not an error.
     */
    static boolean show(String command, List<String> lines) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putIfAbsent("LESS", "FRX");
        builder.environment().putIfAbsent("LV", "-c");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return false;
        }
        Object previous = Signals.register("INT", () -> { });
        int exit = 0;
        try {
            try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    in.write(line);
                    in.write('\n');
                }
            } catch (IOException e) {
                // the person left the pager before the end
            }
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Signals.unregister("INT", previous);
        }
        return exit != NOT_FOUND && exit != NOT_EXECUTABLE;
    }
}
