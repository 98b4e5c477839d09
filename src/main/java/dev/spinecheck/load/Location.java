package dev.spinecheck.load;

/** A place in a source: the file (or {@code path:line} of a JSON Lines record), a 1-based line and column. */
public record Location(String source, int line, int column) {

    public static Location start(String source) {
        return new Location(source, 1, 1);
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
