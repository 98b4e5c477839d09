package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinecheck.support.Bundled;
import org.junit.jupiter.api.Test;

/** The controller that takes answers one at a time, as the interactive screening will. */
class ScreeningTest {
    private final Screening screening = Screening.start(Bundled.questionnaire());

    private void answerFirst(String... idAndCode) {
        for (int i = 0; i < idAndCode.length; i += 2) {
            assertThat(screening.current()).map(Question::id).contains(idAndCode[i]);
            String value = idAndCode[i + 1];
            Question q = screening.current().orElseThrow();
            Answer answer = q instanceof Question.IntegerQuestion ? Answer.number(Long.parseLong(value))
                    : q instanceof Question.Multi ? Answer.codes(value.split(",")) : Answer.code(value);
            screening.answer(q.id(), answer);
        }
    }

    @Test
    void it_asks_the_first_question_first_and_estimates_the_total() {
        assertThat(screening.current()).map(Question::id).contains("age");
        assertThat(screening.aboutTotal()).isEqualTo(37);
        answerFirst("age", "40", "pain_region", "lower_back");
        assertThat(screening.aboutTotal()).isLessThan(37);
        assertThat(screening.asked()).extracting(Question::id).containsExactly("age", "pain_region");
    }

    @Test
    void an_invalid_answer_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> screening.answer("age", Answer.number(130)))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("from 16 to 120");
        assertThat(screening.answers()).isEmpty();
    }

    @Test
    void an_emergency_answer_ends_the_walk_at_once() {
        answerFirst("age", "40", "pain_region", "lower_back", "spine_surgery", "none", "injury", "serious");
        assertThat(screening.current()).isEmpty();
        assertThat(screening.outcome().stoppedEarly()).isTrue();
        assertThat(screening.result().level()).isEqualTo(Level.EMERGENCY);
    }

    @Test
    void undoing_an_emergency_answer_by_mistake_continues_the_walk() {
        answerFirst("age", "40", "pain_region", "lower_back", "spine_surgery", "none", "injury", "serious");
        screening.answer("injury", Answer.code("none"));
        assertThat(screening.outcome().stoppedEarly()).isFalse();
        assertThat(screening.current()).map(Question::id).contains("chest_pain");
    }

    @Test
    void changing_an_earlier_answer_drops_the_answers_that_no_longer_apply_and_says_which() {
        answerFirst("age", "40", "pain_region", "neck", "spine_surgery", "recent", "injury", "none", "chest_pain", "no",
                "neck_warning_signs", "no", "calf_or_breath", "no", "wound", "none");

        Screening.Change change = screening.answer("pain_region", Answer.codes("lower_back"));

        assertThat(change.dropped()).containsExactly("neck_warning_signs");
        assertThat(screening.answers()).doesNotContainKey("neck_warning_signs").containsKey("wound");
        assertThat(screening.current()).map(Question::id).contains("sudden_severe_pain");

        Screening.Change surgery = screening.answer("spine_surgery", Answer.code("none"));
        assertThat(surgery.dropped()).containsExactly("calf_or_breath", "wound");
    }

    @Test
    void a_change_that_keeps_every_question_drops_nothing() {
        answerFirst("age", "40", "pain_region", "lower_back", "spine_surgery", "none");
        assertThat(screening.answer("age", Answer.number(41)).dropped()).isEmpty();
        assertThat(screening.current()).map(Question::id).contains("injury");
    }

    @Test
    void an_age_under_16_ends_the_walk_out_of_scope() {
        answerFirst("age", "12");
        assertThat(screening.current()).isEmpty();
        assertThat(screening.outcome().outOfScopeMessage()).hasValueSatisfying(m -> assertThat(m).contains("for adults"));
    }

    @Test
    void resuming_saved_answers_continues_where_they_end() {
        Screening resumed = Screening.resume(Bundled.questionnaire(), java.util.Map.of("age", Answer.number(40),
                "pain_region", Answer.codes("lower_back"), "spine_surgery", Answer.code("none")));
        assertThat(resumed.current()).map(Question::id).contains("injury");
    }
}
