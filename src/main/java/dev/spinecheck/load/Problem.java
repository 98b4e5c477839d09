package dev.spinecheck.load;

/**
 * One thing wrong with an input, told as {@code file:line:col: what is wrong — what to do}. Always one line: the
 * text a message quotes from a file (a key, a value, a file name) may hold line breaks or terminal escape sequences,
 * so control characters (and invisible or direction-changing ones) are shown as escapes instead.
 */
public record Problem(Location at, String message) {

    public Problem {
        message = visible(message);
    }

    @Override
    public String toString() {
        return visible(at.toString()) + ": " + message;
    }

    /**
     * The text with control characters written as escapes (a line break as backslash-n, ESC as backslash-u001B), and
     * invisible and direction-changing characters too (U+202E as backslash-u202E): see {@link SafeText}.
     */
    public static String visible(String text) {
        return SafeText.oneLine(text);
    }
}
