package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

        Outcome withFlags(List<FiredFlag> fired) {
            return new Outcome(questionnaire, path, missing, end, stoppedAt, facts, fired, notAsked);
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
            if (end != End.OUT_OF_SCOPE || stoppedAt.isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(((Question.IntegerQuestion) stoppedAt.get()).belowMinMessage());
        }
    }

    private Walk() {}

    /** Walks with the answers given, stopping at the first certain emergency, as a screening does. */
    public static Outcome run(Questionnaire questionnaire, Map<String, Answer> answers) {
        return stoppingWalk(questionnaire, answers);
    }

    /** {@link #run}, evaluating the emergency flags that an answer can change after every answer (for the tests). */
    static Outcome runCheckingEveryAnswer(Questionnaire questionnaire, Map<String, Answer> answers) {
        return walk(questionnaire, answers, true, new boolean[questionnaire.walkIndex().flagCount()]);
    }

    /**
     * The questions that apply under these answers if nothing stopped the walk: the path an emergency or an
     * out-of-scope answer would otherwise cut short. Used to tell which answers no longer apply after a change, and
     * to estimate how many questions there are.
     */
    public static List<Question> applicable(Questionnaire questionnaire, Map<String, Answer> answers) {
        return walk(questionnaire, answers, false, null).path();
    }

    /**
     * The walk that stops at the first certain emergency, found without evaluating the emergency flags after every
     * answer. An answer only ever turns an unknown into true or false (the three-valued logic is monotone: a certain
     * value stays what it is as answers are added), so a flag that is not certainly true once every answer is in was
     * never certainly true on the way. The walk runs to its end (or to an out-of-scope answer) first; only when an
     * emergency flag is true there does it walk again, stopping, with those flags alone as the ones that can stop it.
     */
    private static Outcome stoppingWalk(Questionnaire questionnaire, Map<String, Answer> answers) {
        WalkIndex index = questionnaire.walkIndex();
        Outcome whole = walk(questionnaire, answers, true, null);
        boolean[] notTrue = new boolean[index.flagCount()];
        boolean anyTrue = false;
        for (int f = 0; f < notTrue.length; f++) {
            if (index.isEmergency(f)) {
                boolean isTrue = index.flagWhen(f).value(whole.facts()) == Compiled.TRUE;
                anyTrue |= isTrue;
                notTrue[f] = !isTrue;
            }
        }
        if (!anyTrue) {
            // No emergency on the way: the walk was this one. Its flags, but for the emergency flags known not to be true.
            return whole.end() == End.OUT_OF_SCOPE ? whole : whole.withFlags(fire(questionnaire, whole.facts(), notTrue));
        }
        return walk(questionnaire, answers, true, notTrue);
    }

    /**
     * One pass over the steps. Stopping, the walk ends at an out-of-scope answer, and, when {@code settled} is given, at
     * the first emergency flag that becomes certainly true among those it does not mark (its marks are flags known not
     * to be true: they are left out of the flags that fired too); without {@code settled}, no emergency flag is looked
     * at on the way and no flag is fired (they are the caller's to find).
     */
    private static Outcome walk(Questionnaire questionnaire, Map<String, Answer> answers, boolean stopping, boolean[] settled) {
        WalkIndex index = questionnaire.walkIndex();
        Facts facts = new Facts(questionnaire);
        int steps = index.size();
        Question[] path = new Question[steps];
        int asked = 0;
        Question[] missing = null;
        int unanswered = 0;
        End end = End.COMPLETE;
        Question stoppedAt = null;
        AnswersByPosition byPosition = answers instanceof AnswersByPosition p && p.isFor(questionnaire) ? p : null;
        for (int i = 0; i < steps; i++) {
            if (index.skips(i, facts)) {
                continue;
            }
            Question question = index.question(i);
            path[asked++] = question;
            Answer answer = byPosition != null ? byPosition.atSlot(index.stepSlot(i)) : answers.get(index.id(i));
            if (answer == null) {
                if (missing == null) {
                    missing = new Question[steps];
                }
                missing[unanswered++] = question;
                continue;
            }
            int slot = index.stepSlot(i);
            facts.put(slot, index.id(i), answer);
            if (!stopping) {
                continue;
            }
            if (question instanceof Question.IntegerQuestion whole && whole.isOutOfScope(answer)) {
                end = End.OUT_OF_SCOPE;
                stoppedAt = question;
                break;
            }
            if (settled != null && anyEmergency(index, slot, facts, settled)) {
                end = End.EMERGENCY;
                stoppedAt = question;
                break;
            }
        }
        List<FiredFlag> fired = end == End.OUT_OF_SCOPE || settled == null ? List.of() : fire(questionnaire, facts, settled);
        // Every answer given was put (each to a question of its own) unless some were left out: only then look for them.
        List<String> notAsked = facts.answered() == answers.size() ? List.of() : notAsked(index, answers, byPosition, facts);
        return new Outcome(questionnaire, listOf(path, asked), listOf(missing, unanswered), end,
                Optional.ofNullable(stoppedAt), facts, fired, notAsked);
    }

    /** The first {@code count} questions, as the list the outcome keeps (so that it does not copy it again). */
    private static List<Question> listOf(Question[] questions, int count) {
        if (count == 0) {
            return List.of();
        }
        // Not Arrays.copyOf: for a Question[] it makes the array by reflection, a slow call in the quick compiler's code.
        Question[] exact = new Question[count];
        System.arraycopy(questions, 0, exact, 0, count);
        return List.of(exact);
    }

    /** The ids of the answers given to questions the walk did not ask, in questionnaire order. */
    private static List<String> notAsked(WalkIndex index, Map<String, Answer> answers, AnswersByPosition byPosition, Facts facts) {
        List<String> notAsked = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            int slot = index.stepSlot(i);
            if (!facts.has(slot) && (byPosition != null ? byPosition.atSlot(slot) != null : answers.containsKey(index.id(i)))) {
                notAsked.add(index.id(i));
            }
        }
        return notAsked;
    }

    /**
     * Whether an {@code EMERGENCY} flag is certainly true now that this slot has its answer. None was before it (the
     * walk would have stopped), and an answer changes only the flags that read it: only those are evaluated, and of
     * those only the ones not already certainly false.
     */
    private static boolean anyEmergency(WalkIndex index, int slot, Facts facts, boolean[] settled) {
        for (int flag : index.emergenciesReading(slot)) {
            if (settled[flag]) {
                continue;
            }
            int value = index.flagWhen(flag).value(facts);
            if (value == Compiled.TRUE) {
                return true;
            }
            settled[flag] = value == Compiled.FALSE;
        }
        return false;
    }

    /**
     * Every flag that is certainly true: most urgent first, and within a level in the questionnaire's order. The flags
     * marked {@code certainlyFalse} are known to be false already.
     */
    private static List<FiredFlag> fire(Questionnaire questionnaire, Facts facts, boolean[] certainlyFalse) {
        WalkIndex index = questionnaire.walkIndex();
        List<Flag> flags = questionnaire.flags();
        List<FiredFlag> fired = null;
        boolean[] support = null;
        for (int f = 0; f < certainlyFalse.length; f++) {
            if (certainlyFalse[f] || !index.flagWhen(f).isTrue(facts)) {
                continue;
            }
            if (fired == null) {
                fired = new ArrayList<>();
                support = new boolean[index.size()];
            }
            add(fired, fired(flags.get(f), index, f, facts, support));
        }
        return fired == null ? List.of() : fired;
    }

    /** A fired flag with its answers: all it reads, and those that made it true. */
    private static FiredFlag fired(Flag flag, WalkIndex index, int f, Facts facts, boolean[] support) {
        int[] read = index.readSlots(f);
        index.flagWhen(f).supportOfTrue(facts, support);
        int[] raising = new int[read.length];
        int count = 0;
        // The support is among the questions the flag reads, and both are in the walk's order.
        for (int slot : read) {
            if (support[slot]) {
                support[slot] = false;
                raising[count++] = slot;
            }
        }
        return new FiredFlag(flag, AnswerMap.at(read, read.length, facts), AnswerMap.at(raising, count, facts));
    }

    /** Adds a flag after those at its level or a more urgent one, keeping the questionnaire's order within a level. */
    private static void add(List<FiredFlag> fired, FiredFlag flag) {
        int at = fired.size();
        while (at > 0 && fired.get(at - 1).level().compareTo(flag.level()) > 0) {
            at--;
        }
        fired.add(at, flag);
    }
}
