package dev.spinecheck.render;

import java.util.ArrayList;
import java.util.List;

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

    /** Display columns of a string: two for East Asian wide and full-width characters, none for combining marks. */
    public static int columns(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
                continue;
            }
            columns += isWide(cp) ? 2 : 1;
        }
        return columns;
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE6F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD));
    }
}
