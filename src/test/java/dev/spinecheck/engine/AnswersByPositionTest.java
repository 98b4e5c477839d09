package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers held by position are the same map as by id, and walk the same way. */
class AnswersByPositionTest {
    private static final Questionnaire BUNDLED = Bundled.questionnaire();

    /** The same answers put by step, in the given order (each question at its first step). */
    private static AnswersByPosition byPosition(Questionnaire questionnaire, Map<String, Answer> answers) {
        AnswersByPosition.Builder builder = new AnswersByPosition.Builder(questionnaire);
        List<Questionnaire.Step> steps = questionnaire.steps();
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            for (int step = 0; step < steps.size(); step++) {
                if (steps.get(step).question().id().equals(entry.getKey())) {
                    assertThat(builder.put(step, entry.getValue())).isTrue();
                    break;
                }
            }
        }
        return builder.build();
    }

    /** What a walk found (its facts are compared by what they hold). */
    private static List<Object> found(Walk.Outcome outcome) {
        return List.of(outcome.path(), outcome.missing(), outcome.end(), outcome.stoppedAt(), outcome.flags(), outcome.notAsked(),
                outcome.answers());
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void by_position_is_the_same_map_and_the_same_walk_as_by_id(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(2000); i++) {
            Random random = new Seeds.Try(seed, i).random();
            List<Map.Entry<String, Answer>> entries = new ArrayList<>(RandomAnswers.of(BUNDLED, random, 0.2).entrySet());
            Collections.shuffle(entries, random);
            Map<String, Answer> byId = new LinkedHashMap<>();
            entries.forEach(e -> byId.put(e.getKey(), e.getValue()));
            AnswersByPosition answers = byPosition(BUNDLED, byId);
            assertThat(answers).as("seed %d, try %d", seed, i).isEqualTo(byId).hasSameHashCodeAs(byId);
            assertThat(List.copyOf(answers.keySet())).containsExactlyElementsOf(byId.keySet());
            assertThat(found(Walk.run(BUNDLED, answers))).as("seed %d, try %d", seed, i).isEqualTo(found(Walk.run(BUNDLED, byId)));
            assertThat(Walk.applicable(BUNDLED, answers)).isEqualTo(Walk.applicable(BUNDLED, byId));
        }
    }

    @Test
    void a_second_answer_to_a_question_is_refused() {
        AnswersByPosition.Builder builder = new AnswersByPosition.Builder(BUNDLED);
        assertThat(builder.put(0, new Answer.Number(40))).isTrue();
        assertThat(builder.put(0, new Answer.Number(41))).isFalse();
        AnswersByPosition answers = builder.build();
        String first = BUNDLED.steps().get(0).question().id();
        assertThat(answers).containsExactly(Map.entry(first, new Answer.Number(40)));
    }

    @Test
    void ids_it_does_not_hold_are_absent_and_it_cannot_be_changed() {
        AnswersByPosition.Builder builder = new AnswersByPosition.Builder(BUNDLED);
        builder.put(1, new Answer.Codes(List.of("neck")));
        AnswersByPosition answers = builder.build();
        String second = BUNDLED.steps().get(1).question().id();
        assertThat(answers.get("no_such_question")).isNull();
        assertThat(answers.get(42)).isNull();
        assertThat(answers.containsKey(BUNDLED.steps().get(0).question().id())).isFalse();
        assertThat(answers.get(second)).isEqualTo(new Answer.Codes(List.of("neck")));
        assertThatThrownBy(() -> answers.put("age", new Answer.Number(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> answers.remove(second)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(answers::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(answers).hasSize(1);
    }

    @Test
    void answers_to_another_questionnaire_are_walked_by_id() {
        Questionnaire tiny = Tiny.questionnaire().yesNo("cough").yesNo("fever").build();
        Map<String, Answer> byId = new LinkedHashMap<>();
        // The bundled questionnaire's first two questions are not this one's: by position they would be wrong.
        byId.put("fever", new Answer.Code("yes"));
        byId.put(BUNDLED.steps().get(0).question().id(), new Answer.Number(40));
        AnswersByPosition answers = byPosition(BUNDLED, byId);
        assertThat(found(Walk.run(tiny, answers))).isEqualTo(found(Walk.run(tiny, byId)));
    }
}
