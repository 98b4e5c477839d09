package dev.spinecheck.load;

import java.util.Locale;

/**
 * Text from a file made safe for a terminal: control characters (which can move the cursor, clear the screen or
 * change colours) and invisible or direction-changing characters (which can hide words, or show them in another order
 * than they are read) are written as escapes: a backslash, u and the code, like backslash-u202E for U+202E.
 */
public final class SafeText {
    private SafeText() {}

    /**
     * Invisible and direction-changing characters: zero-width spaces and joiners, left-to-right and right-to-left
     * marks (U+200B–U+200F), embeddings and overrides (U+202A–U+202E), the word joiner and invisible operators
     * (U+2060–U+2064), isolates (U+2066–U+2069), the zero-width no-break space (U+FEFF) and the Arabic letter mark.
     */
    public static boolean isHidden(char c) {
        return c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2060' && c <= '\u2064'
                || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF' || c == '\u061C';
    }

    /** C0 and C1 control characters, DEL, and the line and paragraph separators. */
    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c == '\u2028' || c == '\u2029';
    }

    /** Every control, invisible and direction-changing character as an escape: the text is one line. */
    public static String oneLine(String text) {
        return escape(text, false);
    }

    /**
     * The first character that would be escaped, or -1; line breaks and tabs do not count (a questionnaire's text may
     * be written over several lines, and it is put on one line when it is loaded).
     */
    public static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text, i, true)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(String text, int i, boolean keepLineBreaks) {
        char c = text.charAt(i);
        if (keepLineBreaks && (c == '\n' || c == '\t' || c == '\r')) {
            return false;
        }
        return isControl(c) || isHidden(c) || isLoneSurrogate(text, i);
    }

    /** Half of a surrogate pair without its other half: no encoding can write it, so it would print as "?". */
    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String escape(String text, boolean keepLineBreaks) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = unsafe(text, i, keepLineBreaks);
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!unsafe) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(escape(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** One character as a backslash, u and its four hexadecimal digits. */
    public static String escape(char c) {
        return String.format(Locale.ROOT, "\\u%04X", (int) c);
    }
}
