package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves that every question can be asked and every flag can fire — taking the emergency stop into account — by
 * finding an answer set for each, or proves that it cannot.
 *
 * <p>Two answers to a question are interchangeable when every condition that reads the question gives them the same
 * value; the search tries one answer of each such class, so a search that runs out of answers is a proof. Branches
 * are cut only where that is sound: when the target is already certainly out of reach. The search has a budget; a
 * target it cannot decide within it is {@link Undecided}, never wrongly impossible. Every example found is checked by
 * the real walk before it is reported.
 */
public final class Reachability {

    /** What the search found for one question or flag. */
    public sealed interface Verdict permits Proved, Impossible, Undecided {}

    /** A complete answer set that reaches the question, or fires the flag. */
    public record Proved(Map<String, Answer> example) implements Verdict {
        public Proved {
            example = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(example));
        }
    }

    public record Impossible(String why) implements Verdict {}

    public record Undecided(String why) implements Verdict {}

    public record Report(Map<String, Verdict> questions, Map<String, Verdict> flags) {}

    private static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    private final Questionnaire questionnaire;
    private final long budget;
    private final Map<String, List<Condition.OnQuestion>> leavesByQuestion = new HashMap<>();
    private final Map<String, List<Answer>> classes = new HashMap<>();
    private final Set<String> incomplete = new HashSet<>();
    private final List<Flag> emergencies;

    private Reachability(Questionnaire questionnaire, long budget) {
        this.questionnaire = questionnaire;
        this.budget = budget;
        for (Questionnaire.Step step : questionnaire.steps()) {
            collect(step.askWhen());
        }
        for (Flag flag : questionnaire.flags()) {
            collect(flag.when());
        }
        this.emergencies = questionnaire.flags().stream().filter(f -> f.level() == Level.EMERGENCY).toList();
        for (Questionnaire.Step step : questionnaire.steps()) {
            classes.put(step.question().id(), representatives(step.question()));
        }
    }

    /** Searches for every question and flag of the questionnaire, with at most {@code budget} steps for each. */
    public static Report analyse(Questionnaire questionnaire, long budget) {
        Reachability r = new Reachability(questionnaire, budget);
        Map<String, Verdict> questions = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            questions.put(step.question().id(), r.decide(new Target(step, null)));
        }
        Map<String, Verdict> flags = new LinkedHashMap<>();
        for (Flag flag : questionnaire.flags()) {
            flags.put(flag.id(), r.decide(new Target(null, flag)));
        }
        return new Report(questions, flags);
    }

    private record Target(Questionnaire.Step step, Flag flag) {
        Condition goal() {
            return flag != null ? flag.when() : step.askWhen();
        }
    }

    /** The goal and the ask-when of every question it reads, transitively: what the search should try to make true. */
    private Condition guide(Target target) {
        List<Condition> parts = new ArrayList<>(List.of(target.goal()));
        Set<String> seen = new HashSet<>();
        List<String> queue = new ArrayList<>();
        Set<String> first = new HashSet<>();
        target.goal().readQuestions(first);
        queue.addAll(first);
        while (!queue.isEmpty()) {
            String id = queue.remove(queue.size() - 1);
            if (!seen.add(id)) {
                continue;
            }
            Condition askWhen = questionnaire.step(id).map(Questionnaire.Step::askWhen).orElse(Condition.ALWAYS);
            parts.add(askWhen);
            Set<String> more = new HashSet<>();
            askWhen.readQuestions(more);
            queue.addAll(more);
        }
        return new Condition.All(parts);
    }

    private void collect(Condition condition) {
        if (condition instanceof Condition.All all) {
            all.parts().forEach(this::collect);
        } else if (condition instanceof Condition.Any any) {
            any.parts().forEach(this::collect);
        } else if (condition instanceof Condition.Not not) {
            collect(not.part());
        } else if (condition instanceof Condition.OnQuestion leaf) {
            leavesByQuestion.computeIfAbsent(leaf.question(), k -> new ArrayList<>()).add(leaf);
        }
    }

    /** One answer of each class: answers that every condition reading the question tells apart. */
    private List<Answer> representatives(Question question) {
        List<Answer> candidates = new ArrayList<>();
        if (question instanceof Question.IntegerQuestion whole) {
            Set<Long> values = new java.util.TreeSet<>(List.of(whole.min(), whole.max()));
            for (Condition.OnQuestion leaf : leavesByQuestion.getOrDefault(question.id(), List.of())) {
                if (leaf instanceof Condition.Compare c) {
                    for (long v : new long[] {c.value() - 1, c.value(), c.value() + 1}) {
                        if (v >= whole.min() && v <= whole.max()) {
                            values.add(v);
                        }
                    }
                }
            }
            values.forEach(v -> candidates.add(new Answer.Number(v)));
        } else if (question instanceof Question.Multi) {
            List<String> free = question.options().stream().filter(o -> !o.exclusive()).map(Option::code).toList();
            question.options().stream().filter(Option::exclusive).forEach(o -> candidates.add(Answer.codes(o.code())));
            if (free.size() <= 10) {
                for (int mask = 1; mask < (1 << free.size()); mask++) {
                    List<String> codes = new ArrayList<>();
                    for (int b = 0; b < free.size(); b++) {
                        if ((mask & (1 << b)) != 0) {
                            codes.add(free.get(b));
                        }
                    }
                    candidates.add(new Answer.Codes(codes));
                }
            } else {
                incomplete.add(question.id());
                free.forEach(c -> candidates.add(Answer.codes(c)));
                for (int n = 2; n <= free.size(); n++) {
                    candidates.add(new Answer.Codes(free.subList(0, n)));
                }
            }
        } else {
            question.options().forEach(o -> candidates.add(Answer.code(o.code())));
        }
        Map<List<Tri>, Answer> byClass = new LinkedHashMap<>();
        for (Answer answer : candidates) {
            if (question.problems(answer).isEmpty()) {
                byClass.putIfAbsent(signature(question, answer), answer);
            }
        }
        return new ArrayList<>(byClass.values());
    }

    private List<Tri> signature(Question question, Answer answer) {
        Facts alone = new Facts(questionnaire);
        alone.put(question.id(), answer);
        List<Tri> signature = new ArrayList<>();
        for (Condition.OnQuestion leaf : leavesByQuestion.getOrDefault(question.id(), List.of())) {
            signature.add(leaf.evaluate(alone));
        }
        return signature;
    }

    private Verdict decide(Target target) {
        Search search = new Search(target);
        try {
            if (search.dfs(0)) {
                Map<String, Answer> example = complete(search.answers);
                if (verify(target, example)) {
                    return new Proved(example);
                }
                return new Undecided("the example found did not survive the check");
            }
            if (search.usedIncomplete) {
                return new Undecided("too many answer combinations to try them all");
            }
            return new Impossible(target.flag != null ? "no answers make it fire before the walk ends or stops"
                    : "no answers lead to it before the walk ends or stops");
        } catch (OutOfBudget e) {
            if (target.flag != null && !Satisfiable.canBeTrue(target.flag.when())) {
                return new Impossible("its condition contradicts itself");
            }
            return new Undecided("the search budget ran out");
        }
    }

    private final class Search {
        final Target target;
        final Facts facts = new Facts(questionnaire);
        final Map<String, Answer> answers = new LinkedHashMap<>();
        long steps;
        boolean usedIncomplete;

        final Condition guide;

        Search(Target target) {
            this.target = target;
            this.guide = guide(target);
        }

        boolean dfs(int from) {
            if (++steps > budget) {
                throw new OutOfBudget();
            }
            for (int i = from; i < questionnaire.steps().size(); i++) {
                Questionnaire.Step step = questionnaire.steps().get(i);
                if (step.askWhen().evaluate(facts).isFalse()) {
                    continue;
                }
                if (target.step != null && target.step.index() == i) {
                    return true;
                }
                if (target.goal().evaluate(facts).isFalse() || target.flag != null && !canStillBe(target.goal(), true, i)) {
                    return false;
                }
                Question question = step.question();
                usedIncomplete |= incomplete.contains(question.id());
                for (Answer answer : ordered(question)) {
                    if (question instanceof Question.IntegerQuestion w && w.isOutOfScope(answer)) {
                        continue;
                    }
                    facts.put(question.id(), answer);
                    answers.put(question.id(), answer);
                    boolean fired = target.flag != null && target.flag.when().evaluate(facts).isTrue();
                    if (fired) {
                        return true;
                    }
                    if (!emergency() && dfs(i + 1)) {
                        return true;
                    }
                    facts.remove(question.id());
                    answers.remove(question.id());
                }
                return false;
            }
            return false;
        }

        /**
         * Whether the condition can still come out {@code wanted}: a leaf is open while its question lies ahead and can
         * still be asked; a leaf on a question already passed keeps its value (unknown when it was not asked).
         */
        boolean canStillBe(Condition condition, boolean wanted, int position) {
            if (condition instanceof Condition.Not not) {
                return canStillBe(not.part(), !wanted, position);
            }
            if (condition instanceof Condition.All all) {
                return wanted ? all.parts().stream().allMatch(p -> canStillBe(p, true, position))
                        : all.parts().stream().anyMatch(p -> canStillBe(p, false, position));
            }
            if (condition instanceof Condition.Any any) {
                return wanted ? any.parts().stream().anyMatch(p -> canStillBe(p, true, position))
                        : any.parts().stream().allMatch(p -> canStillBe(p, false, position));
            }
            Condition.OnQuestion leaf = (Condition.OnQuestion) condition;
            Tri now = leaf.evaluate(facts);
            if (now != Tri.UNKNOWN || facts.given(leaf.question()).isPresent()) {
                return now == (wanted ? Tri.TRUE : Tri.FALSE);
            }
            Questionnaire.Step step = questionnaire.step(leaf.question()).orElseThrow();
            return step.index() >= position && !step.askWhen().evaluate(facts).isFalse();
        }

        boolean emergency() {
            for (Flag flag : emergencies) {
                if (flag.when().evaluate(facts).isTrue()) {
                    return true;
                }
            }
            return false;
        }

        /** Answers that help the target first, then those least likely to raise an emergency, then option order. */
        List<Answer> ordered(Question question) {
            List<Answer> all = new ArrayList<>(classes.get(question.id()));
            Map<Answer, Integer> help = new HashMap<>();
            Map<Answer, Integer> danger = new HashMap<>();
            for (Answer answer : all) {
                help.put(answer, score(guide, question.id(), answer, true));
                int d = 0;
                for (Flag flag : emergencies) {
                    d += score(flag.when(), question.id(), answer, true);
                }
                danger.put(answer, d);
            }
            all.sort(Comparator.comparing((Answer a) -> -help.get(a)).thenComparing(danger::get));
            return all;
        }

        /** How many leaves on this question the answer sets the way that helps the condition come true. */
        private int score(Condition condition, String questionId, Answer answer, boolean positive) {
            if (condition instanceof Condition.Not not) {
                return score(not.part(), questionId, answer, !positive);
            }
            if (condition instanceof Condition.All all) {
                return all.parts().stream().mapToInt(p -> score(p, questionId, answer, positive)).sum();
            }
            if (condition instanceof Condition.Any any) {
                return any.parts().stream().mapToInt(p -> score(p, questionId, answer, positive)).sum();
            }
            Condition.OnQuestion leaf = (Condition.OnQuestion) condition;
            if (!leaf.question().equals(questionId)) {
                return 0;
            }
            Facts alone = new Facts(questionnaire);
            alone.put(questionId, answer);
            return leaf.evaluate(alone) == (positive ? Tri.TRUE : Tri.FALSE) ? 1 : 0;
        }
    }

    /**
     * Answers every question the walk still asks, so that the example is a complete, ready-to-run answer set. Each
     * added answer is the one that raises the fewest flags, so the example shows its target and little else.
     */
    private Map<String, Answer> complete(Map<String, Answer> partial) {
        Map<String, Answer> answers = new LinkedHashMap<>(partial);
        while (true) {
            Walk.Outcome outcome = Walk.run(questionnaire, answers);
            Optional<Question> next = outcome.end() == Walk.End.COMPLETE ? outcome.next() : Optional.empty();
            if (next.isEmpty()) {
                return answers;
            }
            Question question = next.get();
            Answer best = null;
            int fewest = Integer.MAX_VALUE;
            for (Answer candidate : classes.get(question.id())) {
                if (question instanceof Question.IntegerQuestion w && w.isOutOfScope(candidate)) {
                    continue;
                }
                answers.put(question.id(), candidate);
                Walk.Outcome trial = Walk.run(questionnaire, answers);
                int cost = trial.flags().size() + (trial.stoppedEarly() ? 1000 : 0);
                if (cost < fewest) {
                    fewest = cost;
                    best = candidate;
                }
            }
            answers.put(question.id(), best);
        }
    }

    private boolean verify(Target target, Map<String, Answer> example) {
        Walk.Outcome outcome = Walk.run(questionnaire, example);
        if (!outcome.missing().isEmpty() || outcome.end() == Walk.End.OUT_OF_SCOPE) {
            return false;
        }
        if (target.flag != null) {
            return outcome.flags().stream().anyMatch(f -> f.id().equals(target.flag.id()));
        }
        return outcome.path().contains(target.step.question());
    }

    /**
     * Whether a condition can be true at all if each leaf could be true or false on its own. When it cannot, no
     * answers make it true (answers only narrow what leaves can be together), so "impossible" is safe to say.
     */
    static final class Satisfiable {
        private Satisfiable() {}

        static boolean canBeTrue(Condition condition) {
            List<Condition.OnQuestion> leaves = new ArrayList<>();
            gather(condition, leaves);
            if (leaves.size() > 20) {
                return true;
            }
            for (long mask = 0; mask < (1L << leaves.size()); mask++) {
                Map<Condition, Boolean> values = new java.util.IdentityHashMap<>();
                for (int i = 0; i < leaves.size(); i++) {
                    values.put(leaves.get(i), (mask & (1L << i)) != 0);
                }
                if (value(condition, values)) {
                    return true;
                }
            }
            return false;
        }

        private static void gather(Condition condition, List<Condition.OnQuestion> into) {
            if (condition instanceof Condition.All all) {
                all.parts().forEach(p -> gather(p, into));
            } else if (condition instanceof Condition.Any any) {
                any.parts().forEach(p -> gather(p, into));
            } else if (condition instanceof Condition.Not not) {
                gather(not.part(), into);
            } else if (condition instanceof Condition.OnQuestion leaf) {
                into.add(leaf);
            }
        }

        private static boolean value(Condition condition, Map<Condition, Boolean> leaves) {
            if (condition instanceof Condition.All all) {
                return all.parts().stream().allMatch(p -> value(p, leaves));
            }
            if (condition instanceof Condition.Any any) {
                return any.parts().stream().anyMatch(p -> value(p, leaves));
            }
            if (condition instanceof Condition.Not not) {
                return !value(not.part(), leaves);
            }
            return leaves.get(condition);
        }
    }
}
