package dev.spinecheck.cli;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code spinecheck --version} (or {@code -V}) alone, answered without building the command line: the lines picocli
 * would print for it, byte for byte (a test compares the two). Text that picocli would format or style — a {@code %}
 * or {@code @|} — is left to picocli.
 */
final class QuickVersion {
    private QuickVersion() {}

    /** The exit code when the arguments ask for the version alone and it was printed; empty otherwise. */
    static Optional<Integer> print(Io io, String[] args) {
        if (args.length != 1 || !args[0].equals("--version") && !args[0].equals("-V")) {
            return Optional.empty();
        }
        String[] lines;
        try {
            lines = new VersionProvider().getVersion();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.contains("%") || line.contains("@|")) {
                return Optional.empty();
            }
        }
        for (String line : lines) {
            io.out().println(line);
        }
        io.out().flush();
        return Optional.of(0);
    }
}
