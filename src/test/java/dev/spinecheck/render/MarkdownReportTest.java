package dev.spinecheck.render;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.support.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Markdown summary for an appointment: what to do next, the answers that raised each flag, and a questionnaire's
 * text never turning into Markdown markup (it reads as it was written).
 */
class MarkdownReportTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "# not a heading => \\# not a heading",
        "> not a quote => &gt; not a quote",
        "| not | a | table | => \\| not \\| a \\| table \\|",
        "+ not a list => \\+ not a list",
        "- not a list => \\- not a list",
        "1. not a numbered list => 1\\. not a numbered list",
        "12) nor this => 12\\) nor this",
        "AT&T &amp; &#42; => AT&amp;T &amp;amp; &amp;\\#42;",
        "<b>bold</b> => &lt;b&gt;bold&lt;/b&gt;",
        "*a* _b_ `c` [d](e) \\f => \\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\\\f",
        "=== not an underline => \\=== not an underline",
    })
    void text_that_markdown_would_read_as_markup_is_escaped(String text, String escaped) {
        assertThat(MarkdownReport.esc(text)).isEqualTo(escaped);
    }

    private static Questionnaire tiny(String original, String replacement) throws Exception {
        String yaml = Files.readString(Path.of(MarkdownReportTest.class.getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8);
        assertThat(yaml).as("the fixture still holds the line this test changes").contains(original);
        byte[] bytes = yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
        return QuestionnaireReader.read(new TreeReader().read(bytes, "tiny.yaml", TreeReader.Syntax.YAML, 1));
    }

    @Test
    void the_level_the_date_and_the_title_are_escaped_too() throws Exception {
        Questionnaire q = tiny("SELF_CARE: {label: SELF-CARE,", "SELF_CARE: {label: \"#1 SELF_CARE*\",");
        Result result = Result.of(Walk.run(q, Map.of("age", Answer.number(40), "pain", Answer.code("mild"),
                "symptoms", Answer.codes("none"))));
        ZonedDateTime when = ZonedDateTime.of(2026, 12, 2, 9, 30, 0, 0, ZoneId.of("America/New_York"));

        String md = new MarkdownReport(new Wording("999")).render(result, when, Optional.of("<clinic> #7"));

        assertThat(md).contains("## \\#1 SELF\\_CARE\\* — none");
        assertThat(md).contains("Date: 2 December 2026, 09:30 -05:00 (America/New\\_York)");
        assertThat(md).contains("Record: &lt;clinic&gt; \\#7");
    }

    private static String render(Scenario s) {
        return new MarkdownReport(new Wording("999")).render(Result.of(s.walk()),
                ZonedDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneId.of("Europe/London")), Optional.empty());
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
        assertThat(render(harmless())).contains("- You answered no (or none) to: ");
    }
}
