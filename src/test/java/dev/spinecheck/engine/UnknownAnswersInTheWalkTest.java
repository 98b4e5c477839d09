package dev.spinecheck.engine;

import static dev.spinecheck.engine.Tiny.exclusive;
import static dev.spinecheck.engine.Tiny.option;
import static dev.spinecheck.engine.Tiny.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walk on a questionnaire of the tests' own: an "unknown" code never counts as "no", so a flag under "not" does
 * not fire on it, and a question whose ask-when it makes unknown is asked.
 */
class UnknownAnswersInTheWalkTest {
    static final Questionnaire Q = Tiny.questionnaire()
            .choice("pain", option("none"), option("mild"), option("bad"), unknown("prefer_not_to_say"))
            .choice("pain_kind", new Condition.Equals("pain", "bad"), option("sharp"), option("dull"))
            .multi("symptoms", exclusive("none"), option("numb"), option("weak"), unknown("unsure"))
            .yesNo("checked", new Condition.Not(new Condition.Has("symptoms", "numb")))
            .flag("some_pain", Level.ROUTINE, new Condition.Not(new Condition.Equals("pain", "none")))
            .flag("not_numb", Level.SELF_CARE, new Condition.Not(new Condition.Has("symptoms", "numb")))
            .flag("not_two", Level.SELF_CARE, new Condition.Not(new Condition.CountAtLeast("symptoms", 2)))
            .build();

    static Walk.Outcome walk(Map<String, Answer> answers) {
        return Walk.run(Q, answers);
    }

    static List<String> fired(Walk.Outcome outcome) {
        return outcome.flags().stream().map(f -> f.flag().id()).toList();
    }

    static List<String> path(Walk.Outcome outcome) {
        return outcome.path().stream().map(Question::id).toList();
    }

    @Test
    void prefer_not_to_say_is_not_a_no_so_a_flag_on_not_none_does_not_fire() {
        Walk.Outcome outcome = walk(Map.of("pain", Answer.code("prefer_not_to_say"), "symptoms", Answer.codes("numb"),
                "pain_kind", Answer.code("dull")));
        assertThat(fired(outcome)).doesNotContain("some_pain");
        Walk.Outcome mild = walk(Map.of("pain", Answer.code("mild"), "symptoms", Answer.codes("numb")));
        assertThat(fired(mild)).contains("some_pain");
    }

    @Test
    void a_question_whose_ask_when_an_unknown_code_makes_unknown_is_asked() {
        Walk.Outcome unknownPain = walk(Map.of("pain", Answer.code("prefer_not_to_say")));
        assertThat(path(unknownPain)).contains("pain_kind");
        Walk.Outcome noPain = walk(Map.of("pain", Answer.code("none")));
        assertThat(path(noPain)).doesNotContain("pain_kind");
    }

    @Test
    void an_unknown_code_in_a_multi_answer_keeps_has_unknown_so_a_flag_under_not_does_not_fire() {
        Walk.Outcome outcome = walk(Map.of("pain", Answer.code("none"), "symptoms", Answer.codes("unsure"), "checked", Answer.code("no")));
        assertThat(fired(outcome)).doesNotContain("not_numb").doesNotContain("not_two");
        assertThat(path(outcome)).as("an unknown has is asked about").contains("checked");
        Walk.Outcome weak = walk(Map.of("pain", Answer.code("none"), "symptoms", Answer.codes("weak"), "checked", Answer.code("no")));
        assertThat(fired(weak)).contains("not_numb", "not_two");
    }

    @Test
    void an_unanswered_question_is_missing_never_a_no() {
        Walk.Outcome outcome = walk(Map.of());
        assertThat(outcome.missing().stream().map(Question::id)).contains("pain", "pain_kind", "symptoms", "checked");
        assertThat(fired(outcome)).isEmpty();
    }
}
