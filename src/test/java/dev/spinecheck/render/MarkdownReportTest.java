package dev.spinecheck.render;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Result;
import dev.spinecheck.support.Scenario;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Markdown summary for an appointment: what to do next, and the answers that raised each flag. */
class MarkdownReportTest {
    private final MarkdownReport report = new MarkdownReport(new Wording("999"));

    private String render(Scenario s) {
        return report.render(Result.of(s.walk()), ZonedDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneId.of("Europe/London")), Optional.empty());
    }

    @Test
    void what_to_do_next_is_a_heading_followed_by_the_one_action() {
        String md = render(harmless().answer("fever", "yes").answer("very_unwell", "no"));
        assertThat(md).contains("## What to do next\n\nSee a doctor today. If you cannot get an appointment today, use an urgent"
                + " care or out-of-hours service (in the UK, NHS 111).\n\n");
    }

    @Test
    void each_flag_lists_the_answers_that_raised_it() {
        String md = render(harmless().answer("trend", "worse").answer("pain_duration", "over_12_weeks"));
        assertThat(md).contains("  - You answered \"Getting worse\" to: Is the pain getting better")
                .contains("  - You answered \"More than 12 weeks\" to: How long have you had this pain?");
    }

    @Test
    void the_answers_no_are_told_in_one_line() {
        String md = render(harmless());
        assertThat(md).contains("- You answered no (or none) to: ").contains("## What to do next");
    }
}
