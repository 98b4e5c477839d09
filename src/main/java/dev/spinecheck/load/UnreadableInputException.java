package dev.spinecheck.load;

/** An input that does not exist or cannot be read (exit code 66), with a message a person can act on. */
public final class UnreadableInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }
}
