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
        String name = Problem.visible(path.toString());
        try {
            if (Files.isDirectory(path)) {
                throw new UnreadableInputException(name + ": is a folder, not a file — give the path of a file");
            }
            if (!Files.exists(path)) {
                if (Files.isSymbolicLink(path)) {
                    throw new UnreadableInputException(name + ": is a link to a file that does not exist — fix or remove the link");
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
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(name + ": no such file — check the path");
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException(name + ": permission denied — check that you may read it");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "cannot be read" : e.getReason();
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
                reason = "a loop of symbolic links";
            }
            throw new UnreadableInputException(name + ": " + reason + " — check the path");
        } catch (IOException e) {
            throw new UnreadableInputException(name + ": cannot be read (" + e.getMessage() + ")");
        }
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
