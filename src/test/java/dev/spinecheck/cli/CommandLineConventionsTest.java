package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The command line follows the conventions: mistakes get a suggestion, help fits, errors are told the same way. */
class CommandLineConventionsTest {
    @TempDir
    Path dir;

    // ---- mistakes

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --answer x.yaml   | spinecheck run: unknown option '--answer' — did you mean '--answers'?",
        "run --colour never    | spinecheck run: unknown option '--colour' — did you mean '--color'?",
        "validate --explian    | spinecheck validate: unknown option '--explian' — did you mean '--explain'?",
        "--verison             | spinecheck: unknown option '--verison' — did you mean '--version'?",
        "rn                    | spinecheck: unknown command 'rn' — did you mean 'run'?",
        "tset                  | spinecheck: unknown command 'tset' — did you mean 'test'?",
        "run answers.yaml      | spinecheck run: 'answers.yaml' is not an option — give the answer file with --answers: spinecheck run --answers answers.yaml",
        "answers.yaml          | spinecheck: 'answers.yaml' is not a command — to screen an answer file, use: spinecheck run --answers answers.yaml",
    })
    void a_mistyped_option_or_command_gets_a_suggestion_and_exit_2(String args, String message) {
        CliRun.Outcome run = cli().run(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo(message);
        assertThat(run.errLines()).last().asString().startsWith("Try 'spinecheck").endsWith(" --help' for how to use it.");
    }

    @Test
    void an_unknown_command_nothing_like_a_known_one_lists_the_commands() {
        CliRun.Outcome run = cli().run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("spinecheck: unknown command 'frobnicate' — the commands are: run, batch, validate, test, export, learn, help");
    }

    @Test
    void an_empty_argument_is_said_to_be_empty_wherever_it_is_given() {
        for (String[] args : List.of(new String[] {""}, new String[] {"validate", ""}, new String[] {"test", ""})) {
            CliRun.Outcome run = cli().run(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.errLines().get(0)).as(String.join(" ", args))
                    .endsWith(": an empty argument ('') is not a file, a folder or an option — give a path (for the current folder, write .)");
        }
    }

    @Test
    void help_as_a_command_shows_the_help() {
        CliRun.Outcome help = cli().run("help");
        CliRun.Outcome helpRun = cli().run("help", "run");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: spinecheck [").contains("Commands:");
        assertThat(helpRun.exitCode()).isZero();
        assertThat(helpRun.out()).contains("Usage: spinecheck run [").contains("--answers");
    }

    // ---- help

    private static String help(int width, String... args) {
        StringWriter out = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of());
        CommandLine cl = Cli.commandLine(io);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(width);
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "batch", "validate", "test"})
    void help_wraps_at_any_width_without_breaks_inside_a_description(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        String narrow = help(60, args);
        String wide = help(240, args);

        assertThat(narrow.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(60));
        assertThat(wide.lines().filter(line -> line.length() > 120)).as("a description runs on at width 240").isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''       | 0 1 2 3 65 66 73 74 129 130 141 | 4 5",
        "run      | 0 1 2 3 65 66 73 74 129 130 141 | 4 5",
        "batch    | 0 1 2 65 66 73 74 141       | 3 4 5 129 130",
        "validate | 0 1 2 5 65 66 73 74 141     | 3 4 130",
        "test     | 0 1 2 4 65 66 74 141        | 3 5 73 130",
        "learn    | 0 1 2 74 141                | 3 4 5 65 66 73 130",
    })
    void each_command_lists_the_exit_codes_it_can_return_and_no_others(String command, String listed, String notListed) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        String help = help(100, args);
        List<String> codes = help.substring(help.indexOf("Exit codes:")).lines().skip(1)
                .map(String::strip).filter(l -> l.matches("\\d+ .*")).map(l -> l.substring(0, l.indexOf(' '))).toList();

        assertThat(codes).containsExactlyElementsOf(Arrays.asList(listed.split(" ")));
        assertThat(codes).doesNotContainAnyElementsOf(Arrays.asList(notListed.split(" ")));
    }

    @Test
    void format_is_one_shared_option_wherever_it_is_offered() {
        CommandLine cl = Cli.commandLine(new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of()));
        for (String command : List.of("validate", "test")) {
            CommandLine sub = cl.getSubcommands().get(command);
            assertThat(sub.getMixins().get("format")).as(command).isInstanceOf(FormatOption.class);
            assertThat(sub.getCommandSpec().findOption("--format").description())
                    .isEqualTo(cl.getSubcommands().get("validate").getCommandSpec().findOption("--format").description());
        }
        // run also writes FHIR (its own mixin, with the shared formats and fhir); batch writes JSON Lines or FHIR NDJSON.
        assertThat(cl.getSubcommands().get("run").getMixins().get("format")).isInstanceOf(ScreeningFormatOption.class);
        assertThat(Arrays.stream(ScreeningFormatOption.Format.values()).map(Enum::name))
                .containsAll(Arrays.stream(FormatOption.Format.values()).map(Enum::name).toList()).contains("fhir");
        for (String command : List.of("run", "batch", "validate", "test", "export")) {
            CommandLine.Model.OptionSpec format = cl.getSubcommands().get(command).getCommandSpec().findOption("--format");
            assertThat(format.names()).as(command).containsExactly("-f", "--format");
            assertThat(format.paramLabel()).as(command).isEqualTo("FORMAT");
        }
    }

    // ---- --version

    @Test
    void version_names_the_bundled_questionnaire_and_its_version() {
        Questionnaire bundled = Bundled.questionnaire();
        CliRun.Outcome run = cli().run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).startsWith("spinecheck ");
        assertThat(run.outLines().get(1)).isEqualTo("bundled questionnaire: " + bundled.id() + " " + bundled.version());
        assertThat(run.outLines().get(2)).startsWith("Java ");
    }

    // ---- JSON errors

    @Test
    void run_with_json_gives_an_error_object_for_a_missing_answer_file_without_an_invented_place() {
        Path none = dir.resolve("none.yaml");
        CliRun.Outcome run = cli().run("run", "--answers", none.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(66);
        JsonNode error = Json.parse(run.out()).path("error");
        assertThat(error.path("exit_code").asInt()).isEqualTo(66);
        assertThat(error.path("problems").get(0).asString()).isEqualTo(none + ": no such file — check the path");
        assertThat(run.out()).doesNotContain(":1:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run --answers - --questionnaire", "test"})
    void run_and_test_with_json_give_an_error_object_for_a_missing_questionnaire(String command) {
        Path none = dir.resolve("none.yaml");
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add(none.toString());
        args.addAll(List.of("--format", "json"));
        CliRun.Outcome run = cli().stdin("answers: {}\n").run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(66);
        JsonNode error = Json.parse(run.out()).path("error");
        assertThat(error.path("exit_code").asInt()).isEqualTo(66);
        assertThat(error.path("message").asString()).isEqualTo(none + ": no such file — check the path");
        assertThat(run.err()).contains(none + ": no such file");
    }

    @Test
    void validate_with_json_gives_an_error_object_for_a_missing_file_without_line_and_column() {
        Path none = dir.resolve("none.yaml");
        CliRun.Outcome run = cli().run("validate", "--format", "json", none.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        JsonNode result = Json.parse(run.out());
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("problems").size()).isZero();
        assertThat(result.path("error").path("exit_code").asInt()).isEqualTo(66);
        assertThat(result.path("error").path("message").asString()).isEqualTo(none + ": no such file — check the path");
        assertThat(run.out()).doesNotContain("\"line\"").doesNotContain("\"column\"");
    }

    // ---- exit codes of several outcomes

    @Test
    void validate_of_a_missing_and_an_invalid_questionnaire_exits_65_whatever_the_order() {
        Path none = dir.resolve("none.yaml");
        String invalid = ValidateCommandTest.resource("/questionnaire-errors/unknown-level.yaml").toString();

        assertThat(cli().run("validate", none.toString(), invalid).exitCode()).isEqualTo(65);
        assertThat(cli().run("validate", invalid, none.toString()).exitCode()).isEqualTo(65);
    }

    @Test
    void test_goes_on_after_a_questionnaire_that_cannot_be_tested_and_exits_by_meaning() throws IOException {
        Path lonely = dir.resolve("lonely.yaml");
        Files.copy(ValidateCommandTest.resource("/valid-tiny.yaml"), lonely);

        CliRun.Outcome run = cli().run("test", lonely.toString(), "questionnaires/spine-screening.yaml");

        assertThat(run.exitCode()).as("the missing tests of the first (66), the passing tests of the second").isEqualTo(66);
        assertThat(run.out()).contains("Tests of spine-screening");
        assertThat(run.err()).contains("no test cases for " + lonely + ": expected in " + dir.resolve("tests/lonely.yaml"));
    }

    // ---- the emergency number

    @ParameterizedTest
    @ValueSource(strings = {"112", "999", "+44 20 7946 0000", "1-800-273-8255"})
    void an_emergency_number_of_digits_spaces_plus_and_minus_is_used(String number) throws IOException {
        Path answers = Path.of("questionnaires/examples/harmless.yaml");
        CliRun.Outcome option = cli().run("run", "--answers", answers.toString(), "--emergency-number", number);
        CliRun.Outcome env = cli().env("SPINECHECK_EMERGENCY_NUMBER", number).run("run", "--answers", answers.toString());

        assertThat(option.exitCode()).isZero();
        assertThat(option.out()).contains(number);
        assertThat(env.exitCode()).isZero();
        assertThat(env.out()).contains(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "call 112", "112; rm -rf /", "+", "１１２", "112\u001b[2J"})
    void anything_else_as_an_emergency_number_is_a_usage_error(String number) {
        Path answers = Path.of("questionnaires/examples/harmless.yaml");
        CliRun.Outcome option = cli().run("run", "--answers", answers.toString(), "--emergency-number", number);
        CliRun.Outcome env = cli().env("SPINECHECK_EMERGENCY_NUMBER", number).run("run", "--answers", answers.toString());

        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("is not a phone number — give digits, spaces, + and - only").doesNotContain("\u001b");
        assertThat(option.out()).isEmpty();
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("SPINECHECK_EMERGENCY_NUMBER is '").contains("which is not a phone number").doesNotContain("\u001b");
        assertThat(env.out()).isEmpty();
    }

    // ---- internal errors

    /** Standard output that fails the way a bug would: an exception with a cause and a suppressed one. */
    private static final class FailingWriter extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) {
            IllegalStateException failure = new IllegalStateException("the output broke", new IOException("the root cause"));
            failure.addSuppressed(new IllegalArgumentException("a second problem"));
            throw failure;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static CliRun.Outcome failing(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.execute(new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(new FailingWriter()), new PrintWriter(err),
                Map.of()), args);
        return new CliRun.Outcome(code, "", err.toString());
    }

    @Test
    void an_internal_error_is_one_short_message_and_with_debug_the_whole_stack_trace_with_causes_and_suppressed() {
        CliRun.Outcome plain = failing("validate");
        CliRun.Outcome debug = failing("validate", "--debug");

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).contains("something went wrong inside spinecheck (IllegalStateException: the output broke)")
                .doesNotContain("\tat ");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("java.lang.IllegalStateException: the output broke", "\tat ",
                "Suppressed: java.lang.IllegalArgumentException: a second problem", "Caused by: java.io.IOException: the root cause");
    }
}
