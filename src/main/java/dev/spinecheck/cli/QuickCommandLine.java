package dev.spinecheck.cli;

import dev.spinecheck.load.FileNames;
import dev.spinecheck.shell.ShellLauncher;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The command lines people and scripts give most — {@code spinecheck} alone, {@code spinecheck run} with only
 * {@code --answers}, {@code --format}, {@code --questionnaire} or {@code --emergency-number}, and {@code spinecheck batch}
 * with its inputs and only {@code --output}, {@code --format}, {@code --questionnaire} or {@code --emergency-number} —
 * read without building picocli's model. picocli's own start-up (its model, converters and parser, even for one command built without
 * annotations) costs more CPU than the issue 11 budget of a scripted run. Everything else — help, a usage error, any
 * other option, an argument file, a value that picocli might read another way — goes to picocli as before.
 * {@code QuickCommandLineTest} checks, over many command lines, that whatever this takes picocli parses to the same
 * options, and that both give the same output and exit code.
 */
final class QuickCommandLine {
    /** Every name of the options read here, to the option's long name. */
    private static final Map<String, String> RUN_NAMES = Map.of(
            "-a", "--answers", "--answers", "--answers",
            "-f", "--format", "--format", "--format",
            "-q", "--questionnaire", "--questionnaire", "--questionnaire",
            "--emergency-number", "--emergency-number");

    private static final Map<String, String> BATCH_NAMES = Map.of(
            "-o", "--output", "--output", "--output",
            "-f", "--format", "--format", "--format",
            "-q", "--questionnaire", "--questionnaire", "--questionnaire",
            "--emergency-number", "--emergency-number");

    /** A command ready to call, and its --format (for an error as JSON), as picocli would have made it. */
    record Parsed(Callable<Integer> command, ScreeningFormatOption format) {}

    private QuickCommandLine() {}

    /** The exit code when the arguments are of the kind read here and the command ran; empty otherwise. */
    static Optional<Integer> execute(Io io, String[] args) {
        return parse(io, args).map(parsed -> Cli.call(parsed.command(), parsed.format(), io));
    }

    static Optional<Parsed> parse(Io io, String[] args) {
        if (picocliConfigured()) {
            return Optional.empty();
        }
        if (args.length == 0) {
            SpinecheckCommand root = new SpinecheckCommand(io);
            root.questionnaireOption = new QuestionnaireOption();
            root.emergencyNumber = new EmergencyNumberOption();
            root.interactive = interactiveDefaults();
            return Optional.of(new Parsed(root, null));
        }
        if (args[0].equals("run")) {
            return read(args, RUN_NAMES, false).flatMap(given -> run(io, given.options()));
        }
        if (args[0].equals("batch")) {
            return read(args, BATCH_NAMES, true).flatMap(given -> batch(io, given));
        }
        return Optional.empty();
    }

    /** The options (by long name) and the other words of a command line after its command's name. */
    private record Given(Map<String, String> options, List<String> inputs) {}

    /**
     * Options that each take one value, given once each, as {@code --name value}, {@code -n value} or {@code --name=value};
     * and, where the command takes them, other words. Empty when anything is not of that kind.
     */
    private static Optional<Given> read(String[] args, Map<String, String> names, boolean inputs) {
        Map<String, String> given = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (inputs && (name.equals("-") || !name.startsWith("-"))) {
                if (!plain(name)) {
                    return Optional.empty();
                }
                words.add(name);
                continue;
            }
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            String option = names.get(name);
            if (option == null || !plain(value) || given.putIfAbsent(option, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Given(given, words));
    }

    private static Optional<Parsed> run(Io io, Map<String, String> given) {
        RunCommand run = new RunCommand(io);
        run.questionnaireOption = new QuestionnaireOption();
        run.emergencyNumber = new EmergencyNumberOption();
        run.interactive = interactiveDefaults();
        run.format = new ScreeningFormatOption();
        run.format.format = ScreeningFormatOption.Format.text;
        run.answers = given.get("--answers");
        run.given = option -> given.containsKey(option);
        String format = given.get("--format");
        if (format != null) {
            run.format.format = null;
            // As picocli reads an enum's name when told to ignore case.
            for (ScreeningFormatOption.Format constant : ScreeningFormatOption.Format.values()) {
                if (constant.name().equalsIgnoreCase(format)) {
                    run.format.format = constant;
                }
            }
            if (run.format.format == null) {
                return Optional.empty();
            }
        }
        if (!questionnaireAndNumber(given, run.questionnaireOption, run.emergencyNumber)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(run, run.format));
    }

    private static Optional<Parsed> batch(Io io, Given given) {
        if (given.inputs().isEmpty()) {
            return Optional.empty();
        }
        BatchCommand batch = new BatchCommand(io);
        batch.questionnaireOption = new QuestionnaireOption();
        batch.emergencyNumber = new EmergencyNumberOption();
        batch.inputs = given.inputs();
        batch.format = BatchCommand.Format.json;
        String format = given.options().get("--format");
        if (format != null) {
            batch.format = null;
            for (BatchCommand.Format constant : BatchCommand.Format.values()) {
                if (constant.name().equalsIgnoreCase(format)) {
                    batch.format = constant;
                }
            }
            if (batch.format == null) {
                return Optional.empty();
            }
        }
        String output = given.options().get("--output");
        if (output != null) {
            try {
                batch.output = FileNames.of(output);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        if (!questionnaireAndNumber(given.options(), batch.questionnaireOption, batch.emergencyNumber)) {
            return Optional.empty();
        }
        // As picocli reports a failure of a command without a --format mixin: in words only.
        return Optional.of(new Parsed(batch, null));
    }

    /** Sets --questionnaire and --emergency-number as picocli would; false for a value picocli would refuse. */
    private static boolean questionnaireAndNumber(Map<String, String> given, QuestionnaireOption questionnaireOption,
            EmergencyNumberOption emergencyNumber) {
        String questionnaire = given.get("--questionnaire");
        if (questionnaire != null) {
            try {
                questionnaireOption.file = FileNames.of(questionnaire);
            } catch (InvalidPathException e) {
                return false;
            }
        }
        String number = given.get("--emergency-number");
        if (number != null) {
            if (!EmergencyNumberOption.isNumber(number)) {
                return false;
            }
            emergencyNumber.number(number);
        }
        return true;
    }

    /**
     * A {@code picocli.*} system property (given in JAVA_OPTS, say) changes how picocli reads a command line or what it
     * tells ({@code picocli.trimQuotes}, {@code picocli.trace}, ...): then picocli reads it.
     */
    private static boolean picocliConfigured() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    /** The interactive options as picocli sets them when none is given. */
    private static InteractiveOptions interactiveDefaults() {
        InteractiveOptions options = new InteractiveOptions();
        options.colour = ShellLauncher.Colour.auto;
        return options;
    }

    /**
     * A value picocli takes as it is: not empty, not like an option (but {@code -}, standard input), not an argument
     * file, not a command's name.
     */
    private static boolean plain(String value) {
        return !value.isEmpty() && (value.equals("-") || !value.startsWith("-")) && !value.startsWith("@")
                && !Subcommands.ALL.contains(value) && !value.equals("help");
    }
}
