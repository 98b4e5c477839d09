package dev.spinecheck.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for answers that lead the walk to a target — a question asked, or a flag fired — before the walk ends or an
 * emergency stops it, trying one answer of each class in walk order.
 *
 * <p>Only questions that can matter are branched on: those the target reads (with the ask-whens of what it reads),
 * those an emergency reads, and those their ask-whens read. Any other answer changes nothing the target depends on,
 * so each such question gets its calmest answer once ({@link FlagIndex#calmest}). A branch is cut only when the target is certainly out of reach,
 * so a search that runs out of answers is a proof. The search is iterative: a long questionnaire cannot overflow the
 * stack.
 */
final class ExampleSearch {

    /** A question to reach or a flag to fire. */
    record Target(Questionnaire.Step step, Flag flag) {
        static Target question(Questionnaire.Step step) {
            return new Target(step, null);
        }

        static Target flag(Flag flag) {
            return new Target(null, flag);
        }

        Condition goal() {
            return flag != null ? flag.when() : step.askWhen();
        }

        String describe() {
            return flag != null ? "flag " + flag.id() : "question " + step.question().id();
        }
    }

    /** What the search found: answers up to the point where the target was reached, or that there are none. */
    sealed interface Found permits Reached, NotReached {}

    record Reached(Map<String, Answer> answers) implements Found {}

    /** @param everyClassTried false when some question had too many combinations to try them all */
    record NotReached(boolean everyClassTried) implements Found {}

    private final Questionnaire questionnaire;
    private final AnswerClasses classes;
    private final FlagIndex flags;

    ExampleSearch(Questionnaire questionnaire, AnswerClasses classes, FlagIndex flags) {
        this.questionnaire = questionnaire;
        this.classes = classes;
        this.flags = flags;
    }

    /** Searches for the target within the budget; throws {@link Budget.Exhausted} when it runs out. */
    Found find(Target target, Budget budget) {
        return new Run(target, budget).search();
    }

    /** One search for one target. */
    private final class Run {
        final Target target;
        final Budget budget;
        final Condition goal;
        final SignedLeaves helping;
        final Set<String> relevant;
        final Facts facts = new Facts(questionnaire);
        final Map<String, Answer> answers = new LinkedHashMap<>();
        boolean everyClassTried = true;

        Run(Target target, Budget budget) {
            this.target = target;
            this.budget = budget;
            this.goal = target.goal();
            Condition guide = guide(goal);
            this.helping = new SignedLeaves(List.of(guide));
            this.relevant = relevant(guide);
        }

        private final class Frame {
            final Questionnaire.Step step;
            final List<Answer> choices;
            int next;

            Frame(Questionnaire.Step step, List<Answer> choices) {
                this.step = step;
                this.choices = choices;
            }

            String id() {
                return step.question().id();
            }
        }

        Found search() {
            List<Questionnaire.Step> steps = questionnaire.steps();
            Deque<Frame> frames = new ArrayDeque<>();
            int from = 0;
            descend:
            while (true) {
                budget.spend(1);
                Questionnaire.Step step = null;
                for (int i = from; i < steps.size() && step == null; i++) {
                    if (!steps.get(i).askWhen().evaluate(facts).isFalse()) {
                        step = steps.get(i);
                    }
                }
                Frame frame = null;
                if (step != null) {
                    if (target.step() != null && target.step().index() == step.index()) {
                        return new Reached(new LinkedHashMap<>(answers));
                    }
                    boolean open = !goal.evaluate(facts).isFalse()
                            && (target.flag() == null || canStillBe(goal, true, step.index()));
                    if (open) {
                        frame = new Frame(step, choices(step.question()));
                        frames.push(frame);
                        everyClassTried &= classes.isComplete(frame.id());
                    }
                }
                while (true) {
                    if (frame == null) {
                        frame = frames.peek();
                        if (frame == null) {
                            return new NotReached(everyClassTried);
                        }
                        facts.remove(frame.id());
                        answers.remove(frame.id());
                    }
                    if (frame.next == frame.choices.size()) {
                        frames.pop();
                        frame = null;
                        continue;
                    }
                    Answer answer = frame.choices.get(frame.next++);
                    budget.spend(1);
                    facts.put(frame.id(), answer);
                    answers.put(frame.id(), answer);
                    if (target.flag() != null && target.flag().when().evaluate(facts).isTrue()) {
                        return new Reached(new LinkedHashMap<>(answers));
                    }
                    if (!flags.emergencyAfter(frame.id(), facts)) {
                        from = frame.step.index() + 1;
                        continue descend;
                    }
                    facts.remove(frame.id());
                    answers.remove(frame.id());
                }
            }
        }

        /** Answers that help the target first, then those least likely to raise an emergency, then other flags. */
        List<Answer> choices(Question question) {
            if (!relevant.contains(question.id())) {
                Answer calm = flags.calmest(question);
                return calm == null ? List.of() : List.of(calm);
            }
            List<Answer> all = classes.of(question.id());
            Map<Answer, int[]> keys = new HashMap<>();
            for (Answer answer : all) {
                keys.put(answer, new int[] {
                    -helping.score(questionnaire, question.id(), answer),
                    flags.emergencyScore(question.id(), answer),
                    flags.flagScore(question.id(), answer)
                });
            }
            List<Answer> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.<Answer>comparingInt(a -> keys.get(a)[0])
                    .thenComparingInt(a -> keys.get(a)[1])
                    .thenComparingInt(a -> keys.get(a)[2]));
            return sorted;
        }

        /**
         * Whether the condition can still come out {@code wanted}: a leaf is open while its question lies ahead and can
         * still be asked; a leaf on a question already passed keeps its value (unknown when it was not asked).
         */
        boolean canStillBe(Condition condition, boolean wanted, int position) {
            return condition.accept(new Condition.Visitor<Boolean>() {
                @Override
                public Boolean all(Condition.All all) {
                    return wanted ? all.parts().stream().allMatch(p -> canStillBe(p, true, position))
                            : all.parts().stream().anyMatch(p -> canStillBe(p, false, position));
                }

                @Override
                public Boolean any(Condition.Any any) {
                    return wanted ? any.parts().stream().anyMatch(p -> canStillBe(p, true, position))
                            : any.parts().stream().allMatch(p -> canStillBe(p, false, position));
                }

                @Override
                public Boolean not(Condition.Not not) {
                    return canStillBe(not.part(), !wanted, position);
                }

                @Override
                public Boolean leaf(Condition.OnQuestion leaf) {
                    Tri now = leaf.evaluate(facts);
                    if (now != Tri.UNKNOWN || facts.given(leaf.question()).isPresent()) {
                        return now == (wanted ? Tri.TRUE : Tri.FALSE);
                    }
                    Questionnaire.Step step = questionnaire.step(leaf.question()).orElseThrow();
                    return step.index() >= position && !step.askWhen().evaluate(facts).isFalse();
                }
            });
        }
    }

    /** The goal and the ask-when of every question it reads, transitively: what the search should try to make true. */
    private Condition guide(Condition goal) {
        List<Condition> parts = new ArrayList<>(List.of(goal));
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> first = new HashSet<>();
        goal.readQuestions(first);
        queue.addAll(first);
        while (!queue.isEmpty()) {
            String id = queue.pop();
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

    /** The questions whose answers can change whether the target is reached. */
    private Set<String> relevant(Condition guide) {
        Set<String> relevant = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> first = new HashSet<>(flags.readByEmergencies());
        guide.readQuestions(first);
        queue.addAll(first);
        while (!queue.isEmpty()) {
            String id = queue.pop();
            if (relevant.add(id)) {
                questionnaire.step(id).ifPresent(step -> {
                    Set<String> more = new HashSet<>();
                    step.askWhen().readQuestions(more);
                    queue.addAll(more);
                });
            }
        }
        return relevant;
    }

}
