package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Seeds;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command lines read without picocli are read exactly as picocli reads them, and run with the same outcome. */
class QuickCommandLineTest {
    /** The words command lines are made of here: the quick kind's, and everything near it that picocli reads otherwise. */
    private static final List<String> WORDS = List.of("run", "-a", "--answers", "--answers=a.yaml", "--answers=", "--answers=-",
            "a.yaml", "b.json", "-", "--format", "-f", "--format=json", "--format=FHIR", "json", "JSON", "Json", "fhir", "text",
            "TEXT", "xml", "-q", "--questionnaire", "--questionnaire=q.yaml", "q.yaml", "--emergency-number", "112",
            "+44 20 7946 0000", "12a", "--emergency-number=999", "--emergency-number=x", "--plain", "--color", "never",
            "--no-save", "--save", "--report", "r.md", "--force", "--ask-missing", "--debug", "--", "-h", "--help", "-V",
            "--version", "@args", "help", "validate", "batch", "", "-x", "-aa.yaml", "-fjson", "--answer", "--format=",
            "-a=a.yaml", "--ANSWERS", "run", "-o", "--output", "--output=out.jsonl", "out.jsonl", "c.jsonl", "d", "--output=",
            "-oout.jsonl", "--workers", "Fhir");

    private static Io io(StringWriter out, StringWriter err, String input) {
        return new Io(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err),
                Map.of());
    }

    /** The output without what differs between any two runs: a FHIR Bundle's ids and times. */
    private static String unstamped(Object output) {
        return output.toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)", "<time>");
    }

    /** What a parsed command holds: the options' values, as the command reads them. */
    private static String state(Object command) {
        if (command instanceof RunCommand run) {
            return "run answers=" + run.answers + " askMissing=" + run.askMissing + " format=" + run.format.format
                    + " questionnaire=" + run.questionnaireOption.file + " wording=" + run.emergencyNumber.wording(io(
                            new StringWriter(), new StringWriter(), "")).fill("{emergency_number}")
                    + " " + interactive(run.interactive) + " plain-given=" + given(run, "--plain") + given(run, "--color")
                    + given(run, "--no-save") + given(run, "--save");
        }
        if (command instanceof BatchCommand batch) {
            return "batch inputs=" + batch.inputs + " output=" + batch.output + " format=" + batch.format + " questionnaire="
                    + batch.questionnaireOption.file + " wording=" + batch.emergencyNumber.wording(io(new StringWriter(),
                            new StringWriter(), "")).fill("{emergency_number}");
        }
        SpinecheckCommand root = (SpinecheckCommand) command;
        return "root debug=" + root.debug + " questionnaire=" + root.questionnaireOption.file + " wording="
                + root.emergencyNumber.wording(io(new StringWriter(), new StringWriter(), "")).fill("{emergency_number}") + " "
                + interactive(root.interactive);
    }

    private static boolean given(RunCommand run, String option) {
        return run.given != null ? run.given.test(option) : run.spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static String interactive(InteractiveOptions options) {
        return "plain=" + options.plain + " colour=" + options.colour + " noSave=" + options.noSave + " save=" + options.save
                + " report=" + options.report + " force=" + options.force;
    }

    /** picocli's reading of the arguments: the command it would call, or empty for help, a version or a usage error. */
    private static Optional<Object> picocli(String[] args) {
        CommandLine commandLine = Cli.commandLine(io(new StringWriter(), new StringWriter(), ""));
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.PicocliException e) {
            return Optional.empty();
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return Optional.empty();
        }
        return Optional.of(parsed.commandSpec().userObject());
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void what_the_quick_reading_takes_picocli_reads_to_the_same_options(long seed) {
        int taken = 0;
        int tries = Seeds.triesPerSeed(1500);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            List<String> words = new ArrayList<>();
            int command = random.nextInt(10);
            if (command > 0) {
                words.add(command > 5 ? "batch" : "run");
            }
            int length = random.nextInt(7);
            for (int w = 0; w < length; w++) {
                words.add(WORDS.get(random.nextInt(WORDS.size())));
            }
            String[] args = words.toArray(String[]::new);
            Optional<QuickCommandLine.Parsed> quick = QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), args);
            if (quick.isEmpty()) {
                continue;
            }
            taken++;
            Optional<Object> full = picocli(args);
            assertThat(full).as("seed %d, try %d: %s is read quickly, but picocli refuses it or gives help", seed, i, words).isPresent();
            assertThat(state(quick.get().command())).as("seed %d, try %d: %s", seed, i, words).isEqualTo(state(full.get()));
        }
        assertThat(taken).as("command lines read quickly").isGreaterThan(tries / 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run --answers a.yaml", "run -a a.yaml --format json", "run --format=fhir -a b.json",
        "run --answers=- -f JSON", "run -q q.yaml --answers a.yaml", "run --emergency-number 112 -a a.yaml", "run", "batch a.jsonl",
        "batch -", "batch a.jsonl b.yaml folder", "batch --format fhir a.jsonl", "batch -o out.jsonl -f json a.jsonl",
        "batch a.jsonl --output=out.jsonl -q q.yaml --emergency-number 112"})
    void the_usual_command_lines_are_read_quickly(String line) {
        assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), line.split(" "))).isPresent();
        assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), new String[0])).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run --answers a.yaml --answers b.yaml", "run --answers", "run -a a.yaml --plain", "run -a a.yaml --debug",
        "--debug run -a a.yaml", "run -a a.yaml -f xml", "run -a -x", "run -a @args", "run -a help", "run -a a.yaml --emergency-number x1",
        "run -a a.yaml --help", "run -h", "validate", "run -a a.yaml -- b", "run -fjson -a a.yaml", "batch", "batch -o out.jsonl",
        "batch a.jsonl --workers 2", "batch a.jsonl -f xml", "batch a.jsonl -- b", "batch @list", "batch a.jsonl -x", "batch help",
        "batch -o a.jsonl -o b.jsonl c.jsonl", "batch --debug a.jsonl", "batch a.jsonl -h", "--debug batch a.jsonl"})
    void anything_else_is_left_to_picocli(String line) {
        assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), line.split(" "))).isEmpty();
    }

    @Test
    void a_picocli_system_property_leaves_the_command_line_to_picocli() {
        String[] args = {"run", "--answers", "\"a.yaml\""};
        assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), args)).isPresent();
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), args)).isEmpty();
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
    }

    @Test
    void a_run_read_quickly_prints_and_exits_as_through_picocli(@TempDir Path dir) throws Exception {
        Path harmless = Path.of("questionnaires/examples/harmless.json");
        Path unfinished = Files.writeString(dir.resolve("unfinished.json"), "{\"answers\": {\"age\": 40, \"saddle_numbness\": \"new\"}}");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "answers: [");
        Path missing = dir.resolve("missing.yaml");
        for (Path file : List.of(harmless, unfinished, broken, missing)) {
            for (String format : List.of("text", "json", "fhir")) {
                for (String number : List.of("", "112")) {
                    List<String> words = new ArrayList<>(List.of("run", "--answers", file.toString(), "--format", format));
                    if (!number.isEmpty()) {
                        words.addAll(List.of("--emergency-number", number));
                    }
                    String[] args = words.toArray(String[]::new);
                    assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), args)).isPresent();
                    StringWriter quickOut = new StringWriter();
                    StringWriter quickErr = new StringWriter();
                    int quickCode = Cli.execute(io(quickOut, quickErr, ""), args);
                    StringWriter fullOut = new StringWriter();
                    StringWriter fullErr = new StringWriter();
                    Io full = io(fullOut, fullErr, "");
                    int fullCode = Cli.flush(full, Cli.forArguments(full, args).execute(args));
                    assertThat(unstamped(quickOut)).as("%s", words).isEqualTo(unstamped(fullOut));
                    assertThat(quickOut.toString() + quickErr.toString()).as("%s", words).isNotEmpty();
                    assertThat(quickErr.toString()).as("%s", words).isEqualTo(fullErr.toString());
                    assertThat(quickCode).as("%s", words).isEqualTo(fullCode);
                }
            }
        }
    }

    @Test
    void a_batch_read_quickly_prints_writes_and_exits_as_through_picocli(@TempDir Path dir) throws Exception {
        Path harmless = Path.of("questionnaires/examples/harmless.json");
        Path lines = Files.writeString(dir.resolve("lines.jsonl"), Files.readString(harmless).replace("\n", " ") + "\n{\"answers\": [\n");
        Path missing = dir.resolve("missing.jsonl");
        for (List<String> inputs : List.of(List.of(harmless.toString()), List.of(lines.toString(), missing.toString()), List.of("-"))) {
            for (String format : List.of("json", "FHIR")) {
                for (String output : List.of("", "out.jsonl")) {
                    List<String> words = new ArrayList<>(List.of("batch", "--format", format, "--emergency-number", "999"));
                    if (!output.isEmpty()) {
                        words.addAll(List.of("-o", dir.resolve(output).toString()));
                    }
                    words.addAll(inputs);
                    String[] args = words.toArray(String[]::new);
                    assertThat(QuickCommandLine.parse(io(new StringWriter(), new StringWriter(), ""), args)).isPresent();
                    String input = Files.readString(lines);
                    StringWriter quickOut = new StringWriter();
                    StringWriter quickErr = new StringWriter();
                    int quickCode = Cli.execute(io(quickOut, quickErr, input), args);
                    String quickFile = output.isEmpty() ? "" : unstamped(Files.readString(dir.resolve(output)));
                    StringWriter fullOut = new StringWriter();
                    StringWriter fullErr = new StringWriter();
                    Io full = io(fullOut, fullErr, input);
                    int fullCode = Cli.flush(full, Cli.forArguments(full, args).execute(args));
                    String fullFile = output.isEmpty() ? "" : unstamped(Files.readString(dir.resolve(output)));
                    assertThat(unstamped(quickOut) + quickFile).as("%s", words).isEqualTo(unstamped(fullOut) + fullFile).isNotEmpty();
                    assertThat(quickErr.toString()).as("%s", words).isEqualTo(fullErr.toString()).contains("answer set");
                    assertThat(quickCode).as("%s", words).isEqualTo(fullCode);
                }
            }
        }
    }

    @Test
    void standard_input_read_quickly_is_read_as_through_picocli() throws Exception {
        String answers = Files.readString(Path.of("questionnaires/examples/harmless.yaml"));
        String[] args = {"run", "--answers", "-", "-f", "json"};
        StringWriter quickOut = new StringWriter();
        StringWriter quickErr = new StringWriter();
        int quickCode = Cli.execute(io(quickOut, quickErr, answers), args);
        StringWriter fullOut = new StringWriter();
        Io full = io(fullOut, new StringWriter(), answers);
        int fullCode = Cli.flush(full, Cli.forArguments(full, args).execute(args));
        assertThat(unstamped(quickOut)).isEqualTo(unstamped(fullOut)).contains("\"level\"");
        assertThat(quickCode).isEqualTo(fullCode).isZero();
        assertThat(quickErr.toString()).isEmpty();
    }
}
