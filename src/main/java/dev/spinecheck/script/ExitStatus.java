package dev.spinecheck.script;

/** The exit codes of every command, in one place (documented in --help and the README). */
public final class ExitStatus {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int NOT_FINISHED = 3;
    public static final int TESTS_FAILED = 4;
    /**
     * {@code validate} found nothing wrong but could not prove everything within its search budget: the questionnaire
     * is not shown to be safe, so this is never 0 (raise {@code --budget}).
     */
    public static final int NOT_PROVED = 5;
    public static final int INVALID_INPUT = 65;
    public static final int UNREADABLE_INPUT = 66;
    /** An output file cannot be created there (sysexits EX_CANTCREAT): a missing folder, a folder, no permission. */
    public static final int CANNOT_CREATE = 73;
    public static final int INTERRUPTED = 130;

    private ExitStatus() {}
}
