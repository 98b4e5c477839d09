package dev.spinecheck.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/** Word wrapping that counts display columns, so that wide (CJK) characters do not overflow the terminal. */
public final class Wrap {
    private Wrap() {}

    /**
     * Wraps {@code text} to {@code width} columns; continuation lines get {@code indent}. A word wider than a line
     * (a run of CJK text, which has no spaces, or a long path) is broken between characters.
     */
    public static List<String> lines(String text, int width, String firstPrefix, String indent) {
        return words(List.of(text.strip().split("\\s+")), width, firstPrefix, indent);
    }

    /**
     * Wraps words that are already split: a word may hold spaces (a command to copy) and is then never broken
     * between lines unless it is wider than a line.
     */
    public static List<String> words(List<String> words, int width, String firstPrefix, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstPrefix);
        int used = columns(firstPrefix);
        boolean empty = true;
        int room = Math.max(1, width - columns(indent));
        for (String word : pieces(words, room)) {
            int w = columns(word);
            if (!empty && used + 1 + w > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                used = columns(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                used++;
            }
            line.append(word);
            used += w;
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** The words, with any word wider than {@code room} columns cut into pieces that fit. */
    private static List<String> pieces(List<String> words, int room) {
        List<String> pieces = new ArrayList<>();
        for (String word : words) {
            if (columns(word) <= room) {
                pieces.add(word);
                continue;
            }
            StringBuilder piece = new StringBuilder();
            int used = 0;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                int w = columns(ch);
                if (used + w > room && piece.length() > 0) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    used = 0;
                }
                piece.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (piece.length() > 0) {
                pieces.add(piece.toString());
            }
        }
        return pieces;
    }

    /**
     * Display columns of a string, as a terminal shows it (JLine's wcwidth, the table terminals follow): two for East
     * Asian wide and full-width characters and for emoji, none for combining marks, zero-width characters and controls.
     */
    public static int columns(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            columns += Math.max(0, WCWidth.wcwidth(cp));
        }
        return columns;
    }
}
