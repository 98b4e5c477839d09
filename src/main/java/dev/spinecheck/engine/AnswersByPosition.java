package dev.spinecheck.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers to one questionnaire's questions held by the question's position, as a reader that knows the questionnaire
 * makes them: a walk of that questionnaire takes each answer from its place instead of looking its id up. As a map:
 * the question ids in the order the answers were put, unmodifiable, and changed by no one once built.
 */
public final class AnswersByPosition extends AbstractMap<String, Answer> {
    private final Questionnaire questionnaire;
    private final Answer[] bySlot;
    private final int[] order;
    private final int size;

    private AnswersByPosition(Questionnaire questionnaire, Answer[] bySlot, int[] order, int size) {
        this.questionnaire = questionnaire;
        this.bySlot = bySlot;
        this.order = order;
        this.size = size;
    }

    /** Puts answers once each, by the step of the questionnaire they answer; then {@link #build()}. For one thread. */
    public static final class Builder {
        private final Questionnaire questionnaire;
        private final WalkIndex index;
        private final Answer[] bySlot;
        private final int[] order;
        private int size;

        public Builder(Questionnaire questionnaire) {
            this.questionnaire = questionnaire;
            this.index = questionnaire.walkIndex();
            this.bySlot = new Answer[index.size()];
            this.order = new int[index.size()];
        }

        /** Puts the answer to the question of this step; false, and nothing put, when that question has one already. */
        public boolean put(int step, Answer answer) {
            int slot = index.stepSlot(step);
            if (bySlot[slot] != null) {
                return false;
            }
            bySlot[slot] = answer;
            order[size++] = slot;
            return true;
        }

        /** The answers put; the builder is not used again. */
        public AnswersByPosition build() {
            return new AnswersByPosition(questionnaire, bySlot, order, size);
        }
    }

    /** The answer at this slot of the walk of {@link #isFor the questionnaire they answer}, or null. */
    Answer atSlot(int slot) {
        return bySlot[slot];
    }

    /** Whether these answers are held by the positions of this questionnaire's questions. */
    boolean isFor(Questionnaire walked) {
        return walked == questionnaire;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Answer get(Object key) {
        int slot = key instanceof String id ? questionnaire.walkIndex().slot(id) : -1;
        return slot < 0 ? null : bySlot[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, Answer>> entrySet() {
        return new IndexedEntries<>(size) {
            @Override
            protected Map.Entry<String, Answer> entryAt(int i) {
                return Map.entry(questionnaire.walkIndex().id(order[i]), bySlot[order[i]]);
            }
        };
    }
}
