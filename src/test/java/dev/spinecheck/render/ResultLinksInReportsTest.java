package dev.spinecheck.render;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Result;
import dev.spinecheck.support.Json;
import dev.spinecheck.support.Scenario;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 14: the topics a result links to, in the Markdown summary by title and in the JSON by name. */
class ResultLinksInReportsTest {
    @TempDir
    Path dir;

    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 12, 2, 10, 15, 0, 0, ZoneId.of("Europe/London"));

    private static Scenario fusionNote() {
        return harmless().answer("pain_duration", "over_12_weeks").answer("trend", "same").codes("diagnosis", "stenosis");
    }

    @Test
    void the_markdown_summary_lists_the_linked_topics_by_title_with_the_command_to_read_each() {
        String md = new MarkdownReport(new Wording("999")).render(Result.of(fusionNote().walk()), WHEN, Optional.empty());

        assertThat(md).contains("## To read more\n\n"
                + "- When to see a spine specialist: `spinecheck learn specialist`\n"
                + "- What to try before an operation: `spinecheck learn try-first`\n"
                + "- What spinal fusion is: `spinecheck learn fusion`\n"
                + "- When spinal fusion is considered: `spinecheck learn when-fusion`\n"
                + "- Risks of spinal fusion, and when to call: `spinecheck learn risks`\n\n");
        assertThat(md.indexOf("## To read more")).isLessThan(md.indexOf("## Your answers"));
    }

    @Test
    void a_markdown_summary_without_links_has_no_such_section() {
        String md = new MarkdownReport(new Wording("999")).render(Result.of(harmless().answer("fever", "yes").walk()), WHEN, Optional.empty());

        assertThat(md).doesNotContain("To read more");
    }

    @Test
    void json_names_the_linked_topics_in_the_order_shown() throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, AnswerFileText.write(Bundled.questionnaire(), fusionNote().answers(), List.of(), null));

        CliRun.Outcome run = CliRun.cli().run("run", "--answers", answers.toString(), "--format", "json");
        JsonNode json = Json.parse(run.out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> learn = new ArrayList<>();
        json.get("advice").get("learn").forEach(t -> learn.add(t.asString()));
        assertThat(learn).containsExactly("specialist", "try-first", "fusion", "when-fusion", "risks");
    }

    @Test
    void json_of_a_result_without_links_has_an_empty_list() throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, AnswerFileText.write(Bundled.questionnaire(), harmless().answer("fever", "yes").answers(), List.of(), null));

        JsonNode json = Json.parse(CliRun.cli().run("run", "--answers", answers.toString(), "--format", "json").out());

        assertThat(json.get("advice").get("learn").isArray()).isTrue();
        assertThat(json.get("advice").get("learn").size()).isZero();
    }
}
