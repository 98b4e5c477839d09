package dev.spinecheck.cli;

import java.util.List;

/** A problem the person can fix: printed as it is, one line per problem, and ending the command with its exit code. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final transient List<String> lines;

    public UserError(int exitCode, List<String> lines) {
        super(lines.isEmpty() ? "" : lines.get(0), null, false, false);
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    public UserError(int exitCode, String line) {
        this(exitCode, List.of(line));
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lines() {
        return lines;
    }
}
