package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck validate} on the topics of {@code learn}: every part present, every link resolved, each problem in its place. */
class ValidateTopicsTest {
    static final Path BUNDLED = Path.of("questionnaires/learn");

    @TempDir
    Path dir;

    Path topics;

    /** A copy of the bundled topics to break. */
    @BeforeEach
    void copy() throws IOException {
        topics = dir.resolve("learn");
        Files.createDirectories(topics);
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path file : files.toList()) {
                Files.copy(file, topics.resolve(file.getFileName()));
            }
        }
    }

    private void edit(String topic, String from, String to) throws IOException {
        Path file = topics.resolve(topic + ".yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("the fixture edit must apply to %s", file).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The line (1-based) of the first line of the file that contains the text. */
    private int lineOf(String topic, String text) throws IOException {
        List<String> lines = Files.readAllLines(topics.resolve(topic + ".yaml"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + topic);
    }

    private CliRun.Outcome validate() {
        return cli().run("validate", topics.toString());
    }

    @Test
    void the_bundled_topics_are_valid_and_validate_checks_them_with_the_questionnaire() {
        CliRun.Outcome run = cli().run("validate");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("questionnaires/learn: valid — 7 topics for spinecheck learn, 14 links between them");
    }

    @Test
    void json_of_the_bundled_questionnaire_carries_its_topics() {
        JsonNode report = Json.parse(cli().run("validate", "--format", "json").out());

        assertThat(report.get("file").asString()).isEqualTo("questionnaires/spine-screening.yaml");
        assertThat(report.get("learn").get("valid").asBoolean()).isTrue();
        assertThat(report.get("learn").get("topics").asInt()).isEqualTo(7);
    }

    @Test
    void the_topics_folder_in_the_repository_is_valid_as_a_folder_and_through_one_of_its_files() {
        CliRun.Outcome folder = cli().run("validate", "questionnaires/learn");
        CliRun.Outcome file = cli().run("validate", "questionnaires/learn/risks.yaml");

        assertThat(folder.exitCode()).as(folder.err()).isZero();
        assertThat(file.exitCode()).as(file.err()).isZero();
        assertThat(file.out()).isEqualTo(folder.out()).startsWith("questionnaires/learn: valid");
    }

    @Test
    void a_topic_without_its_questions_fails_with_its_location() throws IOException {
        Path file = topics.resolve("fusion.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("questions:")) + text.substring(text.indexOf("sources:")));

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).containsExactly(file + ":1:1: the topic fusion has no 'questions' — add questions: a list");
        assertThat(run.out()).isEqualTo(topics + ": not valid — 1 problem in the topics of spinecheck learn\n");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"topic", "title", "summary", "body", "questions", "sources", "checked"})
    void every_part_is_required(String part) throws IOException {
        Path file = topics.resolve("try-first.yaml");
        StringBuilder without = new StringBuilder();
        boolean skipping = false;
        for (String line : Files.readAllLines(file)) {
            skipping = line.startsWith(part + ":") || (skipping && line.startsWith(" "));
            if (!skipping) {
                without.append(line).append('\n');
            }
        }
        Files.writeString(file, without.toString());

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        String add = switch (part) {
            case "topic" -> "topic: try-first";
            case "checked" -> "checked: and the date it was last checked, like 2026-12-02";
            case "title", "summary" -> part + ": <text>";
            default -> part + ": a list";
        };
        assertThat(run.errLines()).containsExactly(file + ":1:1: the topic try-first has no '" + part + "' — add " + add);
    }

    @Test
    void a_dead_link_fails_at_the_link_with_a_did_you_mean() throws IOException {
        edit("risks", "  - see: recovery", "  - see: recovry");

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).containsExactly(topics.resolve("risks.yaml") + ":" + lineOf("risks", "see: recovry")
                + ":10: the link to 'recovry' goes to no topic — did you mean 'recovery'?");
    }

    @Test
    void a_link_to_itself_is_refused() throws IOException {
        edit("risks", "  - see: recovery", "  - see: risks");

        CliRun.Outcome run = validate();

        assertThat(run.err()).contains("risks.yaml:" + lineOf("risks", "see: risks") + ":10: the topic risks links to itself");
    }

    @Test
    void a_listed_topic_without_a_file_and_a_file_that_is_not_listed_are_both_reported() throws IOException {
        Files.delete(topics.resolve("operations.yaml"));
        Files.writeString(topics.resolve("extra.yaml"), "topic: extra\n");

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).containsExactly(
                topics.resolve("extra.yaml") + ":1:1: this topic is not listed in topics.yaml — add its name to the topics there, or remove the file",
                topics.resolve("topics.yaml") + ":" + lineOfIndex("- operations")
                        + ":5: the topic 'operations' has no file — add operations.yaml beside topics.yaml, or remove it from the list");
    }

    private int lineOfIndex(String text) throws IOException {
        List<String> lines = Files.readAllLines(topics.resolve("topics.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void a_topic_named_differently_from_its_file_is_refused() throws IOException {
        edit("recovery", "topic: recovery", "topic: recover");

        assertThat(validate().errLines()).containsExactly(topics.resolve("recovery.yaml")
                + ":1:8: the topic is called 'recover' but its file is recovery.yaml — make them the same");
    }

    @Test
    void the_date_last_checked_must_be_a_date() throws IOException {
        edit("specialist", "checked: 2026-12-02", "checked: 2026-13-02");

        assertThat(validate().err()).contains("specialist.yaml:" + lineOf("specialist", "checked:")
                + ":10: 'checked' in the topic specialist must be the date it was last checked, like 2026-12-02, not '2026-13-02'");
    }

    @Test
    void a_body_part_must_be_a_paragraph_a_list_a_link_or_the_safety_net() throws IOException {
        edit("fusion", "  - see: risks", "  - heading: Risks");

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("fusion.yaml:" + lineOf("fusion", "heading: Risks")
                + ":5: unknown key 'heading' in the body of the topic fusion — use one of: list, safety_net, see");
    }

    @Test
    void a_summary_is_one_line() throws IOException {
        edit("fusion", "summary: An operation", "summary: " + "Long words again and again. ".repeat(8) + "An operation");

        assertThat(validate().err()).contains("fusion.yaml:3:10: the summary is ").contains("keep it to one line of at most 160");
    }

    @Test
    void a_topic_that_is_not_valid_yaml_is_reported_once_and_the_others_still_checked() throws IOException {
        Files.writeString(topics.resolve("when-fusion.yaml"), "topic: when-fusion\n  bad: [\n");
        edit("risks", "  - see: recovery", "  - see: recovry");

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).contains("risks.yaml:").contains("recovry");
        assertThat(run.errLines().get(1)).startsWith(topics.resolve("when-fusion.yaml") + ":2:")
                .contains("'bad' is indented further than 'topic' above it");
    }

    @Test
    void a_folder_without_an_index_is_no_folder_of_topics() throws IOException {
        Files.delete(topics.resolve("topics.yaml"));

        CliRun.Outcome run = validate();

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).isEqualTo(topics + ": is a folder, not a file — give the path of a file\n");
    }

    /** A copy of the bundled questionnaire with one edit, and the line of the edited text. */
    private Path questionnaire(String from, String to) throws IOException {
        Path file = dir.resolve("q.yaml");
        String text = Files.readString(Path.of("questionnaires/spine-screening.yaml"), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        return file;
    }

    private static int line(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void a_questionnaire_that_links_to_a_topic_that_does_not_exist_fails_at_the_link() throws IOException {
        Path file = questionnaire("    learn: [try-first]", "    learn: [try-frist]");

        CliRun.Outcome run = cli().run("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).containsExactly(file + ":" + line(file, "learn: [try-frist]")
                + ":13: the advice links to the topic 'try-frist', which does not exist — did you mean 'try-first'?");
    }

    @Test
    void a_read_more_entry_needs_its_topics_and_either_a_condition_or_a_person_who_is_in_people() throws IOException {
        Path file = questionnaire("""
                    - learn: [specialist]
                      person: spine_specialist
                """, """
                    - learn: [specialist]
                      person: spine_specilaist
                    - person: doctor
                      when: {question: fever, equals: "yes"}
                """);

        CliRun.Outcome run = cli().run("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        int at = line(file, "person: spine_specilaist");
        assertThat(run.errLines()).containsExactly(
                file + ":" + at + ":15: a read_more entry names the person 'spine_specilaist', who is not in people — did you mean 'spine_specialist'?",
                file + ":" + (at + 1) + ":7: a read_more entry has no 'learn' — add learn: [TOPIC, ...], the topics it links to",
                file + ":" + (at + 1) + ":7: a read_more entry needs either 'when' (a condition) or 'person' (whom the one action names), not both — keep one");
    }

    @Test
    void json_reports_the_problems_with_their_places() throws IOException {
        edit("risks", "  - see: recovery", "  - see: recovry");

        CliRun.Outcome run = cli().run("validate", "--format", "json", topics.toString());
        JsonNode report = Json.parse(run.out());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(report.get("valid").asBoolean()).isFalse();
        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("file").asString()).endsWith("risks.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf("risks", "see: recovry"));
        assertThat(problem.get("column").asInt()).isEqualTo(10);
    }
}
