package dev.spinecheck.cli;

/** The width of the terminal, known without opening one (a scripted run never builds a JLine terminal). */
final class TerminalWidth {
    private TerminalWidth() {}

    /** The width to wrap text to: $COLUMNS when set, 80 otherwise. */
    static int of(Io io) {
        String columns = io.env("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.strip());
            } catch (NumberFormatException e) {
                return 80;
            }
        }
        return 80;
    }
}
