package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a walk needs of a questionnaire, by position: each question's slot (the index of its first step), the steps'
 * conditions and the flags' compiled, and for each slot the {@code EMERGENCY} flags that read it. Answering a question
 * can only change the flags that read it, so only those are evaluated after it (and any flag that reads no question
 * at all, which is what it was before). Derived from the questionnaire, immutable.
 */
final class WalkIndex {
    private final Map<String, Integer> slots = new HashMap<>();
    private final Question[] questions;
    /** The questions' ids, and whether each has an "unknown" code, by slot: arrays, not calls through an interface. */
    private final String[] ids;
    private final boolean[] hasUnknown;
    private final int[] stepSlots;
    private final Set<String>[] unknownCodes;
    /** Each question's option codes, by slot, and whether they are all different (a valid questionnaire's are). */
    private final String[][] optionCodes;
    private final boolean[] distinctCodes;
    private final Compiled[] askWhen;
    private final boolean[] alwaysAsked;
    private final Compiled[] flagWhen;
    private final boolean[] emergency;
    private final int[][] emergenciesReading;
    private final List<List<String>> readInStepOrder;
    private final int[][] readSlots;

    @SuppressWarnings("unchecked")
    WalkIndex(List<Questionnaire.Step> steps, List<Flag> flags) {
        int n = steps.size();
        questions = new Question[n];
        ids = new String[n];
        hasUnknown = new boolean[n];
        unknownCodes = new Set[n];
        optionCodes = new String[n][];
        distinctCodes = new boolean[n];
        for (int i = 0; i < n; i++) {
            Question question = steps.get(i).question();
            questions[i] = question;
            optionCodes[i] = question.codes().toArray(new String[0]);
            distinctCodes[i] = new HashSet<>(Arrays.asList(optionCodes[i])).size() == optionCodes[i].length;
            ids[i] = question.id();
            slots.putIfAbsent(question.id(), i);
            Set<String> unknown = new HashSet<>();
            for (Option option : question.options()) {
                if (option.unknown()) {
                    unknown.add(option.code());
                }
            }
            unknownCodes[i] = Set.copyOf(unknown);
            hasUnknown[i] = !unknown.isEmpty();
        }
        stepSlots = new int[n];
        for (int i = 0; i < n; i++) {
            stepSlots[i] = slots.get(questions[i].id());
        }
        askWhen = new Compiled[n];
        alwaysAsked = new boolean[n];
        for (int i = 0; i < n; i++) {
            askWhen[i] = Compiled.of(steps.get(i).askWhen(), this);
            alwaysAsked[i] = askWhen[i].alwaysTrue();
        }
        flagWhen = new Compiled[flags.size()];
        emergency = new boolean[flags.size()];
        List<List<Integer>> reading = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reading.add(new ArrayList<>());
        }
        List<Integer> readingNothing = new ArrayList<>();
        List<List<String>> read = new ArrayList<>();
        readSlots = new int[flags.size()][];
        for (int f = 0; f < flags.size(); f++) {
            Flag flag = flags.get(f);
            flagWhen[f] = Compiled.of(flag.when(), this);
            emergency[f] = flag.isEmergency();
            Set<String> ids = new HashSet<>();
            flag.when().readQuestions(ids);
            Set<String> ordered = new LinkedHashSet<>();
            for (Questionnaire.Step step : steps) {
                if (ids.contains(step.question().id())) {
                    ordered.add(step.question().id());
                }
            }
            read.add(List.copyOf(ordered));
            readSlots[f] = new int[ordered.size()];
            int k = 0;
            for (String id : ordered) {
                readSlots[f][k++] = slot(id);
            }
            if (!flag.isEmergency()) {
                continue;
            }
            boolean readsAny = false;
            for (String id : ids) {
                int slot = slot(id);
                if (slot >= 0) {
                    reading.get(slot).add(f);
                    readsAny = true;
                }
            }
            if (!readsAny) {
                readingNothing.add(f);
            }
        }
        readInStepOrder = List.copyOf(read);
        emergenciesReading = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> these = new ArrayList<>(reading.get(i));
            these.addAll(readingNothing);
            these.sort(null);
            emergenciesReading[i] = Ints.of(these);
        }
    }


    /** The slot of a question, or -1 when the questionnaire has no such question. */
    int slot(String questionId) {
        Integer slot = slots.get(questionId);
        return slot == null ? -1 : slot;
    }

    /** The slot of the question of a step (a question met twice has one slot). */
    int stepSlot(int step) {
        return stepSlots[step];
    }

    int size() {
        return questions.length;
    }

    Question question(int slot) {
        return questions[slot];
    }

    /** The id of the question at this step. */
    String id(int step) {
        return ids[step];
    }

    /**
     * The question's own string for this code, when it has the code: a reader that knows the questionnaire gives that
     * same string, so that a condition finds it equal at once (the same object), not character by character.
     */
    String ownCode(int slot, String code) {
        int option = optionIndex(slot, code);
        return option < 0 ? code : optionCodes[slot][option];
    }

    /**
     * The index of the option an answer at this slot is, when it is one code the question has (the first such option);
     * otherwise -1.
     */
    int optionOf(int slot, Answer answer) {
        if (!(answer instanceof Answer.Code c)) {
            return -1;
        }
        String code = c.code();
        String[] codes = optionCodes[slot];
        // A reader that knows the questionnaire gives the question's own strings: found by identity, mostly (and the
        // same string is then the first option with that code, as the codes are all different).
        if (distinctCodes[slot]) {
            for (int o = 0; o < codes.length; o++) {
                if (codes[o] == code) {
                    return o;
                }
            }
        }
        return optionIndex(slot, code);
    }

    /** The code's index among the options of the question at this slot (the first one), or -1 when it has no such code. */
    int optionIndex(int slot, String code) {
        if (slot < 0) {
            return -1;
        }
        String[] codes = optionCodes[slot];
        for (int o = 0; o < codes.length; o++) {
            if (codes[o].equals(code)) {
                return o;
            }
        }
        return -1;
    }

    /** The codes of a question that mean "unknown"; empty for a question the questionnaire does not have. */
    Set<String> unknownCodes(String questionId) {
        int slot = slot(questionId);
        return slot < 0 ? Set.of() : unknownCodes[slot];
    }

    boolean isUnknown(int slot, Answer answer) {
        return hasUnknown[slot] && answer instanceof Answer.Code c && unknownCodes[slot].contains(c.code());
    }

    Compiled askWhen(int step) {
        return askWhen[step];
    }

    /** Whether the walk skips this step: its condition is certainly false (never, for a question always asked). */
    boolean skips(int step, Facts facts) {
        return !alwaysAsked[step] && askWhen[step].value(facts) == Compiled.FALSE;
    }

    Compiled flagWhen(int flag) {
        return flagWhen[flag];
    }

    /** The {@code EMERGENCY} flags (by index, in the questionnaire's order) whose value an answer to this slot can change. */
    int[] emergenciesReading(int slot) {
        return emergenciesReading[slot];
    }

    /** The questions a flag reads, in the order a walk meets them. */
    List<String> readInStepOrder(int flag) {
        return readInStepOrder.get(flag);
    }

    /** The slots of {@link #readInStepOrder}, in the same order (which is the slots' own). */
    int[] readSlots(int flag) {
        return readSlots[flag];
    }

    /** Whether the flag at this index is an {@code EMERGENCY} one. */
    boolean isEmergency(int flag) {
        return emergency[flag];
    }

    int flagCount() {
        return flagWhen.length;
    }
}
