package dev.spinecheck.cli;

/**
 * The exit codes as --help lists them, one line each ("code:meaning"), so that each command lists the ones it can
 * return. The numbers are those of {@link dev.spinecheck.script.ExitStatus}.
 */
final class ExitCodes {
    static final String HEADING = "%nExit codes:%n";
    static final String OK = " 0:done";
    static final String INTERNAL_ERROR = " 1:internal error (a short message; details with --debug)";
    static final String USAGE = " 2:usage error (a wrong option or argument)";
    static final String NOT_FINISHED = " 3:screening not finished (left the interactive screening; progress is saved)";
    static final String TESTS_FAILED = " 4:an author test case failed";
    static final String NOT_PROVED = " 5:not proved: nothing wrong was found, but some question or flag could not be"
            + " proved reachable within --budget (raise it)";
    static final String INVALID_QUESTIONNAIRE_OR_ANSWERS = "65:invalid questionnaire or answers";
    static final String INVALID_QUESTIONNAIRE = "65:invalid questionnaire";
    static final String INVALID_QUESTIONNAIRE_OR_TESTS = "65:invalid questionnaire or test file";
    static final String INVALID_BATCH = "65:an invalid questionnaire, or any bad input (after processing all)";
    static final String UNREADABLE = "66:an input that does not exist or cannot be read";
    static final String UNREADABLE_BATCH = "66:every bad input could not be read, or no answer file was given";
    static final String CANNOT_CREATE = "73:an output file cannot be created there (a missing folder, a folder, no permission; checked first)";
    static final String CANNOT_WRITE = "74:an output could not be written to the end (a full disk); a file is then left as it was";
    static final String HUNG_UP = "129:the terminal went away (its window closed, a hang-up): stopped at once, every answer given is saved";
    static final String INTERRUPTED = "130:interrupted (Ctrl-C)";
    static final String BROKEN_PIPE = "141:the reader of the output went away (a closed pipe): stopped at once, quietly";

    private ExitCodes() {}
}
