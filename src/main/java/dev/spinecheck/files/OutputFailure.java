package dev.spinecheck.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/**
 * A write to an output failed: a full disk, an input/output error, or a reader that went away. Unchecked, so that it
 * passes through {@code PrintWriter} (which would swallow an {@link IOException}), Jackson and picocli unchanged and
 * ends the command at the first failure.
 */
public final class OutputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<String> destination;

    /** @param destination the file written to, or empty for standard output */
    public OutputFailure(IOException cause, Optional<String> destination) {
        super(reason(cause), cause, false, false);
        this.destination = destination;
    }

    /** The file that could not be written, or empty for standard output. */
    public Optional<String> destination() {
        return destination;
    }

    /** The reader went away: a closed pipe or FIFO, not a fault to report. */
    public boolean brokenPipe() {
        return getMessage().toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** What the system said, without file names (a temporary file's name means nothing to the person). */
    public static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "input/output error" : reason;
    }
}
