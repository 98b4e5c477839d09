package dev.spinecheck.fuzz;

import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.script.Verdict;

/** What every refusal must look like: at least one problem, each placed in the file, one line each. */
final class Checks {
    private Checks() {}

    static void located(InvalidInputException e, String source) {
        if (e.problems().isEmpty()) {
            throw new AssertionError("refused without saying why");
        }
        for (Problem p : e.problems()) {
            if (!p.at().source().equals(source) || p.at().line() < 1 || p.at().column() < 1 || p.message().isBlank()
                    || p.message().contains("\n") || p.message().contains("Exception")) {
                throw new AssertionError("a problem without a proper place or message: " + p);
            }
        }
    }

    static void refused(Verdict.Refused refused, String source) {
        if (refused.problems().isEmpty() || refused.exitCode() != 65) {
            throw new AssertionError("refused without a problem, or with exit " + refused.exitCode());
        }
        for (String line : refused.problems()) {
            if (!line.startsWith(source + ":") || line.contains("\n") || line.contains("Exception")) {
                throw new AssertionError("a problem without a proper place or message: " + line);
            }
        }
    }
}
