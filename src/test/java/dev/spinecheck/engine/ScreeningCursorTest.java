package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinecheck.support.ScreeningScenario;
import org.junit.jupiter.api.Test;

/** The navigation rules of the screening's cursor: where back, forward, a jump, an undo and a review lead. */
class ScreeningCursorTest {

    private static ScreeningScenario toChestPain() {
        return ScreeningScenario.start().answers("age", "40", "pain_region", "lower_back", "spine_surgery", "none", "injury", "none");
    }

    @Test
    void it_starts_at_the_first_question_with_the_title_of_its_section() {
        Step.Ask ask = ScreeningScenario.start().atQuestion("age").ask();
        assertThat(ask.number()).isEqualTo(1);
        assertThat(ask.aboutTotal()).isEqualTo(37);
        assertThat(ask.sectionTitle()).contains("About you and your pain");
        assertThat(ask.given()).isEmpty();
        assertThat(ask.first()).isTrue();
    }

    @Test
    void a_section_title_comes_only_with_the_first_question_of_its_section() {
        ScreeningScenario s = ScreeningScenario.start().answer("40");
        assertThat(s.atQuestion("pain_region").ask().sectionTitle()).isEmpty();
        toChestPain().atQuestion("chest_pain");
        assertThat(toChestPain().ask().sectionTitle()).contains("Warning signs");
        assertThat(toChestPain().ask().number()).isEqualTo(5);
    }

    @Test
    void answering_moves_to_the_next_question_on_the_path() {
        ScreeningScenario.start().answer("40").atQuestion("pain_region").answer("neck").atQuestion("spine_surgery");
    }

    @Test
    void back_goes_to_the_previous_answered_question_with_its_answer_shown() {
        Step.Ask ask = toChestPain().back().atQuestion("injury").ask();
        assertThat(ask.given()).contains(Answer.code("none"));
        assertThat(ask.first()).isFalse();
    }

    @Test
    void back_at_the_first_question_stays_there() {
        ScreeningScenario s = ScreeningScenario.start().answer("40").back().atQuestion("age");
        assertThat(s.ask().first()).isTrue();
        s.back().atQuestion("age");
    }

    @Test
    void forward_after_back_keeps_the_answer_and_steps_through_the_answered_questions() {
        ScreeningScenario s = toChestPain().back().back().back().atQuestion("pain_region");
        s.forward().atQuestion("spine_surgery").forward().atQuestion("injury").forward().atQuestion("chest_pain");
        assertThat(s.screening().answers()).containsEntry("injury", Answer.code("none"));
    }

    @Test
    void forward_never_answers_a_question_not_yet_answered() {
        ScreeningScenario s = toChestPain().forward().atQuestion("chest_pain");
        assertThat(s.screening().answers()).doesNotContainKey("chest_pain");
    }

    @Test
    void answering_after_back_steps_on_to_the_next_answered_question() {
        toChestPain().back().back().atQuestion("spine_surgery").answer("earlier").atQuestion("injury");
    }

    @Test
    void a_change_after_back_that_drops_later_answers_names_them_and_goes_on_from_there() {
        ScreeningScenario s = ScreeningScenario.start().answers("age", "40", "pain_region", "neck", "spine_surgery", "none",
                "injury", "none", "chest_pain", "no", "neck_warning_signs", "no");
        s.back().back().back().back().back().atQuestion("pain_region").answer("lower_back");
        assertThat(s.dropped()).containsExactly("neck_warning_signs");
        s.atQuestion("spine_surgery").forward().forward().forward().atQuestion("sudden_severe_pain");
    }

    @Test
    void an_emergency_answer_stops_at_the_emergency_warning_with_the_one_action() {
        Step.Emergency emergency = ScreeningScenario.start()
                .answers("age", "40", "pain_region", "lower_back", "spine_surgery", "none", "injury", "serious").atEmergency();
        assertThat(emergency.stoppedAt().id()).isEqualTo("injury");
        assertThat(emergency.given()).isEqualTo(Answer.code("serious"));
        assertThat(emergency.plan().kind()).isEqualTo(ActionKind.CALL);
    }

    @Test
    void undoing_the_emergency_answer_asks_that_question_again_with_the_answer_shown() {
        ScreeningScenario s = toChestPain().answer("yes");
        s.atEmergency();
        Step.Ask ask = s.undoEmergency().atQuestion("chest_pain").ask();
        assertThat(ask.given()).contains(Answer.code("yes"));
        assertThat(s.screening().undone()).isEmpty();
    }

    @Test
    void a_different_answer_after_undo_is_remembered_and_the_walk_goes_on() {
        ScreeningScenario s = toChestPain().answer("yes").undoEmergency().answer("no");
        s.atQuestion("sudden_severe_pain");
        assertThat(s.screening().undone()).singleElement().satisfies(u -> {
            assertThat(u.question().id()).isEqualTo("chest_pain");
            assertThat(u.firstAnswer()).isEqualTo(Answer.code("yes"));
        });
    }

    @Test
    void an_undone_emergency_answer_is_still_remembered_after_a_resume() {
        Screening before = toChestPain().answer("yes").undoEmergency().answer("no").screening();
        assertThat(before.undoneAnswers()).containsExactly(java.util.Map.entry("chest_pain", Answer.code("yes")));

        Screening resumed = Screening.resume(before.questionnaire(), before.answers(), before.undoneAnswers());

        assertThat(resumed.undone()).singleElement().satisfies(u -> {
            assertThat(u.question().id()).isEqualTo("chest_pain");
            assertThat(u.firstAnswer()).isEqualTo(Answer.code("yes"));
            assertThat(u.plan()).isEqualTo(before.undone().get(0).plan());
        });
        assertThat(resumed.result().undone()).hasSize(1);
    }

    @Test
    void a_saved_undone_answer_that_raises_no_emergency_here_is_left_out_on_resume() {
        Screening before = toChestPain().answer("no").screening();
        Screening resumed = Screening.resume(before.questionnaire(), before.answers(),
                java.util.Map.of("chest_pain", Answer.code("no"), "sudden_severe_pain", Answer.code("maybe"), "gone", Answer.code("yes")));
        assertThat(resumed.undone()).isEmpty();
    }

    @Test
    void keeping_the_emergency_answer_after_undo_comes_back_to_the_emergency() {
        ScreeningScenario s = toChestPain().answer("yes").undoEmergency().forward();
        s.atEmergency();
        assertThat(s.screening().undone()).isEmpty();
    }

    @Test
    void back_at_the_emergency_warning_is_the_same_as_undo() {
        toChestPain().answer("yes").back().atQuestion("chest_pain");
    }

    @Test
    void finishing_at_the_emergency_gives_the_emergency_result() {
        Step.Done done = toChestPain().answer("yes").finish().atTheEnd();
        assertThat(done.result().level()).isEqualTo(Level.EMERGENCY);
        assertThat(done.result().stoppedEarly()).isTrue();
    }

    @Test
    void the_review_before_the_result_lists_every_answer_and_finish_gives_the_result() {
        ScreeningScenario s = ScreeningScenario.start().harmlessToTheReview();
        Step.Review review = s.atReview();
        assertThat(review.beforeResult()).isTrue();
        assertThat(review.answers()).first().satisfies(a -> assertThat(a.question().id()).isEqualTo("age"));
        assertThat(review.answers()).hasSize(s.screening().answers().size());
        assertThat(s.finish().atTheEnd().result().level()).isEqualTo(Level.SELF_CARE);
    }

    @Test
    void a_change_picked_from_the_review_returns_to_the_review() {
        ScreeningScenario s = ScreeningScenario.start().harmlessToTheReview();
        s.jumpTo("night_pain").atQuestion("night_pain").answer("yes");
        s.atReview();
        assertThat(s.finish().atTheEnd().result().level()).isEqualTo(Level.URGENT);
    }

    @Test
    void keeping_the_answer_picked_from_the_review_returns_to_the_review() {
        ScreeningScenario.start().harmlessToTheReview().jumpTo("age").forward().atReview();
    }

    @Test
    void back_from_the_review_before_the_result_goes_to_the_last_answer() {
        ScreeningScenario.start().harmlessToTheReview().back().atQuestion("diagnosis");
    }

    @Test
    void a_review_in_the_middle_returns_to_the_same_question_and_a_jump_from_it_carries_on_from_there() {
        ScreeningScenario s = toChestPain().review();
        Step.Review review = s.atReview();
        assertThat(review.beforeResult()).isFalse();
        assertThat(review.returnTo()).map(Question::id).contains("chest_pain");
        assertThat(review.answers()).extracting(a -> a.question().id()).containsExactly("age", "pain_region", "spine_surgery", "injury");
        s.leaveReview().atQuestion("chest_pain");
        s.review().jumpTo("age").atQuestion("age").answer("41").atQuestion("chest_pain");
    }

    @Test
    void only_an_answered_question_on_the_path_can_be_jumped_to() {
        ScreeningScenario s = toChestPain();
        assertThatThrownBy(() -> s.jumpTo("fever")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.jumpTo("chest_pain")).isInstanceOf(IllegalArgumentException.class);
        s.atQuestion("chest_pain");
    }

    @Test
    void the_result_can_only_be_reached_from_the_review_or_the_emergency() {
        ScreeningScenario s = toChestPain();
        assertThatThrownBy(s::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::undoEmergency).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_age_under_16_ends_the_walk_out_of_scope() {
        Step step = ScreeningScenario.start().answer("12").step();
        assertThat(step).isInstanceOfSatisfying(Step.OutOfScope.class, out -> {
            assertThat(out.question().id()).isEqualTo("age");
            assertThat(out.given()).isEqualTo(Answer.number(12));
            assertThat(out.message()).contains("for adults");
        });
    }

    @Test
    void an_invalid_answer_leaves_the_cursor_where_it_was() {
        ScreeningScenario s = ScreeningScenario.start();
        assertThatThrownBy(() -> s.answer("130")).isInstanceOf(InvalidAnswerException.class);
        s.atQuestion("age");
        assertThat(s.screening().step()).isInstanceOf(Step.Ask.class);
    }
}
