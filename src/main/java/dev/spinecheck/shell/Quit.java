package dev.spinecheck.shell;

/** {@code quit} (or {@code exit}) typed at a prompt: the screening stops, saying what is kept. */
final class Quit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Quit() {
        super(null, null, false, false);
    }
}
