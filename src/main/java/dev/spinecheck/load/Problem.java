package dev.spinecheck.load;

/**
 * One thing wrong with an input, told as {@code file:line:col: what is wrong — what to do}. Always one line: the
 * text a message quotes from a file (a key, a value, a file name) may hold line breaks or terminal escape sequences,
 * so control characters are shown as escapes instead.
 */
public record Problem(Location at, String message) {

    public Problem {
        message = visible(message);
    }

    @Override
    public String toString() {
        return visible(at.toString()) + ": " + message;
    }

    /** The text with control characters written as escapes ({@code \n}, {@code \t}, {@code \u001B}). */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
