package dev.spinecheck.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is known at one point of a walk: the answers to the questions asked so far. A question that is not here
 * (unanswered, not asked, or not reached yet) is unknown, and so is an answer with an "unknown" code.
 *
 * <p>Answers are held by the question's position ({@link WalkIndex}), so that the walk's conditions read them without
 * looking anything up; the map view keeps the order they were given in.
 */
public final class Facts {
    private final Questionnaire questionnaire;
    private final WalkIndex index;
    private final Answer[] given;
    private final Answer[] known;
    /** The option of each known answer that is one code of its question (its index), or -1: see {@link #knownOptionAt}. */
    private final int[] knownOption;
    /** The ids answered, in the order given: the first {@code answered} (an array: a walk adds one an answer). */
    private String[] order;
    private int answered;
    /** Answers to ids the questionnaire has no question for (only ever put by a search over arbitrary ids). */
    private Map<String, Answer> outside;
    private Map<String, Answer> view;

    Facts(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.index = questionnaire.walkIndex();
        this.given = new Answer[index.size()];
        this.known = new Answer[index.size()];
        this.knownOption = new int[index.size()];
        Arrays.fill(knownOption, -1);
        this.order = new String[index.size()];
    }

    void put(String questionId, Answer answer) {
        put(index.slot(questionId), questionId, answer);
    }

    /** Puts an answer at its question's slot (-1 for an id the questionnaire does not have). */
    void put(int slot, String questionId, Answer answer) {
        view = null;
        if (slot < 0) {
            if (outside == null) {
                outside = new HashMap<>();
            }
            if (outside.put(questionId, answer) == null) {
                add(questionId);
            }
            return;
        }
        if (given[slot] == null) {
            add(questionId);
        }
        given[slot] = answer;
        Answer knownAnswer = index.isUnknown(slot, answer) ? null : answer;
        known[slot] = knownAnswer;
        knownOption[slot] = knownAnswer == null ? -1 : index.optionOf(slot, knownAnswer);
    }

    private void add(String questionId) {
        if (answered == order.length) {
            order = Arrays.copyOf(order, Math.max(8, 2 * order.length));
        }
        order[answered++] = questionId;
    }

    void remove(String questionId) {
        int slot = index.slot(questionId);
        boolean had;
        if (slot < 0) {
            had = outside != null && outside.remove(questionId) != null;
        } else {
            had = given[slot] != null;
            given[slot] = null;
            known[slot] = null;
            knownOption[slot] = -1;
        }
        if (had) {
            view = null;
            int at = 0;
            while (!order[at].equals(questionId)) {
                at++;
            }
            System.arraycopy(order, at + 1, order, at, answered - at - 1);
            order[--answered] = null;
        }
    }

    /** The answer as given at a slot, or null. */
    Answer givenAt(int slot) {
        return slot < 0 ? null : given[slot];
    }

    /** The answer at a slot when it carries information, or null. */
    Answer knownAt(int slot) {
        return slot < 0 ? null : known[slot];
    }

    /**
     * The index among its question's options of the known answer at a slot, when that answer is one code; -1 when
     * there is no known answer, or it is a number, a list, or a code the question does not have.
     */
    int knownOptionAt(int slot) {
        return knownOption[slot];
    }

    /** The id of the question at a slot. */
    String idAt(int slot) {
        return index.id(slot);
    }

    /** How many questions have an answer. */
    int answered() {
        return answered;
    }

    /** Whether the question at this slot has an answer. */
    boolean has(int slot) {
        return given[slot] != null;
    }

    /** The answer as given, or null: {@link #given(String)} without the Optional, for the conditions. */
    Answer givenOrNull(String questionId) {
        int slot = index.slot(questionId);
        if (slot >= 0) {
            return given[slot];
        }
        return outside == null ? null : outside.get(questionId);
    }

    /** The known answer, or null: {@link #known(String)} without the Optional, for the conditions. */
    Answer knownOrNull(String questionId) {
        int slot = index.slot(questionId);
        if (slot >= 0) {
            return known[slot];
        }
        Answer answer = outside == null ? null : outside.get(questionId);
        if (answer == null) {
            return null;
        }
        Question question = questionnaire.question(questionId).orElseThrow();
        return question.isUnknown(answer) ? null : answer;
    }

    /** The answer as given, including an "unknown" code; empty when there is none. */
    public Optional<Answer> given(String questionId) {
        return Optional.ofNullable(givenOrNull(questionId));
    }

    /** The answer when it carries information; empty when it is unknown. */
    public Optional<Answer> known(String questionId) {
        return Optional.ofNullable(knownOrNull(questionId));
    }

    /** True when the code of a {@code multi} answer means "unknown". */
    boolean isUnknownCode(String questionId, String code) {
        return index.unknownCodes(questionId).contains(code);
    }

    public Map<String, Answer> asMap() {
        Map<String, Answer> map = view;
        if (map == null) {
            Map<String, Answer> ordered = new LinkedHashMap<>();
            for (int i = 0; i < answered; i++) {
                ordered.put(order[i], givenOrNull(order[i]));
            }
            map = Collections.unmodifiableMap(ordered);
            view = map;
        }
        return map;
    }
}
