package dev.spinecheck.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads JSON Lines one record at a time with bounded memory: a line longer than the limit is skipped to its end and
 * reported, never held whole. The input is read in large blocks and split at each newline; a line is copied out once.
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

    private static final int BLOCK = 1 << 17;
    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private int limit;
    /** A line that spans blocks, gathered here (never more than the limit). */
    private byte[] pending = NONE;
    private int lineNumber;
    private boolean ended;

    public JsonLines(InputStream in) {
        this.in = in;
    }

    /** The next non-blank line, or null at the end. */
    public Line next() throws IOException {
        while (!ended) {
            int gathered = 0;
            long length = 0;
            boolean tooLong = false;
            boolean whole = false;
            byte[] bytes = null;
            while (true) {
                if (position == limit && !fill()) {
                    ended = true;
                    break;
                }
                int newline = indexOfNewline(block, position, limit);
                int end = newline < 0 ? limit : newline;
                int size = end - position;
                length += size;
                if (newline >= 0 && gathered == 0 && !tooLong && size <= TreeReader.MAX_BYTES) {
                    bytes = Arrays.copyOfRange(block, position, end);
                    whole = true;
                } else if (!tooLong) {
                    if (gathered + (long) size > TreeReader.MAX_BYTES) {
                        tooLong = true;
                        gathered = 0;
                    } else {
                        gathered = gather(gathered, position, size);
                    }
                }
                position = newline < 0 ? limit : newline + 1;
                if (newline >= 0) {
                    break;
                }
            }
            lineNumber++;
            if (tooLong) {
                releasePending();
                return new Line(lineNumber, new byte[0], true, length);
            }
            if (!whole) {
                bytes = Arrays.copyOf(pending, gathered);
                releasePending();
            }
            if (!isBlank(bytes)) {
                return new Line(lineNumber, bytes, false);
            }
        }
        return null;
    }

    /** Whether more of the input is read already, so that the next line comes without waiting for the input. */
    public boolean ready() {
        return position < limit;
    }

    private boolean fill() throws IOException {
        int n = in.read(block, 0, block.length);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int gather(int gathered, int from, int size) {
        if (gathered + size > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(gathered + size, Math.min(TreeReader.MAX_BYTES, Math.max(BLOCK, pending.length * 2))));
        }
        System.arraycopy(block, from, pending, gathered, size);
        return gathered + size;
    }

    /** A long line's buffer is not kept for the lines after it. */
    private void releasePending() {
        if (pending.length > BLOCK) {
            pending = NONE;
        }
    }

    /** Eight bytes at once: the newline is looked for in every byte of the input, on the one thread that reads it. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = ONES * '\n';

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        // Up to the word that holds a newline (one of its bytes is zero once the newlines are taken out), then byte by byte.
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            if (((word - ONES) & ~word & 0x8080808080808080L) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
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
