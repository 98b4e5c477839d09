package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A condition is data, never code: a tree of these records, evaluated with three-valued logic. Every comparison with
 * an unknown answer is unknown; "all" is true only when every part is true, "any" as soon as one part is.
 *
 * <p>Code that walks the tree does it through {@link Visitor} (all, any, not, and a leaf), and code that depends on
 * which operator a leaf is does it through {@link OnQuestion.Visitor}: a new combiner or a new operator is then a
 * compile error everywhere it must be handled.
 */
public sealed interface Condition {

    Tri evaluate(Facts facts);

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of node; leaves are told apart, where that matters, by {@link OnQuestion.Visitor}. */
    interface Visitor<R> {
        R all(All all);

        R any(Any any);

        R not(Not not);

        R leaf(OnQuestion leaf);
    }

    /** Every leaf of the condition, in the order written. */
    static List<OnQuestion> leaves(Condition condition) {
        List<OnQuestion> into = new ArrayList<>();
        condition.accept(new Visitor<Void>() {
            @Override
            public Void all(All all) {
                all.parts().forEach(p -> p.accept(this));
                return null;
            }

            @Override
            public Void any(Any any) {
                any.parts().forEach(p -> p.accept(this));
                return null;
            }

            @Override
            public Void not(Not not) {
                return not.part().accept(this);
            }

            @Override
            public Void leaf(OnQuestion leaf) {
                into.add(leaf);
                return null;
            }
        });
        return into;
    }

    /** Adds the ids of every question this condition reads. */
    default void readQuestions(Set<String> into) {
        leaves(this).forEach(leaf -> into.add(leaf.question()));
    }

    /**
     * Adds the questions whose answers make this condition come out as {@code outcome}: for a true "any", only its
     * true parts; for a true "all", every part; through "not", the parts that make the inner condition false. This is
     * what a person is told: the answers that raised a flag, not every answer its rule reads.
     */
    static void support(Condition condition, Facts facts, Tri outcome, Set<String> into) {
        if (condition.evaluate(facts) != outcome) {
            return;
        }
        condition.accept(new Visitor<Void>() {
            @Override
            public Void all(All all) {
                all.parts().forEach(p -> support(p, facts, outcome, into));
                return null;
            }

            @Override
            public Void any(Any any) {
                any.parts().forEach(p -> support(p, facts, outcome, into));
                return null;
            }

            @Override
            public Void not(Not not) {
                support(not.part(), facts, outcome.not(), into);
                return null;
            }

            @Override
            public Void leaf(OnQuestion leaf) {
                into.add(leaf.question());
                return null;
            }
        });
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
                result = result.and(part.evaluate(facts));
                if (result == Tri.FALSE) {
                    break;
                }
            }
            return result;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.all(this);
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
                result = result.or(part.evaluate(facts));
                if (result == Tri.TRUE) {
                    break;
                }
            }
            return result;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.any(this);
        }
    }

    record Not(Condition part) implements Condition {
        @Override
        public Tri evaluate(Facts facts) {
            return part.evaluate(facts).not();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.not(this);
        }
    }

    /** A leaf condition: it reads exactly one question, with one operator. */
    sealed interface OnQuestion extends Condition {
        String question();

        /** The operator's key as the questionnaire format spells it. */
        default String operator() {
            return accept(new Visitor<String>() {
                @Override
                public String equals(Equals leaf) {
                    return "equals";
                }

                @Override
                public String notEquals(NotEquals leaf) {
                    return "not_equals";
                }

                @Override
                public String has(Has leaf) {
                    return "has";
                }

                @Override
                public String countAtLeast(CountAtLeast leaf) {
                    return "count_at_least";
                }

                @Override
                public String compare(Compare leaf) {
                    return leaf.comparison().key();
                }

                @Override
                public String answered(Answered leaf) {
                    return "answered";
                }
            });
        }

        <R> R accept(Visitor<R> visitor);

        @Override
        default <R> R accept(Condition.Visitor<R> visitor) {
            return visitor.leaf(this);
        }

        /** One method per operator. */
        interface Visitor<R> {
            R equals(Equals leaf);

            R notEquals(NotEquals leaf);

            R has(Has leaf);

            R countAtLeast(CountAtLeast leaf);

            R compare(Compare leaf);

            R answered(Answered leaf);
        }
    }

    /** The answer to a {@code yes_no} or {@code choice} question is this code. */
    record Equals(String question, String code) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Answer answer = facts.knownOrNull(question);
            return answer == null ? Tri.UNKNOWN : Tri.of(answer instanceof Answer.Code c && c.code().equals(code));
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.equals(this);
        }
    }

    /** The answer to a {@code yes_no} or {@code choice} question is known and is another code. */
    record NotEquals(String question, String code) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            Answer answer = facts.knownOrNull(question);
            return answer == null ? Tri.UNKNOWN : Tri.of(!(answer instanceof Answer.Code c && c.code().equals(code)));
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.notEquals(this);
        }
    }

    /** The answer to a {@code multi} question contains this code. */
    record Has(String question, String code) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            if (!(facts.givenOrNull(question) instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            if (given.codes().contains(code)) {
                return Tri.TRUE;
            }
            for (String c : given.codes()) {
                if (facts.isUnknownCode(question, c)) {
                    return Tri.UNKNOWN;
                }
            }
            return Tri.FALSE;
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.has(this);
        }
    }

    /** The answer to a {@code multi} question has at least this many codes, not counting "unknown" codes. */
    record CountAtLeast(String question, long count) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            if (!(facts.givenOrNull(question) instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            long known = 0;
            for (String c : given.codes()) {
                if (!facts.isUnknownCode(question, c)) {
                    known++;
                }
            }
            if (known >= count) {
                return Tri.TRUE;
            }
            return known < given.codes().size() ? Tri.UNKNOWN : Tri.FALSE;
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.countAtLeast(this);
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
            Answer answer = facts.knownOrNull(question);
            return answer == null ? Tri.UNKNOWN : Tri.of(answer instanceof Answer.Number n && comparison.test(n.value(), value));
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.compare(this);
        }
    }

    /**
     * The question has an answer (any answer, "unknown" codes included). Until then it is unknown, never false: a
     * question answered later would make it true.
     */
    record Answered(String question) implements OnQuestion {
        @Override
        public Tri evaluate(Facts facts) {
            return facts.givenOrNull(question) != null ? Tri.TRUE : Tri.UNKNOWN;
        }

        @Override
        public <R> R accept(OnQuestion.Visitor<R> visitor) {
            return visitor.answered(this);
        }
    }
}
