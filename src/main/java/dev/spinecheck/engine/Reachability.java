package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves that every question can be asked and every flag can fire — taking the emergency stop into account — by
 * finding an answer set for each, or proves that it cannot.
 *
 * <p>A flag's condition is first checked on its own ({@link Satisfiability}): one that no answers can make true is
 * impossible at once, however late its questions are. Then {@link ExampleSearch} looks for answers in walk order, one
 * of each {@link AnswerClasses class}; a search that runs out of answers is a proof. Each target has a {@link Budget}
 * that every step counts against; a target not decided within it is {@link Undecided}, never wrongly impossible. Every
 * example found is completed with harmless answers and checked by the real walk before it is reported.
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

    /** @param budgetRanOut true when a larger budget could decide it */
    public record Undecided(String why, boolean budgetRanOut) implements Verdict {}

    public record Report(Map<String, Verdict> questions, Map<String, Verdict> flags) {}

    /** Told what the search is doing, so that a long search can say so. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param target "question age" or "flag cauda_equina"
         * @param done how many targets were decided before this one
         * @param total how many targets there are
         * @param steps the steps this target has taken so far (0 when it starts)
         */
        void searching(String target, int done, int total, long steps);

        Progress NONE = (target, done, total, steps) -> {};
    }

    /** Steps between two reports of a long search for one target. */
    static final long REPORT_EVERY = 1L << 17;

    private final Satisfiability satisfiability;
    private final ExampleSearch search;
    private final Examples examples;

    private Reachability(Questionnaire questionnaire) {
        AnswerClasses classes = AnswerClasses.of(questionnaire);
        this.satisfiability = new Satisfiability(questionnaire, classes);
        FlagIndex flags = new FlagIndex(questionnaire, classes);
        this.search = new ExampleSearch(questionnaire, classes, flags);
        this.examples = new Examples(questionnaire, classes, flags);
    }

    /** Searches for every question and flag of the questionnaire, with at most {@code budget} steps for each. */
    public static Report analyse(Questionnaire questionnaire, long budget) {
        return analyse(questionnaire, budget, Progress.NONE);
    }

    public static Report analyse(Questionnaire questionnaire, long budget, Progress progress) {
        Reachability r = new Reachability(questionnaire);
        List<ExampleSearch.Target> targets = new ArrayList<>();
        questionnaire.steps().forEach(step -> targets.add(ExampleSearch.Target.question(step)));
        questionnaire.flags().forEach(flag -> targets.add(ExampleSearch.Target.flag(flag)));
        Map<String, Verdict> questions = new LinkedHashMap<>();
        Map<String, Verdict> flags = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            ExampleSearch.Target target = targets.get(i);
            int done = i;
            progress.searching(target.describe(), done, targets.size(), 0);
            Budget steps = new Budget(budget, REPORT_EVERY,
                    used -> progress.searching(target.describe(), done, targets.size(), used));
            Verdict verdict = r.decide(target, steps);
            if (target.flag() != null) {
                flags.put(target.flag().id(), verdict);
            } else {
                questions.put(target.step().question().id(), verdict);
            }
        }
        return new Report(questions, flags);
    }

    private Verdict decide(ExampleSearch.Target target, Budget steps) {
        try {
            if (target.flag() != null && satisfiability.decide(target.flag().when(), steps) instanceof Satisfiability.NeverTrue) {
                return new Impossible("its when can never be true, whatever the answers");
            }
            ExampleSearch.Found found = search.find(target, steps);
            if (found instanceof ExampleSearch.Reached reached) {
                Map<String, Answer> example = examples.complete(reached.answers(), steps);
                Walk.Outcome walked = examples.walk(example, steps);
                if (Examples.reaches(target, walked)) {
                    return new Proved(examples.minimise(target, example, walked, steps));
                }
                return new Undecided("the example found did not survive the check", false);
            }
            if (!((ExampleSearch.NotReached) found).everyClassTried()) {
                return new Undecided("too many answer combinations to try them all", false);
            }
            return new Impossible(target.flag() != null ? "no answers make it fire before the walk ends or stops"
                    : "no answers lead to it before the walk ends or stops");
        } catch (Budget.Exhausted e) {
            return new Undecided("the search budget ran out", true);
        }
    }
}
