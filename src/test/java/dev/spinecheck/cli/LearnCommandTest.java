package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.Wrap;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck learn}: the topics of the seed pages, in plain words, for people and for scripts. */
class LearnCommandTest {
    static final List<String> TOPICS = List.of("fusion", "when-fusion", "try-first", "operations", "recovery", "risks", "specialist");
    static final String DISCLAIMER_START = "This is general information, not advice about you.";

    @TempDir
    Path dir;

    static TopicLibrary library() throws Exception {
        return new TopicLoader(new TreeReader()).bundled();
    }

    static Stream<Arguments> topicsAtEachWidth() {
        List<Arguments> cases = new ArrayList<>();
        for (String topic : TOPICS) {
            cases.add(Arguments.of(topic, 40));
            cases.add(Arguments.of(topic, 100));
        }
        return cases.stream();
    }

    @Test
    void the_bundled_topics_are_the_seven_of_the_issue_in_reading_order() throws Exception {
        assertThat(library().ids()).containsExactlyElementsOf(TOPICS);
    }

    @Test
    void the_list_names_every_topic_with_its_title_and_summary() throws Exception {
        CliRun.Outcome run = cli().run("learn");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Topic topic : library().topics()) {
            assertThat(run.out()).contains(topic.id() + " — " + topic.title());
            assertThat(run.out().replaceAll("\\s+", " ")).contains(topic.summary());
        }
        assertThat(run.out()).contains("spinecheck learn fusion");
    }

    @ParameterizedTest(name = "{0} at {1} columns")
    @MethodSource("topicsAtEachWidth")
    void every_topic_reads_within_the_width_in_plain_text_with_every_part(String id, int width) throws Exception {
        CliRun.Outcome run = cli().env("COLUMNS", String.valueOf(width)).run("learn", id);
        Topic topic = library().topic(id).orElseThrow();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        for (String line : run.outLines()) {
            assertThat(Wrap.columns(line)).as("%s at %d columns: %s", id, width, line).isLessThanOrEqualTo(width);
            assertThat(line).as("plain text has no escape codes").doesNotContain("\u001b");
        }
        String flowing = run.out().replaceAll("\\s+", " ");
        assertThat(run.outLines().get(0)).isEqualTo(Wrap.lines(topic.title(), width, "", "").get(0));
        assertThat(flowing).contains(topic.summary())
                .contains("Questions to ask your doctor or specialist")
                .contains("Sources")
                .contains("Last checked: 2 December 2026")
                .contains(DISCLAIMER_START);
        topic.questions().forEach(q -> assertThat(flowing).contains(q));
        topic.sources().forEach(s -> assertThat(flowing).contains(s));
        for (String link : topic.links()) {
            assertThat(run.out()).as("the command to copy is on one line").contains("spinecheck learn " + link);
        }
    }

    @Test
    void every_topic_can_be_read_in_two_minutes() throws Exception {
        for (Topic topic : library().topics()) {
            int words = words(topic.summary());
            for (Topic.Block block : topic.body()) {
                if (block instanceof Topic.Paragraph p) {
                    words += words(p.text());
                } else if (block instanceof Topic.Bullets b) {
                    words += b.items().stream().mapToInt(LearnCommandTest::words).sum();
                }
            }
            words += topic.questions().stream().mapToInt(LearnCommandTest::words).sum();
            assertThat(words).as("%s: %d words, at about 200 words a minute", topic.id(), words).isLessThanOrEqualTo(400);
        }
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }

    @Test
    void a_topic_links_to_other_topics_by_the_command_that_opens_them_and_their_title() {
        CliRun.Outcome run = cli().env("COLUMNS", "100").run("learn", "fusion");

        assertThat(run.out()).contains("\nTo read more:\n"
                + "  - spinecheck learn when-fusion (When spinal fusion is considered)\n"
                + "  - spinecheck learn operations (Kinds of spine operation)\n"
                + "  - spinecheck learn risks (Risks of spinal fusion, and when to call)\n\n");
    }

    @Test
    void the_risks_topic_says_when_to_call_the_surgical_team_and_shows_the_safety_net_of_the_screening() {
        CliRun.Outcome run = cli().env("COLUMNS", "100").run("learn", "risks", "--emergency-number", "999");
        String flowing = run.out().replaceAll("\\s+", " ");

        assertThat(flowing).contains("call your surgical team the same day if:")
                .contains("Get emergency help at once")
                .contains("Every spinecheck result ends with this safety net")
                .contains("Call 999 at once")
                .contains("after a spine operation, a swollen calf, breathlessness or confusion");
    }

    @Test
    void the_recovery_topic_gives_the_seed_clinics_schedule_and_says_that_stays_vary_widely() {
        String flowing = cli().env("COLUMNS", "100").run("learn", "recovery").out().replaceAll("\\s+", " ");

        assertThat(flowing).contains("varies widely").contains("about a month in hospital")
                .contains("physiotherapy starts about a week after the operation").contains("1 to 2 weeks after going home");
    }

    @Test
    void the_specialist_topic_gives_the_five_reasons_of_the_seed_pages() {
        String flowing = cli().env("COLUMNS", "100").run("learn", "specialist").out().replaceAll("\\s+", " ");

        assertThat(flowing).contains("longer than several weeks").contains("Numbness, tingling or weakness that is getting worse")
                .contains("Trouble walking or keeping your balance").contains("Severe back or neck pain after an injury")
                .contains("Pain that gets in the way of daily life");
    }

    @Test
    void json_gives_every_part_of_a_topic_for_scripts() throws Exception {
        CliRun.Outcome run = cli().run("learn", "risks", "--format", "json", "--emergency-number", "999");
        JsonNode topic = Json.parse(run.out());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(topic.get("topic").asString()).isEqualTo("risks");
        assertThat(topic.get("title").asString()).isEqualTo("Risks of spinal fusion, and when to call");
        assertThat(topic.get("summary").asString()).isNotBlank();
        assertThat(topic.get("questions").size()).isPositive();
        assertThat(topic.get("sources").size()).isPositive();
        assertThat(topic.get("checked").asString()).isEqualTo("2026-12-02");
        assertThat(topic.get("disclaimer").asString()).startsWith(DISCLAIMER_START);
        List<String> kinds = new ArrayList<>();
        topic.get("body").forEach(part -> kinds.add(part.propertyNames().iterator().next()));
        assertThat(kinds).contains("paragraph", "list", "see", "safety_net");
        JsonNode see = null;
        JsonNode net = null;
        for (JsonNode part : topic.get("body")) {
            see = part.has("see") ? part : see;
            net = part.has("safety_net") ? part.get("safety_net") : net;
        }
        assertThat(see.get("see").asString()).isEqualTo("recovery");
        assertThat(see.get("title").asString()).isEqualTo("Recovering after spinal fusion");
        assertThat(see.get("command").asString()).isEqualTo("spinecheck learn recovery");
        assertThat(net.get("groups").get(0).get("intro").asString()).contains("999");
    }

    @Test
    void json_lists_the_topics_with_their_titles_and_summaries() throws Exception {
        JsonNode list = Json.parse(cli().run("learn", "--format", "json").out());

        List<String> ids = new ArrayList<>();
        list.get("topics").forEach(t -> {
            ids.add(t.get("topic").asString());
            assertThat(t.get("title").asString()).isNotBlank();
            assertThat(t.get("summary").asString()).isNotBlank();
        });
        assertThat(ids).containsExactlyElementsOf(TOPICS);
    }

    @Test
    void markdown_gives_a_topic_with_its_headings_links_sources_and_date() {
        CliRun.Outcome run = cli().run("learn", "fusion", "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# What spinal fusion is\n\n*An operation that joins")
                .contains("\n## Questions to ask your doctor or specialist\n\n- ")
                .contains("\n## Sources\n\n- ")
                .contains("\n\nTo read more:\n\n- `spinecheck learn when-fusion` (When spinal fusion is considered)\n"
                        + "- `spinecheck learn operations` (Kinds of spine operation)\n- `spinecheck learn risks` (Risks of spinal fusion, and when to call)\n\n")
                .contains("Last checked: 2 December 2026")
                .endsWith(DISCLAIMER_START + " It is not a diagnosis and does not replace a health professional. If you are worried"
                        + " about your back or neck, run spinecheck or contact your doctor; in an emergency, call your emergency number.\n");
    }

    @Test
    void markdown_lists_the_topics() {
        String md = cli().run("learn", "--format", "markdown").out();

        assertThat(md).startsWith("# Topics\n\n- `spinecheck learn fusion` — **What spinal fusion is**: ");
        assertThat(md.lines().filter(l -> l.startsWith("- `spinecheck learn ")).count()).isEqualTo(TOPICS.size());
    }

    @Test
    void an_unknown_topic_gets_a_did_you_mean_and_exit_2() {
        CliRun.Outcome run = cli().run("learn", "fussion");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "spinecheck learn: there is no topic 'fussion' — did you mean 'fusion'?",
                "Run spinecheck learn to see every topic with a line about it.");
    }

    @Test
    void a_topic_far_from_any_other_gets_the_list_of_names() {
        CliRun.Outcome run = cli().run("learn", "xyzzy-plugh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("spinecheck learn: there is no topic 'xyzzy-plugh' — the topics are: "
                + String.join(", ", TOPICS));
    }

    @Test
    void output_that_is_not_a_terminal_is_never_paged() throws Exception {
        Path marker = dir.resolve("paged");
        CliRun.Outcome run = cli().env("PAGER", "cat > '" + marker + "'").env("LINES", "5").run("learn", "recovery");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Recovering after spinal fusion");
        assertThat(Files.exists(marker)).isFalse();
    }
}
