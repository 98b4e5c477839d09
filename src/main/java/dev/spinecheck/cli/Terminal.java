package dev.spinecheck.cli;

import dev.spinecheck.shell.ShellLauncher;
import java.io.IOException;
import org.jline.terminal.TerminalBuilder;

/** What the commands need to know about the terminal without opening one (a scripted run never builds JLine). */
final class Terminal {
    private Terminal() {}

    /** The width to wrap text to: $COLUMNS when set, 80 otherwise. */
    static int width(Io io) {
        return number(io.env("COLUMNS")).orElse(80);
    }

    /** Whether a person reads the output on a terminal, and its size ($COLUMNS and $LINES win when set). */
    record Screen(boolean terminal, int columns, int rows) {}

    /**
     * The screen the output goes to. Only when a person is at a terminal is it asked for its size (through JLine,
     * which costs about a tenth of a second); otherwise the output is a file or a pipe: 80 columns, no height.
     */
    static Screen screen(Io io) {
        java.util.OptionalInt columns = number(io.env("COLUMNS"));
        java.util.OptionalInt rows = number(io.env("LINES"));
        if (!ShellLauncher.personAtTerminal()) {
            return new Screen(false, columns.orElse(80), rows.orElse(Integer.MAX_VALUE));
        }
        int width = 0;
        int height = 0;
        if (columns.isEmpty() || rows.isEmpty()) {
            try (org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
                width = terminal.getWidth();
                height = terminal.getHeight();
            } catch (IOException e) {
                // the size stays unknown: the defaults below
            }
        }
        return new Screen(true, columns.orElse(width > 0 ? width : 80), rows.orElse(height > 0 ? height : 24));
    }

    private static java.util.OptionalInt number(String value) {
        if (value == null) {
            return java.util.OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? java.util.OptionalInt.of(n) : java.util.OptionalInt.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
