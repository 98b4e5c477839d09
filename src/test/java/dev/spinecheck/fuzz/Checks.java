package dev.spinecheck.fuzz;

import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.script.Verdict;

/** What every refusal must look like: at least one problem, each placed in the file, one safe line each. */
final class Checks {
    private Checks() {}

    /** No line break and no control character (no terminal escape sequence) in a message. */
    static boolean oneSafeLine(String line) {
        return line.chars().noneMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0));
    }

    static void located(InvalidInputException e, String source) {
        if (e.problems().isEmpty()) {
            throw new AssertionError("refused without saying why");
        }
        for (Problem p : e.problems()) {
            if (!p.at().source().equals(source) || p.at().line() < 1 || p.at().column() < 1 || p.message().isBlank()
                    || !oneSafeLine(p.toString())) {
                throw new AssertionError("a problem without a proper place or message: " + p);
            }
        }
    }

    static void refused(Verdict.Refused refused, String source) {
        if (refused.problems().isEmpty() || refused.exitCode() != 65) {
            throw new AssertionError("refused without a problem, or with exit " + refused.exitCode());
        }
        for (String line : refused.problems()) {
            if (!line.startsWith(source + ":") || !oneSafeLine(line)) {
                throw new AssertionError("a problem without a proper place or message: " + line);
            }
        }
    }
}
