package dev.spinecheck.files;

/** An output that cannot be written there (a folder, a socket, a missing or read-only folder), in plain words. */
public final class UnusableOutputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnusableOutputException(String reason) {
        super(reason, null, false, false);
    }
}
