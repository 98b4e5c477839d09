package dev.spinecheck.render;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 6 as text: the order of a result, its one action, and the emergency's last line (section 10). */
class TextReportTest {
    private final TextReport report = new TextReport(new Wording("999"), Style.plain(), 80);

    private List<String> render(Scenario s) {
        return report.render(Result.of(s.walk()));
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines).replaceAll("\\s+", " ");
    }

    @Test
    void a_call_emergency_ends_with_its_last_line_after_the_disclaimer() {
        List<String> lines = render(harmless().answer("chest_pain", "yes"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Your answers need emergency help now: call 999.");
        assertThat(text(lines).indexOf("This is not a diagnosis")).isLessThan(text(lines).indexOf("Your answers need emergency help now"));
        assertThat(text(lines)).doesNotContainIgnoringCase("go to the emergency department");
    }

    @Test
    void a_go_emergency_ends_with_the_go_line() {
        List<String> lines = render(harmless().answer("bladder_change", "new"));
        assertThat(text(lines)).endsWith("Your answers need emergency help now: go to the emergency department (do not drive"
                + " yourself), or call 999 if you cannot get there quickly and safely.");
        assertThat(text(lines)).startsWith("EMERGENCY — now Get emergency help now. Go to the emergency department now");
    }

    @Test
    void a_result_below_an_emergency_ends_with_the_disclaimer_and_has_no_last_line() {
        List<String> lines = render(harmless().answer("fever", "yes").answer("very_unwell", "no"));
        assertThat(lines.get(lines.size() - 1)).endsWith("contact one.");
        assertThat(text(lines)).doesNotContain("Your answers need emergency help now");
    }

    @Test
    void what_to_do_next_is_one_action_and_the_flags_actions_stay_under_why() {
        List<String> lines = render(harmless().answer("fever", "yes").answer("very_unwell", "no").answer("night_pain", "yes"));
        String all = text(lines);
        int next = all.indexOf("What to do next");
        assertThat(next).isPositive();
        String after = all.substring(next);
        assertThat(after).startsWith("What to do next See a doctor today. If you cannot get an appointment today, use an urgent"
                + " care or out-of-hours service (in the UK, NHS 111). If any of these start");
        assertThat(all.substring(0, next)).contains("What to do: See a doctor today.")
                .contains("You answered \"Yes\" to: Is the pain worse at night");
    }

    @Test
    void every_flag_says_which_answer_raised_it() {
        String all = text(render(harmless().answer("trend", "worse").answer("pain_duration", "over_12_weeks")));
        assertThat(all).contains("You answered \"Getting worse\" to: Is the pain getting better")
                .contains("You answered \"More than 12 weeks\" to: How long have you had this pain?");
    }

    @Test
    void an_undone_emergency_answer_is_remembered_in_the_result() {
        Screening screening = Screening.start(Bundled.questionnaire());
        Map<String, Answer> first = harmless().answers();
        for (String id : List.of("age", "pain_region", "spine_surgery")) {
            screening.answer(id, first.get(id));
        }
        screening.answer("injury", Answer.code("serious"));
        assertThat(screening.outcome().stoppedEarly()).isTrue();
        screening.answer("injury", Answer.code("none"));
        while (screening.current().isPresent()) {
            String id = screening.current().get().id();
            screening.answer(id, first.get(id));
        }
        String all = text(report.render(screening.result()));
        assertThat(all).startsWith("SELF-CARE")
                .contains("You first answered \"Yes, a serious one")
                .contains("then changed it. If your first answer was right, get emergency help now: call 999.");
        assertThat(all).doesNotContain("Your answers need emergency help now");
    }
}
