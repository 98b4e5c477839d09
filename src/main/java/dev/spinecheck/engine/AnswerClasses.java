package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For each question, one answer of each class: two answers are in the same class when every condition that reads the
 * question gives them the same value. A search that tries one answer of each class has tried them all.
 *
 * <p>Only valid answers that keep the person in scope are kept (an out-of-scope age ends the walk with no flag, so it
 * never helps). The classes are in the order of the question's options (the harmless answer first), or ascending.
 */
final class AnswerClasses {
    /** A multi question with more codes named by {@code has} than this is tried in part only. */
    private static final int MAX_NAMED_CODES = 12;

    private final Questionnaire questionnaire;
    private final Map<String, List<Condition.OnQuestion>> leaves;
    private final Map<String, List<Answer>> classes = new HashMap<>();
    private final Set<String> incomplete = new HashSet<>();

    private AnswerClasses(Questionnaire questionnaire, Map<String, List<Condition.OnQuestion>> leaves) {
        this.questionnaire = questionnaire;
        this.leaves = leaves;
        for (Questionnaire.Step step : questionnaire.steps()) {
            Question question = step.question();
            classes.put(question.id(), distinct(question, candidates(question), leavesOf(question.id())));
        }
    }

    /** The classes told apart by these conditions. */
    static AnswerClasses of(Questionnaire questionnaire, Collection<Condition> conditions) {
        Map<String, List<Condition.OnQuestion>> leaves = new HashMap<>();
        for (Condition condition : conditions) {
            for (Condition.OnQuestion leaf : Condition.leaves(condition)) {
                leaves.computeIfAbsent(leaf.question(), k -> new ArrayList<>()).add(leaf);
            }
        }
        return new AnswerClasses(questionnaire, leaves);
    }

    /** The classes told apart by every condition of the questionnaire: ask-whens, flags, and the emergency's. */
    static AnswerClasses of(Questionnaire questionnaire) {
        List<Condition> conditions = new ArrayList<>();
        questionnaire.steps().forEach(s -> conditions.add(s.askWhen()));
        questionnaire.flags().forEach(f -> conditions.add(f.when()));
        return of(questionnaire, conditions);
    }

    /** One answer of each class, in option order (or ascending). */
    List<Answer> of(String questionId) {
        return classes.getOrDefault(questionId, List.of());
    }

    /** False when the question has too many answer combinations to try every class. */
    boolean isComplete(String questionId) {
        return !incomplete.contains(questionId);
    }

    /** Of this question's classes, one answer for each value the given leaves can tell apart. */
    List<Answer> narrowed(String questionId, List<Condition.OnQuestion> only) {
        return distinct(questionnaire.question(questionId).orElseThrow(), of(questionId), only);
    }

    private List<Condition.OnQuestion> leavesOf(String questionId) {
        return leaves.getOrDefault(questionId, List.of());
    }

    private List<Answer> distinct(Question question, List<Answer> candidates, List<Condition.OnQuestion> by) {
        Map<List<Tri>, Answer> byClass = new LinkedHashMap<>();
        for (Answer answer : candidates) {
            if (!question.problems(answer).isEmpty() || question instanceof Question.IntegerQuestion w && w.isOutOfScope(answer)) {
                continue;
            }
            Facts alone = new Facts(questionnaire);
            alone.put(question.id(), answer);
            List<Tri> signature = new ArrayList<>(by.size());
            for (Condition.OnQuestion leaf : by) {
                signature.add(leaf.evaluate(alone));
            }
            byClass.putIfAbsent(signature, answer);
        }
        return List.copyOf(byClass.values());
    }

    private List<Answer> candidates(Question question) {
        if (question instanceof Question.IntegerQuestion whole) {
            return numbers(whole);
        }
        if (question instanceof Question.Multi multi) {
            return combinations(multi);
        }
        return question.options().stream().map(o -> Answer.code(o.code())).toList();
    }

    /** The bounds, and each value a comparison names with its neighbours: every class of whole numbers. */
    private List<Answer> numbers(Question.IntegerQuestion whole) {
        Set<Long> values = new TreeSet<>(List.of(whole.min(), whole.max()));
        for (Condition.OnQuestion leaf : leavesOf(whole.id())) {
            thresholds(leaf).forEach(v -> {
                for (long near : new long[] {v - 1, v, v + 1}) {
                    if (near >= whole.min() && near <= whole.max()) {
                        values.add(near);
                    }
                }
            });
        }
        return values.stream().map(v -> (Answer) new Answer.Number(v)).toList();
    }

    /** The values a leaf compares a whole number with. */
    private static List<Long> thresholds(Condition.OnQuestion leaf) {
        return leaf.accept(new Condition.OnQuestion.Visitor<List<Long>>() {
            @Override
            public List<Long> equals(Condition.Equals l) {
                return List.of();
            }

            @Override
            public List<Long> notEquals(Condition.NotEquals l) {
                return List.of();
            }

            @Override
            public List<Long> has(Condition.Has l) {
                return List.of();
            }

            @Override
            public List<Long> countAtLeast(Condition.CountAtLeast l) {
                return List.of();
            }

            @Override
            public List<Long> compare(Condition.Compare l) {
                return List.of(l.value());
            }

            @Override
            public List<Long> answered(Condition.Answered l) {
                return List.of();
            }
        });
    }

    /** The codes a leaf on a multi question tells apart by name. */
    private static List<String> named(Condition.OnQuestion leaf) {
        return leaf.accept(new Condition.OnQuestion.Visitor<List<String>>() {
            @Override
            public List<String> equals(Condition.Equals l) {
                return List.of(l.code());
            }

            @Override
            public List<String> notEquals(Condition.NotEquals l) {
                return List.of(l.code());
            }

            @Override
            public List<String> has(Condition.Has l) {
                return List.of(l.code());
            }

            @Override
            public List<String> countAtLeast(Condition.CountAtLeast l) {
                return List.of();
            }

            @Override
            public List<String> compare(Condition.Compare l) {
                return List.of();
            }

            @Override
            public List<String> answered(Condition.Answered l) {
                return List.of();
            }
        });
    }

    /**
     * Every class of a multi answer. A leaf sees only which named codes are there, how many known codes there are,
     * and whether an unknown code is there; so each set of named codes is tried with every count of other codes,
     * with and without an unknown code, and each exclusive code alone.
     */
    private List<Answer> combinations(Question.Multi multi) {
        List<Answer> candidates = new ArrayList<>();
        multi.options().stream().filter(Option::exclusive).forEach(o -> candidates.add(Answer.codes(o.code())));
        List<Option> free = multi.options().stream().filter(o -> !o.exclusive()).toList();
        Set<String> namedCodes = new HashSet<>();
        leavesOf(multi.id()).forEach(leaf -> namedCodes.addAll(named(leaf)));
        List<String> named = free.stream().map(Option::code).filter(namedCodes::contains).toList();
        List<String> others = free.stream().filter(o -> !o.unknown() && !namedCodes.contains(o.code())).map(Option::code).toList();
        List<String> unknown = free.stream().filter(o -> o.unknown() && !namedCodes.contains(o.code())).map(Option::code).toList();
        if (named.size() > MAX_NAMED_CODES) {
            incomplete.add(multi.id());
            free.forEach(o -> candidates.add(Answer.codes(o.code())));
            List<String> all = free.stream().map(Option::code).toList();
            for (int n = 2; n <= all.size(); n++) {
                candidates.add(new Answer.Codes(all.subList(0, n)));
            }
            return candidates;
        }
        for (int mask = 0; mask < (1 << named.size()); mask++) {
            List<String> chosen = new ArrayList<>();
            for (int b = 0; b < named.size(); b++) {
                if ((mask & (1 << b)) != 0) {
                    chosen.add(named.get(b));
                }
            }
            for (int k = 0; k <= others.size(); k++) {
                for (int u = 0; u <= Math.min(1, unknown.size()); u++) {
                    List<String> codes = new ArrayList<>(chosen);
                    codes.addAll(others.subList(0, k));
                    if (u == 1) {
                        codes.add(unknown.get(0));
                    }
                    if (!codes.isEmpty()) {
                        candidates.add(new Answer.Codes(inOptionOrder(multi, codes)));
                    }
                }
            }
        }
        return candidates;
    }

    private static List<String> inOptionOrder(Question.Multi multi, List<String> codes) {
        return multi.codes().stream().filter(codes::contains).toList();
    }
}
