package dev.spinecheck.engine;

import java.util.List;
import java.util.Set;

/**
 * A {@link Condition} compiled for the walk: the same three-valued logic, with each leaf reading its question's answer
 * by position in {@link Facts} instead of by id. Built once per questionnaire ({@link WalkIndex}); every operator is
 * compiled through the visitors, so that a new one is a compile error here too.
 */
abstract class Compiled {

    abstract Tri evaluate(Facts facts);

    static Compiled of(Condition condition, WalkIndex index) {
        return condition.accept(new Condition.Visitor<Compiled>() {
            @Override
            public Compiled all(Condition.All all) {
                return new All(parts(all.parts(), index));
            }

            @Override
            public Compiled any(Condition.Any any) {
                return new Any(parts(any.parts(), index));
            }

            @Override
            public Compiled not(Condition.Not not) {
                return new Not(of(not.part(), index));
            }

            @Override
            public Compiled leaf(Condition.OnQuestion leaf) {
                return leafOf(leaf, index.slot(leaf.question()), index.unknownCodes(leaf.question()));
            }
        });
    }

    private static Compiled[] parts(List<Condition> parts, WalkIndex index) {
        Compiled[] compiled = new Compiled[parts.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = of(parts.get(i), index);
        }
        return compiled;
    }

    private static Compiled leafOf(Condition.OnQuestion leaf, int slot, Set<String> unknownCodes) {
        return leaf.accept(new Condition.OnQuestion.Visitor<Compiled>() {
            @Override
            public Compiled equals(Condition.Equals leaf) {
                return new Equals(slot, leaf.code(), false);
            }

            @Override
            public Compiled notEquals(Condition.NotEquals leaf) {
                return new Equals(slot, leaf.code(), true);
            }

            @Override
            public Compiled has(Condition.Has leaf) {
                return new Has(slot, leaf.code(), unknownCodes);
            }

            @Override
            public Compiled countAtLeast(Condition.CountAtLeast leaf) {
                return new CountAtLeast(slot, leaf.count(), unknownCodes);
            }

            @Override
            public Compiled compare(Condition.Compare leaf) {
                return new Compare(slot, leaf.comparison(), leaf.value());
            }

            @Override
            public Compiled answered(Condition.Answered leaf) {
                return new Answered(slot);
            }
        });
    }

    private static final class All extends Compiled {
        private final Compiled[] parts;

        All(Compiled[] parts) {
            this.parts = parts;
        }

        @Override
        Tri evaluate(Facts facts) {
            Tri result = Tri.TRUE;
            for (Compiled part : parts) {
                result = result.and(part.evaluate(facts));
                if (result == Tri.FALSE) {
                    break;
                }
            }
            return result;
        }
    }

    private static final class Any extends Compiled {
        private final Compiled[] parts;

        Any(Compiled[] parts) {
            this.parts = parts;
        }

        @Override
        Tri evaluate(Facts facts) {
            Tri result = Tri.FALSE;
            for (Compiled part : parts) {
                result = result.or(part.evaluate(facts));
                if (result == Tri.TRUE) {
                    break;
                }
            }
            return result;
        }
    }

    private static final class Not extends Compiled {
        private final Compiled part;

        Not(Compiled part) {
            this.part = part;
        }

        @Override
        Tri evaluate(Facts facts) {
            return part.evaluate(facts).not();
        }
    }

    /** {@code equals}, or with {@code negated} {@code not_equals}: both unknown without a known answer. */
    private static final class Equals extends Compiled {
        private final int slot;
        private final String code;
        private final boolean negated;

        Equals(int slot, String code, boolean negated) {
            this.slot = slot;
            this.code = code;
            this.negated = negated;
        }

        @Override
        Tri evaluate(Facts facts) {
            Answer answer = facts.knownAt(slot);
            if (answer == null) {
                return Tri.UNKNOWN;
            }
            boolean equal = answer instanceof Answer.Code c && c.code().equals(code);
            return Tri.of(equal != negated);
        }
    }

    private static final class Has extends Compiled {
        private final int slot;
        private final String code;
        private final Set<String> unknownCodes;

        Has(int slot, String code, Set<String> unknownCodes) {
            this.slot = slot;
            this.code = code;
            this.unknownCodes = unknownCodes;
        }

        @Override
        Tri evaluate(Facts facts) {
            if (!(facts.givenAt(slot) instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            List<String> codes = given.codes();
            if (codes.contains(code)) {
                return Tri.TRUE;
            }
            if (!unknownCodes.isEmpty()) {
                for (String c : codes) {
                    if (unknownCodes.contains(c)) {
                        return Tri.UNKNOWN;
                    }
                }
            }
            return Tri.FALSE;
        }
    }

    private static final class CountAtLeast extends Compiled {
        private final int slot;
        private final long count;
        private final Set<String> unknownCodes;

        CountAtLeast(int slot, long count, Set<String> unknownCodes) {
            this.slot = slot;
            this.count = count;
            this.unknownCodes = unknownCodes;
        }

        @Override
        Tri evaluate(Facts facts) {
            if (!(facts.givenAt(slot) instanceof Answer.Codes given)) {
                return Tri.UNKNOWN;
            }
            List<String> codes = given.codes();
            long known = 0;
            for (String c : codes) {
                if (!unknownCodes.contains(c)) {
                    known++;
                }
            }
            if (known >= count) {
                return Tri.TRUE;
            }
            return known < codes.size() ? Tri.UNKNOWN : Tri.FALSE;
        }
    }

    private static final class Compare extends Compiled {
        private final int slot;
        private final Condition.Comparison comparison;
        private final long value;

        Compare(int slot, Condition.Comparison comparison, long value) {
            this.slot = slot;
            this.comparison = comparison;
            this.value = value;
        }

        @Override
        Tri evaluate(Facts facts) {
            Answer answer = facts.knownAt(slot);
            if (answer == null) {
                return Tri.UNKNOWN;
            }
            return Tri.of(answer instanceof Answer.Number n && comparison.test(n.value(), value));
        }
    }

    private static final class Answered extends Compiled {
        private final int slot;

        Answered(int slot) {
            this.slot = slot;
        }

        @Override
        Tri evaluate(Facts facts) {
            return facts.givenAt(slot) != null ? Tri.TRUE : Tri.UNKNOWN;
        }
    }
}
