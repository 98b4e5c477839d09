package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code spinecheck run}: spec sections 5 to 7 through the command line, in a fresh folder each time. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static final String HARMLESS = """
            answers:
              age: 29
              pain_region: [lower_back]
              spine_surgery: none
              injury: none
              chest_pain: no
              sudden_severe_pain: no
              saddle_numbness: no
              bladder_change: no
              bowel_change: no
              both_legs: no
              sexual_change: no
              radiating_pain: no
              numbness: none
              weakness: none
              walking_balance: no
              fever: no
              infection_risk: [none]
              cancer_history: no
              weight_loss: no
              night_pain: no
              lump_or_shape_change: no
              bone_risk: no
              pain_duration: under_2_weeks
              trend: better
              daily_impact: little
              tried: [none]
              diagnosis: [none_or_unsure]
            """;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "batch"})
    void help_and_version_work_on_the_root_and_every_subcommand(String command) {
        String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};

        CliRun.Outcome helped = cli().run(help);
        CliRun.Outcome versioned = cli().run(version);

        assertThat(helped.exitCode()).isZero();
        assertThat(helped.out()).contains("Usage: spinecheck").contains("Exit codes:").contains("65").contains("66");
        assertThat(versioned.exitCode()).isZero();
        assertThat(versioned.out()).startsWith("spinecheck ");
    }

    @Test
    void without_a_person_at_a_terminal_the_interactive_screening_refuses_at_once_with_exit_2() {
        CliRun.Outcome run = cli().stdin("40\n3\n").run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("need a person at a terminal").contains("spinecheck run --answers FILE");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void report_never_replaces_an_existing_file_without_force() throws IOException {
        Path existing = file("summary.md", "mine");
        CliRun.Outcome run = cli().run("--report", existing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void an_empty_answer_file_name_is_said_to_be_empty_not_read_as_the_current_folder() {
        CliRun.Outcome run = cli().run("run", "--answers", "");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).contains("'': an empty name is not a file or folder — give its path").doesNotContain("is a folder");
    }

    @Test
    void a_harmless_answer_file_gives_self_care_with_the_safety_net_and_disclaimer_last() throws IOException {
        CliRun.Outcome run = cli().run("run", "--answers", file("a.yaml", HARMLESS).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).startsWith("SELF-CARE");
        assertThat(run.out()).contains("If any of these start, or get worse, after this screening:")
                .contains("at once:").contains("Go to the emergency department now (do not drive yourself):")
                .contains("Get medical help the same day:")
                .contains("Stay active");
        assertThat(run.outLines().get(run.outLines().size() - 1)).contains("contact one.");
        assertThat(run.out()).contains("This is not a diagnosis");
    }

    @Test
    void a_saved_screening_with_an_undone_emergency_answer_is_refused_in_every_format_and_says_why() throws IOException {
        Path answers = file("progress.yaml", HARMLESS + "undone_emergencies:\n  injury: serious\n");

        for (String format : new String[] {"text", "json", "fhir"}) {
            CliRun.Outcome run = cli().run("run", "--answers", answers.toString(), "--format", format);

            assertThat(run.exitCode()).as(format).isEqualTo(65);
            assertThat(run.err()).as(format).contains("progress.yaml:").contains("injury was first answered serious and then changed;"
                    + " if that first answer was right, it needs emergency help now").contains("resume this screening with spinecheck");
        }
    }

    @Test
    void an_undone_answer_that_needs_no_emergency_help_is_an_error_too() throws IOException {
        Path answers = file("progress.yaml", HARMLESS + "undone_emergencies:\n  injury: none\n");

        CliRun.Outcome run = cli().run("run", "--answers", answers.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("injury none under undone_emergencies is not an answer that needs emergency help here");
    }

    @Test
    void an_undone_emergency_answer_that_is_not_valid_is_a_located_error() throws IOException {
        Path answers = file("progress.yaml", HARMLESS + "undone_emergencies:\n  injury: sideways\n");

        CliRun.Outcome run = cli().run("run", "--answers", answers.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("progress.yaml:").contains("sideways");
    }

    @Test
    void the_emergency_number_comes_from_the_option_or_the_environment() throws IOException {
        Path answers = file("e.yaml", HARMLESS.replace("chest_pain: no", "chest_pain: yes"));

        CliRun.Outcome byOption = cli().run("run", "-a", answers.toString(), "--emergency-number", "112");
        CliRun.Outcome byEnvironment = cli().env("SPINECHECK_EMERGENCY_NUMBER", "999").run("run", "-a", answers.toString());
        CliRun.Outcome byDefault = cli().run("run", "-a", answers.toString());

        assertThat(byOption.outLines().get(0)).isEqualTo("EMERGENCY — now");
        assertThat(byOption.out()).contains("Call 112 now");
        assertThat(byEnvironment.out()).contains("Call 999 now");
        assertThat(byDefault.out()).contains("Call your local emergency number (for example 112, 911 or 999) now");
    }

    @Test
    void json_output_has_the_public_fields_and_passes_the_record_through() throws IOException {
        Path answers = file("r.yaml", "record: clinic-2026-0042\nsaved_at: 2026-11-22T10:15:00Z\n"
                + HARMLESS.replace("fever: no", "fever: yes\n  very_unwell: no").replace("neck_shock", "x"));

        CliRun.Outcome run = cli().run("run", "-a", answers.toString(), "-f", "json");

        JsonNode result = Json.parse(run.out());
        assertThat(result.path("questionnaire").path("id").asString()).isEqualTo("spine-screening");
        assertThat(result.path("questionnaire").path("version").asString()).isNotEmpty();
        assertThat(result.path("record").asString()).isEqualTo("clinic-2026-0042");
        assertThat(result.path("level").asString()).isEqualTo("URGENT");
        assertThat(result.path("flags").get(0).path("because").path("fever").asString()).isEqualTo("yes");
        assertThat(result.path("stopped_early").asBoolean()).isFalse();
        assertThat(result.path("not_asked").isArray()).isTrue();
        assertThat(result.has("disclaimer")).isTrue();
    }

    @Test
    void answers_can_come_from_standard_input_as_yaml_or_json() {
        CliRun.Outcome yaml = cli().stdin(HARMLESS).run("run", "--answers", "-", "--format", "json");
        CliRun.Outcome json = cli().stdin("{\"answers\": {\"age\": 40, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\","
                + " \"injury\": \"serious\"}}").run("run", "--answers", "-", "--format", "json");

        assertThat(Json.parse(yaml.out()).path("level").asString()).isEqualTo("SELF_CARE");
        assertThat(Json.parse(json.out()).path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(Json.parse(json.out()).path("stopped_early").asBoolean()).isTrue();
    }

    @Test
    void missing_answers_are_named_and_a_certain_emergency_is_shown_first() throws IOException {
        Path answers = file("m.yaml", "answers:\n  age: 40\n  pain_region: [lower_back]\n  spine_surgery: none\n"
                + "  injury: none\n  chest_pain: no\n  bladder_change: new\n");

        CliRun.Outcome text = cli().run("run", "-a", answers.toString());
        CliRun.Outcome json = cli().run("run", "-a", answers.toString(), "-f", "json");

        assertThat(text.exitCode()).isEqualTo(65);
        assertThat(text.outLines().get(0)).isEqualTo("EMERGENCY — now");
        assertThat(text.err()).contains("no answer to 'sudden_severe_pain'").contains("no answer to 'saddle_numbness'");
        JsonNode result = Json.parse(json.out());
        assertThat(result.path("level").asString()).isEqualTo("EMERGENCY");
        assertThat(Json.flagIds(result)).containsExactly("cauda_equina");
        assertThat(result.path("error").path("missing").valueStream().map(JsonNode::asString))
                .containsExactly("sudden_severe_pain", "saddle_numbness");
    }

    @Test
    void a_missing_file_exits_66_and_a_folder_given_as_a_file_too() {
        CliRun.Outcome missing = cli().run("run", "-a", dir.resolve("nope.yaml").toString());
        CliRun.Outcome folder = cli().run("run", "-a", dir.toString());

        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).contains("no such file");
        assertThat(folder.exitCode()).isEqualTo(66);
        assertThat(folder.err()).contains("is a folder");
    }

    @Test
    void invalid_utf8_is_reported_with_its_line() throws IOException {
        Path answers = dir.resolve("bad.yaml");
        Files.write(answers, new byte[] {'a', 'n', 's', 'w', 'e', 'r', 's', ':', '\n', ' ', ' ', 'a', 'g', 'e', ':', ' ', (byte) 0xC3, '4', '\n'});

        CliRun.Outcome run = cli().run("run", "-a", answers.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).isEqualTo("These answers have not been screened: fix the problems below and run again.\n"
                + answers + ":2:8: the text is not valid UTF-8 (byte 0xC3) — save the file as UTF-8\n");
    }

    @Test
    void run_without_answers_is_a_usage_error() {
        CliRun.Outcome run = cli().run("run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--answers");
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_a_hint() {
        CliRun.Outcome run = cli().run("run", "--colour");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--colour' — did you mean '--color'?").contains("spinecheck run --help");
    }

    @Test
    void a_broken_questionnaire_is_reported_with_its_location_and_exit_65() throws IOException {
        Path questionnaire = file("q.yaml", "id: x\nversion: 1\ntitle: T\nquestions: []\nflags: []\n");
        CliRun.Outcome run = cli().run("run", "-q", questionnaire.toString(), "-a", file("a.yaml", HARMLESS).toString());
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.errLines()).allMatch(line -> line.startsWith(questionnaire + ":"));
    }
}
