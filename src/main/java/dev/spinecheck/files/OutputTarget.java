package dev.spinecheck.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalInt;

/**
 * Where an output may go, decided before any work is done. Only a regular file (or a link to one, or nothing yet) is
 * ever replaced, through {@link AtomicFile}; a device, a FIFO or an open file descriptor such as {@code /dev/stdout} is
 * written straight into and never replaced; a folder or a socket is refused.
 */
public sealed interface OutputTarget {

    Path path();

    /** Nothing there yet, a regular file, or a link (to a regular file, or to nothing): written atomically. */
    record Replaceable(Path path, boolean exists) implements OutputTarget {}

    /**
     * A character or block device, a FIFO, or an open file descriptor: written straight into.
     *
     * @param standardOutput the path names this process's own standard output ({@code /dev/stdout})
     */
    record Stream(Path path, boolean standardOutput) implements OutputTarget {
        /** Opens it for writing without creating, truncating or replacing anything. */
        public OutputStream open() throws IOException {
            return Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    /** What is at {@code path}, and whether an output may go there; the reason in plain words when it may not. */
    static OutputTarget of(Path path) throws UnusableOutputException {
        Path absolute = path.toAbsolutePath();
        OptionalInt descriptor = FileKinds.descriptor(absolute);
        if (descriptor.isPresent()) {
            return new Stream(path, descriptor.getAsInt() == 1);
        }
        BasicFileAttributes own = FileKinds.attributes(absolute, LinkOption.NOFOLLOW_LINKS);
        if (own == null) {
            FileKinds.checkFolder(absolute);
            return new Replaceable(path, false);
        }
        BasicFileAttributes seen = own;
        String link = "";
        if (own.isSymbolicLink()) {
            seen = FileKinds.attributes(absolute);
            if (seen == null) {
                FileKinds.checkFolder(absolute);
                return new Replaceable(path, true);
            }
            link = "a link to ";
        }
        if (seen.isRegularFile()) {
            FileKinds.checkFolder(absolute);
            return new Replaceable(path, true);
        }
        if (seen.isDirectory()) {
            throw new UnusableOutputException(path + " is " + link + "a folder — give a file name, like "
                    + path.resolve("results.jsonl"));
        }
        if (FileKinds.isSocket(absolute)) {
            throw new UnusableOutputException(path + " is " + link + "a socket, not a file — give the name of a file");
        }
        return new Stream(path, false);
    }

    /** Whether {@link AtomicFile} may rename a new file over {@code target}: nothing there, a regular file, or a link. */
    static boolean replaceable(Path target) {
        BasicFileAttributes own = FileKinds.attributes(target, LinkOption.NOFOLLOW_LINKS);
        if (own == null || own.isRegularFile()) {
            return true;
        }
        if (!own.isSymbolicLink() || FileKinds.descriptor(target).isPresent()) {
            return false;
        }
        BasicFileAttributes seen = FileKinds.attributes(target);
        return seen == null || seen.isRegularFile();
    }
}
