package dev.spinecheck.shell;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Why a file could not be written or read, in plain words a person can act on (never a Java class name). */
final class Why {
    private Why() {}

    static String of(Exception e) {
        if (e instanceof ProgressStore.UnusableFolder) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "the folder " + parentOf(missing.getFile()) + " does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is already there";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name is already there";
        }
        if (e instanceof java.nio.file.ReadOnlyFileSystemException) {
            return "the disk is read-only";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lowerFirst(fs.getReason());
        }
        if (e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return lowerFirst(e.getMessage());
        }
        return "the system did not say why";
    }

    private static String parentOf(String file) {
        if (file == null) {
            return "it is in";
        }
        java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
        return parent == null ? file : parent.toString();
    }

    private static String lowerFirst(String text) {
        String t = text.strip();
        return t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))
                ? t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1) : t;
    }
}
