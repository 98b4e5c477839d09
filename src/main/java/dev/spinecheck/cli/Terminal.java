package dev.spinecheck.cli;

/** What the commands need to know about the terminal without opening one (a scripted run never builds JLine). */
final class Terminal {
    private Terminal() {}

    /** The width to wrap text to: $COLUMNS when set, 80 otherwise. */
    static int width(Io io) {
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
