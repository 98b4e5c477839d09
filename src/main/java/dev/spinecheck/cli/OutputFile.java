package dev.spinecheck.cli;

import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.files.OutputFailure;
import dev.spinecheck.files.OutputTarget;
import dev.spinecheck.files.ThrowingOutputStream;
import dev.spinecheck.files.UnusableOutputException;
import dev.spinecheck.load.FileNames;
import dev.spinecheck.script.ExitStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A command's {@code --output FILE}: checked before the work ({@link #check}), then written by the rules of
 * {@link OutputTarget} — a regular file atomically and only when all of it was written, a device, a FIFO or
 * {@code /dev/stdout} straight into. A folder, a socket, a missing or read-only folder is exit 73; a failed write is
 * exit 74 with the file left as it was.
 */
final class OutputFile {
    /** What the command writes. */
    interface Body {
        void write(Writer out) throws IOException;
    }

    /** What the command writes: characters to the writer, or UTF-8 bytes to the stream under it (when there is one). */
    interface Output {
        void write(Writer out, Optional<OutputStream> bytes) throws IOException;
    }

    private final String command;
    private final Path path;
    private final OutputTarget target;

    private OutputFile(String command, Path path, OutputTarget target) {
        this.command = command;
        this.path = path;
        this.target = target;
    }

    /** Where the output may go, or a plain error (exit 73) before any work is done. */
    static OutputFile check(String command, Path path) {
        try {
            return new OutputFile(command, path, OutputTarget.of(path));
        } catch (UnusableOutputException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck " + command + ": cannot write the results there: " + e.getMessage());
        }
    }

    OutputTarget target() {
        return target;
    }

    /** Writes the body there; standard output when the target is this process's own. */
    void write(Io io, Body body) throws IOException {
        writeOutput(io, (out, bytes) -> body.write(out));
    }

    /** Writes the output there, as {@link #write(Io, Body)}; the output may write bytes under the writer. */
    void writeOutput(Io io, Output body) throws IOException {
        String name = FileNames.display(path);
        if (target instanceof OutputTarget.Stream stream) {
            if (stream.standardOutput()) {
                body.write(io.out(), io.outBytes());
                io.out().flush();
                return;
            }
            OutputStream raw;
            try {
                raw = stream.open();
            } catch (IOException e) {
                throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck " + command + ": cannot open " + name + " for writing: "
                        + OutputFailure.reason(e) + " — choose another place");
            }
            try (raw) {
                ThrowingOutputStream bytes = new ThrowingOutputStream(raw, Optional.of(name));
                Writer writer = writer(bytes);
                body.write(writer, Optional.of(bytes));
                writer.flush();
            }
            return;
        }
        AtomicFile file;
        try {
            file = AtomicFile.begin(path);
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck " + command + ": cannot create " + name + ": " + OutputFailure.reason(e)
                    + " — choose another place");
        }
        try (file) {
            ThrowingOutputStream bytes = new ThrowingOutputStream(file.stream(), Optional.of(name));
            Writer writer = writer(bytes);
            body.write(writer, Optional.of(bytes));
            writer.flush();
            file.commit();
        } catch (OutputFailure e) {
            throw cannotWrite(name, e.getMessage());
        } catch (IOException e) {
            throw cannotWrite(name, OutputFailure.reason(e));
        }
    }

    private static UserError cannotWrite(String name, String reason) {
        return new UserError(ExitStatus.CANNOT_WRITE, "spinecheck: cannot write the results to " + name + ": " + reason + " — "
                + name + " was not changed; free some space or choose another place, and run again");
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
