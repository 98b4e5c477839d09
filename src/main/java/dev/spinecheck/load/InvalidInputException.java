package dev.spinecheck.load;

import java.util.List;

/** A questionnaire or answer file that cannot be used, with every problem found in it. */
public final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
