package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the answers a search found into an example to show: complete (every question the walk still asks answered,
 * with the fewest flags), checked by the real walk, and minimal (every answer the target does not need as harmless as
 * the target allows). Every question met counts against the budget.
 */
final class Examples {
    private final Questionnaire questionnaire;
    private final AnswerClasses classes;
    private final FlagIndex flags;

    Examples(Questionnaire questionnaire, AnswerClasses classes, FlagIndex flags) {
        this.questionnaire = questionnaire;
        this.classes = classes;
        this.flags = flags;
    }

    /**
     * Answers every question the walk still asks after the answers found, so that the example is a complete,
     * ready-to-run answer set: each added answer is the one that makes the fewest flags certain (an emergency counts
     * most), the harmless one first among equals. One pass in walk order.
     */
    Map<String, Answer> complete(Map<String, Answer> found, Budget budget) {
        Facts facts = new Facts(questionnaire);
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            budget.spend(1);
            if (step.askWhen().evaluate(facts).isFalse()) {
                continue;
            }
            String id = step.question().id();
            Answer answer = found.get(id);
            if (answer == null) {
                answer = fewestFlags(id, facts, budget);
            }
            if (answer == null) {
                break;
            }
            facts.put(id, answer);
            answers.put(id, answer);
            if (flags.emergencyAfter(id, facts)) {
                break;
            }
        }
        return answers;
    }

    private Answer fewestFlags(String id, Facts facts, Budget budget) {
        Question question = questionnaire.question(id).orElseThrow();
        Answer best = null;
        int fewest = Integer.MAX_VALUE;
        for (Answer candidate : classes.of(id)) {
            budget.spend(1);
            facts.put(id, candidate);
            int cost = 0;
            for (Flag flag : flags.reading(id)) {
                if (flag.when().evaluate(facts).isTrue()) {
                    cost += flag.isEmergency() ? 1000 : 1;
                }
            }
            cost = 4 * cost + (FlagIndex.harmless(question, candidate) ? 0 : 1);
            if (cost < fewest) {
                fewest = cost;
                best = candidate;
            }
        }
        facts.remove(id);
        return best;
    }

    /**
     * The example with every answer the target does not need made harmless: each answer that is not its question's
     * calmest is tried as a calmer one (the rest completed again), and kept so when the real walk still reaches the
     * target with no more flags.
     */
    Map<String, Answer> minimise(ExampleSearch.Target target, Map<String, Answer> example, Walk.Outcome walked, Budget budget) {
        Map<String, Answer> best = example;
        int fewest = walked.flags().size();
        for (String id : new ArrayList<>(example.keySet())) {
            Question question = questionnaire.question(id).orElseThrow();
            Answer current = best.get(id);
            if (current == null) {
                continue;
            }
            for (Answer calmer : flags.calmFirst(question)) {
                if (flags.calmCost(question, calmer) >= flags.calmCost(question, current)) {
                    break;
                }
                Map<String, Answer> tried = new LinkedHashMap<>();
                for (Map.Entry<String, Answer> e : best.entrySet()) {
                    tried.put(e.getKey(), e.getKey().equals(id) ? calmer : e.getValue());
                    if (e.getKey().equals(id)) {
                        break;
                    }
                }
                tried = complete(tried, budget);
                Walk.Outcome outcome = walk(tried, budget);
                if (reaches(target, outcome) && outcome.flags().size() <= fewest) {
                    best = tried;
                    fewest = outcome.flags().size();
                    break;
                }
            }
        }
        return best;
    }

    /** The real walk with these answers; every question it meets counts against the budget. */
    Walk.Outcome walk(Map<String, Answer> answers, Budget budget) {
        budget.spend(questionnaire.steps().size());
        return Walk.run(questionnaire, answers);
    }

    /** Whether the real walk reached the target, with no answer missing and no out-of-scope end. */
    static boolean reaches(ExampleSearch.Target target, Walk.Outcome outcome) {
        if (!outcome.missing().isEmpty() || outcome.end() == Walk.End.OUT_OF_SCOPE) {
            return false;
        }
        if (target.flag() != null) {
            return outcome.flags().stream().anyMatch(f -> f.id().equals(target.flag().id()));
        }
        return outcome.path().contains(target.step().question());
    }
}
