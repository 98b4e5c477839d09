package dev.spinecheck.files;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file-system look-ups behind {@link OutputTarget}: what a path is, and whether a new file can go there. */
final class FileKinds {
    /** {@code /dev/stdout}, {@code /dev/fd/3}, {@code /proc/self/fd/1}: a link to an open file descriptor. */
    private static final Pattern DESCRIPTOR = Pattern.compile("/(?:dev/fd|proc/(?:self|thread-self|\\d+)/fd)/(\\d+)");
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private FileKinds() {}

    static BasicFileAttributes attributes(Path path, LinkOption... options) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The file descriptor a path leads to through its links, if it names one. */
    static OptionalInt descriptor(Path absolute) {
        Path current = absolute;
        for (int hops = 0; hops < 40; hops++) {
            Matcher m = DESCRIPTOR.matcher(current.toString());
            if (m.matches()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
            if (!Files.isSymbolicLink(current) || current.getParent() == null) {
                return OptionalInt.empty();
            }
            try {
                current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    static boolean isSocket(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /** The folder a new file would be created in must exist, be a folder, and take new files. */
    static void checkFolder(Path absolute) throws UnusableOutputException {
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new UnusableOutputException(absolute + " is not a file name — give the name of a file");
        }
        if (!Files.exists(folder)) {
            throw new UnusableOutputException("the folder " + folder + " does not exist — create it first, or choose another place");
        }
        if (!Files.isDirectory(folder)) {
            throw new UnusableOutputException(folder + " is not a folder — choose another place");
        }
        if (!Files.isWritable(folder)) {
            throw new UnusableOutputException((readOnly(folder) ? folder + " is on a read-only file system"
                    : "you may not create files in " + folder) + " — choose another place");
        }
    }

    private static boolean readOnly(Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            return store.isReadOnly();
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
