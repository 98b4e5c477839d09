package dev.spinecheck.script;

import java.util.List;

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
    /** An output could not be written to the end (sysexits EX_IOERR): a full disk, an input/output error. */
    public static final int CANNOT_WRITE = 74;
    public static final int INTERRUPTED = 130;
    /** The reader of the output went away (a closed pipe): stopped at once and quietly, as a tool stopped by SIGPIPE. */
    public static final int BROKEN_PIPE = 141;

    /**
     * From least to most telling, when one command has several outcomes (many files, many answer sets): an input that
     * was read and is wrong says more than one that could not be read, and either says more than a questionnaire that is
     * not proved, or failing author tests.
     */
    private static final List<Integer> RANK = List.of(OK, NOT_FINISHED, TESTS_FAILED, NOT_PROVED, UNREADABLE_INPUT, INVALID_INPUT,
            CANNOT_CREATE, CANNOT_WRITE, USAGE, INTERRUPTED, BROKEN_PIPE, INTERNAL_ERROR);

    private ExitStatus() {}

    /** The exit code of a command with both outcomes: the more telling one (not the larger number). */
    public static int combine(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        int rank = RANK.indexOf(code);
        if (rank < 0) {
            throw new IllegalArgumentException("not an exit status of spinecheck: " + code);
        }
        return rank;
    }
}
