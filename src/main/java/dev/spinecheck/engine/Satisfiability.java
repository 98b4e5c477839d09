package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a condition can be true at all, on its own: answers chosen freely, one per question it reads, whatever the
 * rest of the questionnaire. Two comparisons of one question are tied together (an answer cannot be both "worse" and
 * "better"), so {@code trend = worse and trend = better} can never be true.
 *
 * <p>The search assigns the questions one at a time, one answer of each class, and evaluates the condition with the
 * rest unknown: three-valued logic never turns a false into a true when more is known, so a branch that is already
 * false is cut, and one that is already true is a proof.
 */
public final class Satisfiability {

    /** What is known about a condition. */
    public sealed interface Verdict permits CanBeTrue, NeverTrue, Unknown {}

    /** These answers make it true. */
    public record CanBeTrue(Map<String, Answer> answers) implements Verdict {}

    /** No answers make it true. */
    public record NeverTrue() implements Verdict {}

    /** The budget ran out before it was decided. */
    public record Unknown() implements Verdict {}

    private final Questionnaire questionnaire;
    private final AnswerClasses classes;

    Satisfiability(Questionnaire questionnaire, AnswerClasses classes) {
        this.questionnaire = questionnaire;
        this.classes = classes;
    }

    /** Decides whether the condition can be true, within {@code budget} steps. */
    public static Verdict of(Questionnaire questionnaire, Condition condition, long budget) {
        AnswerClasses classes = AnswerClasses.of(questionnaire, List.of(condition));
        return new Satisfiability(questionnaire, classes).decide(condition, new Budget(budget));
    }

    Verdict decide(Condition condition, Budget budget) {
        List<Condition.OnQuestion> leaves = Condition.leaves(condition);
        Set<String> read = new LinkedHashSet<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            if (leaves.stream().anyMatch(l -> l.question().equals(step.question().id()))) {
                read.add(step.question().id());
            }
        }
        List<String> order = new ArrayList<>(read);
        List<List<Answer>> choices = new ArrayList<>();
        for (String id : order) {
            List<Condition.OnQuestion> own = leaves.stream().filter(l -> l.question().equals(id)).toList();
            choices.add(classes.narrowed(id, own));
        }
        boolean complete = order.stream().allMatch(classes::isComplete);
        Facts facts = new Facts(questionnaire);
        try {
            return search(condition, order, choices, 0, facts, budget)
                    .<Verdict>map(CanBeTrue::new)
                    .orElseGet(() -> complete ? new NeverTrue() : new Unknown());
        } catch (Budget.Exhausted e) {
            return new Unknown();
        }
    }

    private Optional<Map<String, Answer>> search(Condition condition, List<String> order, List<List<Answer>> choices,
            int at, Facts facts, Budget budget) {
        budget.spend(1);
        Tri now = condition.evaluate(facts);
        if (now == Tri.TRUE) {
            return Optional.of(new LinkedHashMap<>(facts.asMap()));
        }
        if (now == Tri.FALSE || at == order.size()) {
            return Optional.empty();
        }
        String id = order.get(at);
        for (Answer answer : choices.get(at)) {
            facts.put(id, answer);
            Optional<Map<String, Answer>> found = search(condition, order, choices, at + 1, facts, budget);
            facts.remove(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
