package dev.spinecheck.script;

/** The exit codes of every command, in one place (documented in --help and the README). */
public final class ExitStatus {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_FINISHED = 3;
    public static final int TESTS_FAILED = 4;
    public static final int INVALID_INPUT = 65;
    public static final int UNREADABLE_INPUT = 66;
    /** An output file cannot be created there (sysexits EX_CANTCREAT): a missing folder, a folder, no permission. */
    public static final int CANNOT_CREATE = 73;
    public static final int INTERRUPTED = 130;

    private ExitStatus() {}
}
