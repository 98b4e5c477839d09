package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Lines are cut at every newline, wherever the reads and blocks end, as a plain split of the whole input would. */
class JsonLinesTest {
    /** The input in reads of random sizes, as a pipe gives it. */
    private static InputStream inPieces(byte[] bytes, Random random) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(length, bytes.length - at), 1 + random.nextInt(random.nextBoolean() ? 7 : 300_000));
                System.arraycopy(bytes, at, into, offset, n);
                at += n;
                return n;
            }
        };
    }

    /** The definition: split at each newline, numbered from 1, blank lines left out, overlong ones cut. */
    private static List<String> splitWhole(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int number = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                number++;
                byte[] line = Arrays.copyOfRange(bytes, start, i);
                if (line.length > TreeReader.MAX_BYTES) {
                    lines.add(number + " too long " + line.length);
                } else if (!blank(line)) {
                    lines.add(number + " " + line.length + " " + Arrays.hashCode(line));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static List<String> read(InputStream in) throws IOException {
        JsonLines lines = new JsonLines(in);
        List<String> read = new ArrayList<>();
        for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.tooLong() ? line.number() + " too long " + line.length()
                    : line.number() + " " + line.bytes().length + " " + Arrays.hashCode(line.bytes()));
        }
        return read;
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void lines_are_cut_at_every_newline_as_a_split_of_the_whole_input(long seed) throws IOException {
        for (int i = 0; i < Seeds.triesPerSeed(200); i++) {
            Random random = new Seeds.Try(seed, i).random();
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            for (int line = random.nextInt(40); line > 0; line--) {
                int kind = random.nextInt(20) + (random.nextInt(8) == 0 ? 0 : 1);
                // Mostly short lines; some around the 8-byte words and the 128 KB blocks; now and then one too long.
                int length = kind == 0 ? TreeReader.MAX_BYTES - 2 + random.nextInt(5) : kind < 3 ? 131_000 + random.nextInt(2_000)
                        : random.nextInt(kind < 8 ? 17 : 900);
                for (int b = 0; b < length; b++) {
                    int pick = random.nextInt(40);
                    input.write(pick == 0 ? '\r' : pick == 1 ? ' ' : pick == 2 ? 0x8A : pick == 3 ? 0x0B : 'a' + pick % 26);
                }
                if (random.nextInt(10) > 0 || line > 1) {
                    input.write('\n');
                }
            }
            byte[] bytes = input.toByteArray();
            assertThat(read(inPieces(bytes, random))).as("seed %d, try %d (%d bytes)", seed, i, bytes.length).isEqualTo(splitWhole(bytes));
        }
    }
}
