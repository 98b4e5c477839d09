package dev.spinecheck.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Compact JSON (one line) written straight into a writer, for the result lines a batch writes by the hundred thousand:
 * the same characters as the Jackson generator of {@link JsonOutput} writes (checked by a test, every character), with
 * none of its per-line set-up. Strings are escaped as Jackson escapes them: {@code "}, {@code \} and the control
 * characters below U+0020 ({@code \b \t \n \f \r}, the others as {@code \}{@code u00XX}); nothing else. For one thread;
 * the caller writes well-formed JSON (names only inside objects, every object and array closed).
 */
final class JsonLine {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Deeper than any result line: a flag's answers are four levels down. */
    private static final int MAX_DEPTH = 62;

    private final Writer out;
    private char[] buffer = new char[4096];
    private int length;
    /** One bit a level, from the lowest: whether the object or array open at that level has a value already. */
    private long filled;
    private int depth;
    /** A name was just written: the value after it takes no comma. */
    private boolean named;

    JsonLine(Writer out) {
        this.out = out;
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

    void string(String value) {
        beforeValue();
        if (value == null) {
            plain("null");
        } else {
            quoted(value);
        }
    }

    void number(long value) {
        beforeValue();
        plain(Long.toString(value));
    }

    void bool(boolean value) {
        beforeValue();
        plain(value ? "true" : "false");
    }

    /** A value that is JSON already. */
    void raw(String json) {
        beforeValue();
        plain(json);
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

    /** Ends the line, hands it to the writer and flushes the writer, as the Jackson generator's close does. */
    void endLine() {
        append('\n');
        flush();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands what is written so far to the writer (and nothing else: the writer is not flushed). */
    void flush() {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        length = 0;
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
    private void comma() {
        long bit = 1L << depth;
        if ((filled & bit) != 0) {
            append(',');
        } else {
            filled |= bit;
        }
    }

    private void append(char c) {
        if (length == buffer.length) {
            grow(1);
        }
        buffer[length++] = c;
    }

    private void plain(String text) {
        int n = text.length();
        room(n);
        text.getChars(0, n, buffer, length);
        length += n;
    }

    private void quoted(String text) {
        int n = text.length();
        room(n + 2);
        char[] b = buffer;
        b[length++] = '"';
        int start = length;
        text.getChars(0, n, b, start);
        for (int i = start; i < start + n; i++) {
            char c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                // Rare: the rest again, escaped.
                length = i;
                escaped(text, i - start);
                append('"');
                return;
            }
        }
        length = start + n;
        b[length++] = '"';
    }

    private void escaped(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                append(c);
                continue;
            }
            room(6);
            buffer[length++] = '\\';
            switch (c) {
                case '"' -> buffer[length++] = '"';
                case '\\' -> buffer[length++] = '\\';
                case '\b' -> buffer[length++] = 'b';
                case '\t' -> buffer[length++] = 't';
                case '\n' -> buffer[length++] = 'n';
                case '\f' -> buffer[length++] = 'f';
                case '\r' -> buffer[length++] = 'r';
                default -> {
                    buffer[length++] = 'u';
                    buffer[length++] = '0';
                    buffer[length++] = '0';
                    buffer[length++] = HEX[c >> 4];
                    buffer[length++] = HEX[c & 0xF];
                }
            }
        }
    }

    private void room(int more) {
        if (length + more > buffer.length) {
            grow(more);
        }
    }

    private void grow(int more) {
        // A long line goes out in parts rather than growing without end.
        flush();
        if (more > buffer.length) {
            buffer = new char[Math.max(more, buffer.length * 2)];
        }
    }
}
