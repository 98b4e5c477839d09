package dev.spinecheck.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads whole inputs with a size limit, turning file-system failures into messages a person can act on. */
public final class Inputs {
    private Inputs() {}

    /** The bytes of a file; a missing, unreadable or non-regular file is an {@link UnreadableInputException}. */
    public static byte[] readFile(Path path) throws UnreadableInputException, InvalidInputException {
        String name = FileNames.display(path);
        try {
            if (Files.isDirectory(path)) {
                throw new UnreadableInputException(name + ": is a folder, not a file — give the path of a file");
            }
            if (!Files.exists(path)) {
                if (Files.isSymbolicLink(path)) {
                    throw new UnreadableInputException(name + ": " + brokenLink(path));
                }
                throw new UnreadableInputException(name + ": no such file — check the path");
            }
            if (!Files.isRegularFile(path)) {
                throw new UnreadableInputException(name + ": is not a regular file — give the path of a file");
            }
            long size = Files.size(path);
            if (size > TreeReader.MAX_BYTES) {
                throw new InvalidInputException(new Problem(Location.start(name), TreeReader.tooLarge(size)));
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readLimited(in, name);
            }
        } catch (IOException e) {
            throw new UnreadableInputException(unreadable(name, e));
        }
    }

    /** Why a link leads nowhere: to a file that does not exist, or round a loop of links. */
    private static String brokenLink(Path link) {
        try {
            link.toRealPath();
            return "cannot be followed — fix or remove the link";
        } catch (NoSuchFileException e) {
            return "is a link to a file that does not exist — fix or remove the link";
        } catch (IOException e) {
            return isLoop(e) ? "is a loop of symbolic links (it leads back to itself) — fix or remove the link"
                    : "is a link that cannot be followed (" + reason(e) + ") — fix or remove the link";
        }
    }

    /**
     * The message for an input (a file or a folder) that could not be read: vanished, no permission, a loop of links,
     * an input/output error. Never the exception's own text, which names Java's classes.
     */
    public static String unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return name + ": no such file or folder (it may have been moved or deleted) — check the path";
        }
        if (e instanceof AccessDeniedException) {
            return name + ": permission denied — check that you may read it";
        }
        if (isLoop(e)) {
            return name + ": is a loop of symbolic links (it leads back to itself) — fix or remove the link";
        }
        return name + ": cannot be read (" + reason(e) + ") — check the file and try again";
    }

    private static boolean isLoop(IOException e) {
        return reason(e).toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links");
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "input/output error" : reason;
    }

    /** Reads a stream up to the size limit. */
    public static byte[] readLimited(InputStream in, String name) throws IOException, InvalidInputException {
        byte[] bytes = in.readNBytes(TreeReader.MAX_BYTES + 1);
        if (bytes.length > TreeReader.MAX_BYTES) {
            throw new InvalidInputException(new Problem(Location.start(name),
                    "the input is too large (more than " + TreeReader.MAX_BYTES / (1024 * 1024) + " MB) — a questionnaire or answer file is at most "
                            + TreeReader.MAX_BYTES / (1024 * 1024) + " MB"));
        }
        return bytes;
    }
}
