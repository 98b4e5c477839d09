package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A question of the tree. Its {@code askWhen} is its own condition; sections add theirs on top. */
public sealed interface Question extends Item
        permits Question.YesNo, Question.Choice, Question.Multi, Question.IntegerQuestion {

    String id();

    String text();

    String help();

    Condition askWhen();

    /** The type's name as the questionnaire format spells it. */
    String type();

    /** What is wrong with this answer, each as "what is wrong — what to do"; empty when it is valid. */
    List<String> problems(Answer answer);

    /** The options of a question answered with codes; empty for a whole number. */
    default List<Option> options() {
        return List.of();
    }

    default Optional<Option> option(String code) {
        List<Option> options = options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code().equals(code)) {
                return Optional.of(options.get(i));
            }
        }
        return Optional.empty();
    }

    default List<String> codes() {
        // A loop, not a stream: the walk's index asks at every start (see Ints).
        List<Option> options = options();
        String[] codes = new String[options.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = options.get(i).code();
        }
        return Collections.unmodifiableList(Arrays.asList(codes));
    }

    /** True when the answer (valid for this question) carries no usable information, like prefer_not_to_say. */
    default boolean isUnknown(Answer answer) {
        if (answer instanceof Answer.Code c) {
            List<Option> options = options();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).code().equals(c.code())) {
                    return options.get(i).unknown();
                }
            }
        }
        return false;
    }

    record YesNo(String id, String text, String help, Condition askWhen, List<Option> options) implements Question {
        public YesNo {
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "yes_no";
        }

        @Override
        public List<String> problems(Answer answer) {
            return singleCode(this, answer);
        }
    }

    record Choice(String id, String text, String help, Condition askWhen, List<Option> options) implements Question {
        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "choice";
        }

        @Override
        public List<String> problems(Answer answer) {
            return singleCode(this, answer);
        }
    }

    record Multi(String id, String text, String help, Condition askWhen, List<Option> options) implements Question {
        public Multi {
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "multi";
        }

        @Override
        public List<String> problems(Answer answer) {
            if (!(answer instanceof Answer.Codes given)) {
                return List.of(id + " takes a list of codes — write it as a list, for example [" + String.join(", ", codes()) + "]");
            }
            List<String> problems = new ArrayList<>();
            if (given.codes().isEmpty()) {
                problems.add(id + " needs at least one code — use one or more of: " + String.join(", ", codes()));
            }
            Set<String> seen = new HashSet<>();
            for (String code : given.codes()) {
                if (option(code).isEmpty()) {
                    problems.add(unknownCode(this, code));
                } else if (!seen.add(code)) {
                    problems.add(code + " is listed twice in " + id + " — list each code once");
                }
            }
            for (String code : seen) {
                if (option(code).orElseThrow().exclusive() && seen.size() > 1) {
                    problems.add(code + " cannot be combined with other codes in " + id
                            + " — give either " + code + " alone or the other codes without it");
                }
            }
            return problems;
        }
    }

    /**
     * An {@code integer} question: a whole number from {@code min} to {@code max}. When {@code belowMinMessage} is set,
     * a number from 0 up to {@code min - 1} is not an error but ends the walk with that message (the spec's out-of-scope
     * age). Not called {@code Integer}, which would hide {@code java.lang.Integer} in every implementation.
     */
    record IntegerQuestion(String id, String text, String help, Condition askWhen, long min, long max, String unit,
            String belowMinMessage) implements Question {

        @Override
        public String type() {
            return "integer";
        }

        public boolean isOutOfScope(Answer answer) {
            return belowMinMessage != null && answer instanceof Answer.Number n && n.value() >= 0 && n.value() < min;
        }

        @Override
        public List<String> problems(Answer answer) {
            if (!(answer instanceof Answer.Number n)) {
                return List.of(id + " takes a whole number — write a number from " + min + " to " + max
                        + " without quotes");
            }
            if (isOutOfScope(answer) || (n.value() >= min && n.value() <= max)) {
                return List.of();
            }
            return List.of(n.value() + " is out of range for " + id + " — give a whole number from " + min + " to " + max);
        }
    }

    private static List<String> singleCode(Question q, Answer answer) {
        if (!(answer instanceof Answer.Code c)) {
            return List.of(q.id() + " takes one code — use one of: " + String.join(", ", q.codes()));
        }
        return q.option(c.code()).isPresent() ? List.of() : List.of(unknownCode(q, c.code()));
    }

    private static String unknownCode(Question q, String code) {
        return "'" + code + "' is not an answer to " + q.id() + " — use one of: " + String.join(", ", q.codes());
    }
}
