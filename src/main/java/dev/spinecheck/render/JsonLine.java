package dev.spinecheck.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact JSON (one line) written as UTF-8 into a growing buffer, for the result lines a batch writes by the hundred
 * thousand: the characters the Jackson generator of {@link JsonOutput} writes (checked by a test, every character),
 * with none of its per-line set-up, and encoded as Java's UTF-8 writer encodes them. Strings are escaped as Jackson
 * escapes them: {@code "}, {@code \} and the control characters below U+0020 ({@code \b \t \n \f \r}, the others as
 * {@code \}{@code u00XX}); nothing else. For one thread; the caller writes well-formed JSON (names only inside objects,
 * every object and array closed).
 *
 * <p>A UTF-16 surrogate without its pair has no UTF-8 form: for bytes to go out ({@code forChars} false) it is written
 * as {@code ?}, as {@code OutputStreamWriter} writes it; for characters to be written to a {@link Writer}
 * ({@code forChars} true) it is kept, as three bytes that {@link #writeTo(Writer)} turns back into it.
 */
final class JsonLine {
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Deeper than any result line: a flag's answers are four levels down. */
    private static final int MAX_DEPTH = 62;

    private final boolean forChars;
    private byte[] buffer;
    private int length;
    /** A string's characters, read at once rather than one call a character. */
    private char[] chars = new char[256];
    /** The characters of the lines, for a writer, when they hold an unpaired surrogate. */
    private char[] text = new char[0];
    /** An unpaired surrogate was written for characters, ever (its three bytes are not UTF-8, even if kept for later). */
    private boolean unpaired;
    /** One bit a level, from the lowest: whether the object or array open at that level has a value already. */
    private long filled;
    private int depth;
    /** A name was just written: the value after it takes no comma. */
    private boolean named;

    JsonLine(int capacity, boolean forChars) {
        this.buffer = new byte[Math.max(64, capacity)];
        this.forChars = forChars;
    }

    /** The bytes written so far: {@code bytes()[0 .. length())}. */
    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** Forgets what is written (the buffer stays, for the next lines). */
    void clear() {
        length = 0;
        fresh();
    }

    void startObject() {
        beforeValue();
        append('{');
        open();
    }

    void endObject() {
        close();
        append('}');
    }

    void startArray() {
        beforeValue();
        append('[');
        open();
    }

    void endArray() {
        close();
        append(']');
    }

    void name(String name) {
        comma();
        quoted(name);
        append(':');
        named = true;
    }

    /** A name already written as JSON, with its colon ({@code "id":}). */
    void name(byte[] json) {
        comma();
        copy(json);
        named = true;
    }

    /** A property, its name already written as JSON with its colon and its value as JSON. */
    void property(byte[] name, byte[] value) {
        comma();
        copy(name);
        copy(value);
    }

    /** A name already written as a JSON string (by {@link #encoded}), without its colon. */
    void encodedName(byte[] json) {
        comma();
        copy(json);
        append(':');
        named = true;
    }

    void string(String value) {
        beforeValue();
        if (value == null) {
            copy(NULL);
        } else {
            quoted(value);
        }
    }

    void number(long value) {
        beforeValue();
        if (value >= 0 && value < 10) {
            append((char) ('0' + value));
        } else {
            ascii(Long.toString(value));
        }
    }

    void bool(boolean value) {
        beforeValue();
        copy(value ? TRUE : FALSE);
    }

    /** A value that is JSON already. */
    void raw(String json) {
        beforeValue();
        rest(chars(json), 0, json.length(), false);
    }

    /** A value already written as JSON (by {@link #encoded}). */
    void raw(byte[] json) {
        beforeValue();
        copy(json);
    }

    /** Two strings already written as JSON (by {@link #encoded}), as one, with a space between them. */
    void joined(byte[] first, byte[] second) {
        beforeValue();
        int a = first.length - 1;
        int b = second.length - 1;
        room(a + b + 1);
        System.arraycopy(first, 0, buffer, length, a);
        length += a;
        buffer[length++] = ' ';
        System.arraycopy(second, 1, buffer, length, b);
        length += b;
    }

    /**
     * Properties already written as JSON ({@code "a":1,"b":2}, by a line of this kind), as the next ones of the object
     * open: the object has a value after them.
     */
    void properties(byte[] json) {
        comma();
        copy(json);
    }

    void stringProperty(String name, String value) {
        name(name);
        string(value);
    }

    void numberProperty(String name, long value) {
        name(name);
        number(value);
    }

    void booleanProperty(String name, boolean value) {
        name(name);
        bool(value);
    }

    /** Where the next property of the object open starts (after its comma): for {@link #since} and {@link #properties}. */
    int propertyStart() {
        return (filled & 1L << depth) != 0 ? length + 1 : length;
    }

    /** The string as a JSON value, as {@link #string} writes it, for {@link #raw(byte[])} to write again. */
    byte[] encoded(String value) {
        int start = length;
        quoted(value);
        byte[] json = Arrays.copyOfRange(buffer, start, length);
        length = start;
        return json;
    }

    /** What is written from {@code start} on, for {@link #properties} or {@link #raw(byte[])} to write again. */
    byte[] since(int start) {
        return Arrays.copyOfRange(buffer, start, length);
    }

    /** Ends the line (the buffer holds it whole); the next value is the next line's. */
    void endLine() {
        append('\n');
        fresh();
    }

    private void fresh() {
        filled = 0;
        depth = 0;
        named = false;
    }

    /** Hands what is written to the writer as characters, flushes the writer and forgets what is written. */
    void writeTo(Writer out) {
        try {
            if (unpaired) {
                if (text.length < length) {
                    text = new char[Math.max(length, text.length * 2)];
                }
                out.write(text, 0, decode(buffer, length, text));
            } else {
                // UTF-8 proper: Java's own decoding, which copies ASCII at once.
                out.write(new String(buffer, 0, length, StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
    }

    /** The characters of bytes written by a line of this kind ({@code forChars}); as many as there are bytes, or fewer. */
    static int decode(byte[] bytes, int length, char[] into) {
        int n = 0;
        int i = 0;
        while (i < length) {
            int b = bytes[i];
            if (b >= 0) {
                into[n++] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0) {
                into[n++] = (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else if ((b & 0xF0) == 0xE0) {
                into[n++] = (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            } else {
                int code = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | bytes[i + 3] & 0x3F;
                into[n++] = Character.highSurrogate(code);
                into[n++] = Character.lowSurrogate(code);
                i += 4;
            }
        }
        return n;
    }

    private void open() {
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("JSON nested too deeply");
        }
        depth++;
        filled &= ~(1L << depth);
    }

    private void close() {
        depth--;
        named = false;
    }

    private void beforeValue() {
        if (named) {
            named = false;
        } else {
            comma();
        }
    }

    /** A comma before every value of an object or array but its first. */
    // comma and append are written to stay within the quick compiler's limit for inlining (35 bytes of bytecode): they
    // run for nearly every byte of structure in a line.
    private void comma() {
        long bit = 1L << depth;
        long before = filled;
        filled = before | bit;
        if ((before & bit) != 0) {
            append(',');
        }
    }

    private void append(char c) {
        int at = length;
        if (at == buffer.length) {
            grow(1);
        }
        buffer[at] = (byte) c;
        length = at + 1;
    }

    private void copy(byte[] json) {
        int n = json.length;
        if (length + n > buffer.length) {
            grow(n);
        }
        System.arraycopy(json, 0, buffer, length, n);
        length += n;
    }

    private void ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void quoted(String text) {
        int n = text.length();
        char[] c = chars(text);
        room(n + 2);
        byte[] b = buffer;
        int at = length;
        b[at++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char ch = c[i];
            if (ch >= 0x80 || ch < 0x20 || ch == '"' || ch == '\\') {
                break;
            }
            b[at++] = (byte) ch;
        }
        length = at;
        if (i < n) {
            // Rare: the rest one character at a time, escaped and encoded.
            rest(c, i, n, true);
        }
        append('"');
    }

    /** The text's characters, in {@link #chars}. */
    private char[] chars(String text) {
        int n = text.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        text.getChars(0, n, chars, 0);
        return chars;
    }

    private void rest(char[] c, int from, int n, boolean escape) {
        // At most six bytes a character (a control character escaped); four for a pair of two.
        room((n - from) * 6);
        byte[] b = buffer;
        int at = length;
        for (int i = from; i < n; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                if (escape && (ch < 0x20 || ch == '"' || ch == '\\')) {
                    at = escaped(b, at, ch);
                } else {
                    b[at++] = (byte) ch;
                }
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | ch >> 6);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                int code = Character.toCodePoint(ch, c[++i]);
                b[at++] = (byte) (0xF0 | code >> 18);
                b[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(ch) && !forChars) {
                b[at++] = '?';
            } else {
                unpaired |= Character.isSurrogate(ch);
                b[at++] = (byte) (0xE0 | ch >> 12);
                b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        length = at;
    }

    private static int escaped(byte[] b, int at, char c) {
        b[at++] = '\\';
        switch (c) {
            case '"' -> b[at++] = '"';
            case '\\' -> b[at++] = '\\';
            case '\b' -> b[at++] = 'b';
            case '\t' -> b[at++] = 't';
            case '\n' -> b[at++] = 'n';
            case '\f' -> b[at++] = 'f';
            case '\r' -> b[at++] = 'r';
            default -> {
                b[at++] = 'u';
                b[at++] = '0';
                b[at++] = '0';
                b[at++] = HEX[c >> 4];
                b[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }

    private void room(int more) {
        if (length + more > buffer.length) {
            grow(more);
        }
    }

    private void grow(int more) {
        buffer = Arrays.copyOf(buffer, Math.max(length + more, buffer.length * 2));
    }
}
