package dev.spinecheck.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a file so that a crash leaves either the old or the new complete version: a private temporary file in the
 * same folder, written, flushed to disk, then renamed over the target. The rename replaces a symbolic link planted at
 * the target instead of following it.
 */
public final class AtomicFile implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
    }

    /**
     * Starts writing {@code target}; nothing is visible there until {@link #commit()}. Only a regular file (or a link,
     * or nothing) is ever replaced: a folder, a device, a FIFO or a socket at the target is refused here and again at
     * the rename.
     */
    public static AtomicFile begin(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        refuseUnlessReplaceable(absolute);
        Path folder = absolute.getParent();
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp", privateFile(folder));
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        return new AtomicFile(absolute, temporary, channel);
    }

    /** Whether {@code file} is named as the temporary file that {@link #begin} makes beside {@code target}. */
    public static boolean isTemporaryOf(Path file, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path candidate = file.toAbsolutePath().normalize();
        Path name = candidate.getFileName();
        return name != null && absolute.getFileName() != null && Objects.equals(candidate.getParent(), absolute.getParent())
                && name.toString().startsWith("." + absolute.getFileName() + ".") && name.toString().endsWith(".tmp");
    }

    /** Writes the whole content at once. */
    public static void write(Path target, byte[] content) throws IOException {
        try (AtomicFile file = begin(target)) {
            file.stream().write(content);
            file.commit();
        }
    }

    /** Creates a folder (and its parents) that only its owner can open. */
    public static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (supportsPosix(folder.toAbsolutePath().getRoot())) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(folder);
        }
    }

    public OutputStream stream() {
        return stream;
    }

    /** Flushes to disk and renames the temporary file over the target. */
    public void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        refuseUnlessReplaceable(target);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        syncFolder(target.getParent());
    }

    /** Creates {@code target} only when nothing is there yet (no overwrite); the same temporary-file steps. */
    public void commitNew() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(temporary);
        committed = true;
        syncFolder(target.getParent());
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }

    private static void refuseUnlessReplaceable(Path target) throws FileSystemException {
        if (!OutputTarget.replaceable(target)) {
            throw new FileSystemException(target.toString(), null, "it is not a regular file, so it is never replaced");
        }
    }

    private static FileAttribute<?>[] privateFile(Path folder) {
        return supportsPosix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean supportsPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system can sync a folder; the rename itself is still atomic.
        }
    }
}
