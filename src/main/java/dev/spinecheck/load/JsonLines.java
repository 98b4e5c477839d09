package dev.spinecheck.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON Lines one record at a time with bounded memory: a line longer than the limit is skipped to its end and
 * reported, never held whole.
 */
public final class JsonLines {

    /**
     * One non-blank line: its 1-based number and its bytes, or {@code tooLong} when it was cut; {@code length} is its
     * real length in bytes, counted to its end even when it was too long to keep.
     */
    public record Line(int number, byte[] bytes, boolean tooLong, long length) {
        public Line(int number, byte[] bytes, boolean tooLong) {
            this(number, bytes, tooLong, bytes.length);
        }
    }

    private final InputStream in;
    private int lineNumber;
    private boolean ended;

    public JsonLines(InputStream in) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 1 << 16);
    }

    /** The next non-blank line, or null at the end. */
    public Line next() throws IOException {
        while (!ended) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            boolean tooLong = false;
            long length = 0;
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                length++;
                if (line.size() <= TreeReader.MAX_BYTES) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
            }
            if (b == -1) {
                ended = true;
            }
            lineNumber++;
            byte[] bytes = line.toByteArray();
            if (tooLong || bytes.length > TreeReader.MAX_BYTES) {
                return new Line(lineNumber, new byte[0], true, length);
            }
            if (!isBlank(bytes)) {
                return new Line(lineNumber, bytes, false);
            }
        }
        return null;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
