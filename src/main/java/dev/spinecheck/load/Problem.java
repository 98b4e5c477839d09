package dev.spinecheck.load;

/** One thing wrong with an input, told as {@code file:line:col: what is wrong — what to do}. */
public record Problem(Location at, String message) {

    @Override
    public String toString() {
        return at + ": " + message;
    }
}
