package dev.spinecheck.cli;

import dev.spinecheck.shell.ShellLauncher;
import java.io.IOException;
import java.util.OptionalInt;
import org.jline.terminal.TerminalBuilder;

/** Where text output goes: a person's terminal (with its size) or a file or pipe. $COLUMNS and $LINES win when set. */
record Screen(boolean terminal, int columns, int rows) {

    /**
     * The screen of standard output. Only when a person is at a terminal is it asked for its size (through JLine,
     * which costs about a tenth of a second); otherwise the output is a file or a pipe: 80 columns, no height.
     */
    static Screen of(Io io) {
        OptionalInt columns = number(io.env("COLUMNS"));
        OptionalInt rows = number(io.env("LINES"));
        if (!ShellLauncher.personAtTerminal()) {
            return new Screen(false, columns.orElse(80), rows.orElse(Integer.MAX_VALUE));
        }
        int width = 0;
        int height = 0;
        if (columns.isEmpty() || rows.isEmpty()) {
            ShellLauncher.plainTerminalWarnings();
            try (org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
                width = terminal.getWidth();
                height = terminal.getHeight();
            } catch (IOException e) {
                // the size stays unknown: the defaults below
            }
        }
        return new Screen(true, columns.orElse(width > 0 ? width : 80), rows.orElse(height > 0 ? height : 24));
    }

    private static OptionalInt number(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
