package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One walk through the question tree with a set of answers, as spec section 5 defines it: questions in order, each
 * asked when its condition is true or unknown; a missing answer stays unknown; the walk stops at the first certain
 * {@code EMERGENCY} flag or at an out-of-scope answer. Pure: the same answers always give the same walk.
 */
public final class Walk {

    /** Why the walk ended. */
    public enum End {
        /** Every question on the path was met (some may be missing). */
        COMPLETE,
        /** An {@code EMERGENCY} flag became certainly true. */
        EMERGENCY,
        /** An answer put the person out of this questionnaire's scope (the age under 16). */
        OUT_OF_SCOPE
    }

    /**
     * @param path the questions asked, in order, up to and including the one where the walk stopped
     * @param missing the questions on the path without an answer
     * @param stoppedAt the question whose answer stopped the walk; empty when it ran to the end
     * @param notAsked the ids of answers given to questions the walk never asked, in questionnaire order
     */
    public record Outcome(Questionnaire questionnaire, List<Question> path, List<Question> missing, End end,
            Optional<Question> stoppedAt, Facts facts, List<FiredFlag> flags, List<String> notAsked) {

        public Outcome {
            path = List.copyOf(path);
            missing = List.copyOf(missing);
            flags = List.copyOf(flags);
            notAsked = List.copyOf(notAsked);
        }

        /** The most urgent level of the flags that fired; {@code SELF_CARE} when none did. */
        public Level level() {
            Level level = Level.SELF_CARE;
            for (FiredFlag flag : flags) {
                level = Level.mostUrgent(level, flag.level());
            }
            return level;
        }

        public boolean stoppedEarly() {
            return end == End.EMERGENCY;
        }

        /** The first question that still needs an answer: the next one to ask. */
        public Optional<Question> next() {
            return missing.isEmpty() ? Optional.empty() : Optional.of(missing.get(0));
        }

        /** The answers on the path, in the order they were asked. */
        public Map<String, Answer> answers() {
            return facts.asMap();
        }

        /** The out-of-scope message, when an answer ended the walk that way. */
        public Optional<String> outOfScopeMessage() {
            return stoppedAt.filter(q -> end == End.OUT_OF_SCOPE)
                    .map(q -> ((Question.IntegerQuestion) q).belowMinMessage());
        }
    }

    private Walk() {}

    /** Walks with the answers given, stopping at the first certain emergency, as a screening does. */
    public static Outcome run(Questionnaire questionnaire, Map<String, Answer> answers) {
        return walk(questionnaire, answers, true);
    }

    /**
     * The questions that apply under these answers if nothing stopped the walk: the path an emergency or an
     * out-of-scope answer would otherwise cut short. Used to tell which answers no longer apply after a change, and
     * to estimate how many questions there are.
     */
    public static List<Question> applicable(Questionnaire questionnaire, Map<String, Answer> answers) {
        return walk(questionnaire, answers, false).path();
    }

    private static Outcome walk(Questionnaire questionnaire, Map<String, Answer> answers, boolean stopping) {
        WalkIndex index = questionnaire.walkIndex();
        Facts facts = new Facts(questionnaire);
        List<Questionnaire.Step> steps = questionnaire.steps();
        List<Question> path = new ArrayList<>();
        List<Question> missing = new ArrayList<>();
        End end = End.COMPLETE;
        Question stoppedAt = null;
        for (int i = 0; i < steps.size(); i++) {
            if (index.askWhen(i).evaluate(facts) == Tri.FALSE) {
                continue;
            }
            Question question = steps.get(i).question();
            path.add(question);
            Answer answer = answers.get(question.id());
            if (answer == null) {
                missing.add(question);
                continue;
            }
            int slot = index.stepSlot(i);
            facts.put(slot, question.id(), answer);
            if (!stopping) {
                continue;
            }
            if (question instanceof Question.IntegerQuestion whole && whole.isOutOfScope(answer)) {
                end = End.OUT_OF_SCOPE;
                stoppedAt = question;
                break;
            }
            if (anyEmergency(index, slot, facts)) {
                end = End.EMERGENCY;
                stoppedAt = question;
                break;
            }
        }
        List<FiredFlag> fired = end == End.OUT_OF_SCOPE ? List.of() : fire(questionnaire, facts);
        List<String> notAsked = new ArrayList<>();
        if (!answers.isEmpty()) {
            for (int i = 0; i < steps.size(); i++) {
                String id = steps.get(i).question().id();
                if (!facts.has(index.stepSlot(i)) && answers.containsKey(id)) {
                    notAsked.add(id);
                }
            }
        }
        return new Outcome(questionnaire, path, missing, end, Optional.ofNullable(stoppedAt), facts, fired, notAsked);
    }

    /**
     * Whether an {@code EMERGENCY} flag is certainly true now that this slot has its answer. None was before it (the
     * walk would have stopped), and an answer changes only the flags that read it: only those are evaluated.
     */
    private static boolean anyEmergency(WalkIndex index, int slot, Facts facts) {
        for (int flag : index.emergenciesReading(slot)) {
            if (index.flagWhen(flag).evaluate(facts) == Tri.TRUE) {
                return true;
            }
        }
        return false;
    }

    /** Every flag that is certainly true: most urgent first, and within a level in the questionnaire's order. */
    static List<FiredFlag> fire(Questionnaire questionnaire, Facts facts) {
        WalkIndex index = questionnaire.walkIndex();
        List<Flag> flags = questionnaire.flags();
        List<FiredFlag> fired = new ArrayList<>();
        for (int f = 0; f < flags.size(); f++) {
            if (index.flagWhen(f).evaluate(facts) == Tri.TRUE) {
                Flag flag = flags.get(f);
                Set<String> support = new HashSet<>();
                Condition.support(flag.when(), facts, Tri.TRUE, support);
                fired.add(new FiredFlag(flag, answersTo(index.readInStepOrder(f), facts), answersTo(questionnaire, support, facts)));
            }
        }
        if (fired.size() > 1) {
            fired.sort(java.util.Comparator.comparing(FiredFlag::level));
        }
        return fired;
    }

    /** The answers to these questions (in walk order already) that were given. */
    private static Map<String, Answer> answersTo(List<String> ids, Facts facts) {
        Map<String, Answer> because = new LinkedHashMap<>();
        for (String id : ids) {
            Answer answer = facts.givenOrNull(id);
            if (answer != null) {
                because.put(id, answer);
            }
        }
        return because;
    }

    private static Map<String, Answer> answersTo(Questionnaire questionnaire, Set<String> read, Facts facts) {
        Map<String, Answer> because = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            String id = step.question().id();
            if (read.contains(id)) {
                Answer answer = facts.givenOrNull(id);
                if (answer != null) {
                    because.put(id, answer);
                }
            }
        }
        return because;
    }
}
