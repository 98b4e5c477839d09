package dev.spinecheck.engine;

import java.util.List;

/** An answer the question cannot take; each problem reads "what is wrong — what to do". */
public final class InvalidAnswerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public InvalidAnswerException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
