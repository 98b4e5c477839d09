package dev.spinecheck.render.fhir;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ask-when as FHIR R4 {@code enableWhen} tests, where FHIR can say it exactly. spinecheck asks a question unless
 * its condition is certainly false: a missing answer, or an "unknown" code like prefer_not_to_say, makes a comparison
 * unknown, and the question is asked. FHIR's {@code =} and {@code >=} are simply false without an answer (the item
 * is hidden), so each test comes with {@code exists = false} and with {@code =} for the unknown codes. What the tests
 * can say is an "any" of such tests: a leaf, an "any", a "not" of a leaf on a single-code question or a number. An
 * "all" of two real conditions, a count, or "has no such code" cannot be said; those go to {@link FhirPath}.
 */
final class EnableWhen {

    /** One enableWhen test: the question's linkId, the operator and its answer. */
    sealed interface Test permits Missing, CodeIs, NumberIs {
        String question();
    }

    /** {@code exists = false}: the question has no answer. */
    record Missing(String question) implements Test {}

    /** {@code =} this code (for a multi: one of its answers is this code). */
    record CodeIs(String question, String code) implements Test {}

    /** A whole-number answer compared with a value: {@code operator} is one of {@code >=}, {@code <=}, {@code <}, {@code >}. */
    record NumberIs(String question, String operator, long value) implements Test {}

    /**
     * The tests of which any one enables the item; {@code always} when the item is always enabled (no enableWhen).
     */
    record Any(boolean always, List<Test> tests) {
        static final Any ALWAYS = new Any(true, List.of());

        Any {
            tests = List.copyOf(tests);
        }

        static Any of(Set<Test> tests) {
            return new Any(false, new ArrayList<>(tests));
        }
    }

    private final Questionnaire questionnaire;

    private EnableWhen(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** The enableWhen tests for "this condition is not certainly false", or empty when enableWhen cannot say it. */
    static Optional<Any> of(Condition condition, Questionnaire questionnaire) {
        return new EnableWhen(questionnaire).notFalse(condition);
    }

    private Optional<Any> notFalse(Condition condition) {
        return condition.accept(new Condition.Visitor<Optional<Any>>() {
            @Override
            public Optional<Any> all(Condition.All all) {
                return onlyOne(all.parts(), EnableWhen.this::notFalse);
            }

            @Override
            public Optional<Any> any(Condition.Any any) {
                return union(any.parts(), EnableWhen.this::notFalse);
            }

            @Override
            public Optional<Any> not(Condition.Not not) {
                return notTrue(not.part());
            }

            @Override
            public Optional<Any> leaf(Condition.OnQuestion leaf) {
                return leafNotFalse(leaf);
            }
        });
    }

    private Optional<Any> leafNotFalse(Condition.OnQuestion leaf) {
        return leaf.accept(new Condition.OnQuestion.Visitor<Optional<Any>>() {
            @Override
            public Optional<Any> equals(Condition.Equals equals) {
                return Optional.of(codeOrUnknown(equals.question(), equals.code()));
            }

            @Override
            public Optional<Any> notEquals(Condition.NotEquals notEquals) {
                return notTrue(new Condition.Equals(notEquals.question(), notEquals.code()));
            }

            @Override
            public Optional<Any> has(Condition.Has has) {
                return Optional.of(codeOrUnknown(has.question(), has.code()));
            }

            @Override
            public Optional<Any> countAtLeast(Condition.CountAtLeast count) {
                return Optional.empty();
            }

            @Override
            public Optional<Any> compare(Condition.Compare compare) {
                String operator = switch (compare.comparison()) {
                    case AT_LEAST -> ">=";
                    case AT_MOST -> "<=";
                    case BELOW -> "<";
                };
                return Optional.of(numberOrMissing(compare.question(), operator, compare.value()));
            }

            @Override
            public Optional<Any> answered(Condition.Answered answered) {
                return Optional.of(Any.ALWAYS);
            }
        });
    }

    private Optional<Any> notTrue(Condition condition) {
        return condition.accept(new Condition.Visitor<Optional<Any>>() {
            @Override
            public Optional<Any> all(Condition.All all) {
                return all.parts().isEmpty() ? Optional.empty() : union(all.parts(), EnableWhen.this::notTrue);
            }

            @Override
            public Optional<Any> any(Condition.Any any) {
                return onlyOne(any.parts(), EnableWhen.this::notTrue);
            }

            @Override
            public Optional<Any> not(Condition.Not not) {
                return notFalse(not.part());
            }

            @Override
            public Optional<Any> leaf(Condition.OnQuestion leaf) {
                return leafNotTrue(leaf);
            }
        });
    }

    private Optional<Any> leafNotTrue(Condition.OnQuestion leaf) {
        return leaf.accept(new Condition.OnQuestion.Visitor<Optional<Any>>() {
            @Override
            public Optional<Any> equals(Condition.Equals equals) {
                Set<Test> tests = new LinkedHashSet<>();
                tests.add(new Missing(equals.question()));
                for (Option option : question(equals.question()).options()) {
                    if (!option.code().equals(equals.code())) {
                        tests.add(new CodeIs(equals.question(), option.code()));
                    }
                }
                return Optional.of(Any.of(tests));
            }

            @Override
            public Optional<Any> notEquals(Condition.NotEquals notEquals) {
                return leafNotFalse(new Condition.Equals(notEquals.question(), notEquals.code()));
            }

            // "has no such code" needs FHIR's != on a repeating answer, whose reading differs between tools; a count
            // has no test at all.
            @Override
            public Optional<Any> has(Condition.Has has) {
                return Optional.empty();
            }

            @Override
            public Optional<Any> countAtLeast(Condition.CountAtLeast count) {
                return Optional.empty();
            }

            @Override
            public Optional<Any> compare(Condition.Compare compare) {
                String operator = switch (compare.comparison()) {
                    case AT_LEAST -> "<";
                    case AT_MOST -> ">";
                    case BELOW -> ">=";
                };
                return Optional.of(numberOrMissing(compare.question(), operator, compare.value()));
            }

            @Override
            public Optional<Any> answered(Condition.Answered answered) {
                return Optional.of(Any.of(Set.of(new Missing(answered.question()))));
            }
        });
    }

    private Any codeOrUnknown(String questionId, String code) {
        Set<Test> tests = new LinkedHashSet<>();
        tests.add(new Missing(questionId));
        tests.add(new CodeIs(questionId, code));
        for (Option option : question(questionId).options()) {
            if (option.unknown()) {
                tests.add(new CodeIs(questionId, option.code()));
            }
        }
        return Any.of(tests);
    }

    private static Any numberOrMissing(String questionId, String operator, long value) {
        Set<Test> tests = new LinkedHashSet<>();
        tests.add(new Missing(questionId));
        tests.add(new NumberIs(questionId, operator, value));
        return Any.of(tests);
    }

    private interface Translation {
        Optional<Any> apply(Condition condition);
    }

    /** Any one part enables: the union of the parts' tests (one part always enabled makes it always enabled). */
    private static Optional<Any> union(List<Condition> parts, Translation translation) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Set<Test> tests = new LinkedHashSet<>();
        for (Condition part : parts) {
            Optional<Any> any = translation.apply(part);
            if (any.isEmpty()) {
                return Optional.empty();
            }
            if (any.get().always()) {
                return Optional.of(Any.ALWAYS);
            }
            tests.addAll(any.get().tests());
        }
        return Optional.of(Any.of(tests));
    }

    /** Every part must enable: sayable only when at most one part is more than "always". */
    private static Optional<Any> onlyOne(List<Condition> parts, Translation translation) {
        Any only = Any.ALWAYS;
        for (Condition part : parts) {
            Optional<Any> any = translation.apply(part);
            if (any.isEmpty()) {
                return Optional.empty();
            }
            if (!any.get().always()) {
                if (!only.always()) {
                    return Optional.empty();
                }
                only = any.get();
            }
        }
        return Optional.of(only);
    }

    private Question question(String id) {
        return questionnaire.question(id).orElseThrow(() -> new IllegalStateException("no question " + id));
    }
}
