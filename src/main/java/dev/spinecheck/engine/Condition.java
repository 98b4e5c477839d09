package dev.spinecheck.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A condition is data, never code: a tree of these records, evaluated with three-valued logic. Every comparison with
 * an unknown answer is unknown; "all" is true only when every part is true, "any" as soon as one part is.
 */
public sealed interface Condition {

    Tri evaluate(Facts facts);

    /** Adds the ids of every question this condition reads. */
    void readQuestions(Set<String> into);

    /**
     * Adds the questions whose answers make this condition come out as {@code outcome}: for a true "any", only its
     * true parts; for a true "all", every part; through "not", the parts that make the inner condition false. This is
     * what a person is told: the answers that raised a flag, not every answer its rule reads.
     */
    static void support(Condition condition, Facts facts, Tri outcome, Set<String> into) {
        if (condition.evaluate(facts) != outcome) {
            return;
        }
        if (condition instanceof Not not) {
            support(not.part(), facts, outcome.not(), into);
        } else if (condition instanceof All all) {
            all.parts().forEach(p -> support(p, facts, outcome, into));
        } else if (condition instanceof Any any) {
            any.parts().forEach(p -> support(p, facts, outcome, into));
        } else {
            condition.readQuestions(into);
        }
    }

    /** A condition that always holds: the ask-when of a question that is always asked. */
    Condition ALWAYS = new All(List.of());

    /** A condition that never holds: an empty "any". */
    Condition NEVER = new Any(List.of());

    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Tri evaluate(Facts facts) {
            Tri result = Tri.TRUE;
            for (Condition part : parts) {
                Tri t = part.evaluate(facts);
                if (t == Tri.FALSE) {
                    return Tri.FALSE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public void readQuestions(Set<String> into) {
            parts.forEach(p -> p.readQuestions(into));
        }
    }

    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Tri evaluate(Facts facts) {
            Tri result = Tri.FALSE;
            for (Condition part : parts) {
                Tri t = part.evaluate(facts);
                if (t == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public void readQuestions(Set<String> into) {
            parts.forEach(p -> p.readQuestions(into));
        }
    }

    record Not(Condition part) implements Condition {
        @Override
        public Tri evaluate(Facts facts) {
            return part.evaluate(facts).not();
        }

        @Override
        public void readQuestions(Set<String> into) {
            part.readQuestions(into);
        }
    }

    /** A leaf condition: it reads exactly one question. */
    sealed interface OnQuestion extends Condition {
        String question();

        @Override
        default void readQuestions(Set<String> into) {
            into.add(question());
        }
    }

    /** The answer to a {@code yes_no} or {@code choice} question is this code. */
    record Equals(String question, String code) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Optional<Answer> a = facts.known(question);
            return a.map(answer -> Tri.of(answer instanceof Answer.Code c && c.code().equals(code))).orElse(Tri.UNKNOWN);
        }
    }

    /** The answer to a {@code multi} question contains this code. */
    record Has(String question, String code) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Optional<Answer> a = facts.given(question);
            if (a.isEmpty() || !(a.get() instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            if (given.codes().contains(code)) {
                return Tri.TRUE;
            }
            boolean anyUnknown = given.codes().stream().anyMatch(c -> facts.isUnknownCode(question, c));
            return anyUnknown ? Tri.UNKNOWN : Tri.FALSE;
        }
    }

    /** The answer to a {@code multi} question has at least this many codes, not counting "unknown" codes. */
    record CountAtLeast(String question, int count) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Optional<Answer> a = facts.given(question);
            if (a.isEmpty() || !(a.get() instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            long known = given.codes().stream().filter(c -> !facts.isUnknownCode(question, c)).count();
            if (known >= count) {
                return Tri.TRUE;
            }
            return known < given.codes().size() ? Tri.UNKNOWN : Tri.FALSE;
        }
    }

    /** How a whole-number answer is compared with a value. */
    enum Comparison {
        AT_LEAST("at_least"),
        AT_MOST("at_most"),
        BELOW("below");

        private final String key;

        Comparison(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        boolean test(long answer, long value) {
            return switch (this) {
                case AT_LEAST -> answer >= value;
                case AT_MOST -> answer <= value;
                case BELOW -> answer < value;
            };
        }
    }

    /** The whole-number answer compares with the value: at least, at most, or below it. */
    record Compare(String question, Comparison comparison, long value) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Optional<Answer> a = facts.known(question);
            return a.map(answer -> Tri.of(answer instanceof Answer.Number n && comparison.test(n.value(), value)))
                    .orElse(Tri.UNKNOWN);
        }
    }

    /**
     * The question has an answer (any answer, "unknown" codes included). Until then it is unknown, never false: a
     * question answered later would make it true.
     */
    record Answered(String question) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            return facts.given(question).isPresent() ? Tri.TRUE : Tri.UNKNOWN;
        }
    }
}
