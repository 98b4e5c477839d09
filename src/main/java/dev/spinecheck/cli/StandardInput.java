package dev.spinecheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Standard input, or a stream that says there is none. When a program is started with standard input closed
 * ({@code <&-}), the JVM's first open file takes descriptor 0 (its own {@code lib/modules}, 128 MB), and System.in
 * would read that as if it were the input.
 */
public final class StandardInput {
    /** Set by the launcher when it found standard input closed (it then opens /dev/null in its place). */
    static final String CLOSED_PROPERTY = "spinecheck.stdin";

    private StandardInput() {}

    /** System.in, unless descriptor 0 is closed or holds one of the JVM's own files. */
    public static InputStream open() {
        return isClosed() ? new Closed() : System.in;
    }

    static boolean isClosed() {
        if ("closed".equals(System.getProperty(CLOSED_PROPERTY))) {
            return true;
        }
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return false;
        }
        Path zero = descriptors.resolve("0");
        if (!Files.exists(zero, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(zero).toString();
            return target.startsWith(Path.of(System.getProperty("java.home")).toRealPath() + "/")
                    || target.endsWith(".jsa") || target.equals(ownJar());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The jar this runs from ({@code java -jar} makes it the class path). */
    private static String ownJar() {
        try {
            return Path.of(System.getProperty("java.class.path", "")).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** There is no standard input: every read says so. */
    static final class Closed extends InputStream {
        @Override
        public int read() throws IOException {
            throw new NoStandardInputException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            throw new NoStandardInputException();
        }
    }

    /** Reading standard input when there is none. */
    public static final class NoStandardInputException extends IOException {
        private static final long serialVersionUID = 1L;

        NoStandardInputException() {
            super("there is no standard input: it is closed");
        }
    }
}
