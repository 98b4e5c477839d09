package dev.spinecheck.cli;

import dev.spinecheck.load.FileNames;
import dev.spinecheck.shell.ShellLauncher;
import java.nio.file.InvalidPathException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The two command lines people and scripts give most — {@code spinecheck} alone, and {@code spinecheck run} with only
 * {@code --answers}, {@code --format}, {@code --questionnaire} or {@code --emergency-number} — read without building
 * picocli's model. picocli's own start-up (its model, converters and parser, even for one command built without
 * annotations) costs more CPU than the issue 11 budget of a scripted run. Everything else — help, a usage error, any
 * other option, an argument file, a value that picocli might read another way — goes to picocli as before.
 * {@code QuickCommandLineTest} checks, over many command lines, that whatever this takes picocli parses to the same
 * options, and that both give the same output and exit code.
 */
final class QuickCommandLine {
    /** Every name of the options read here, to the option's long name. */
    private static final Map<String, String> NAMES = Map.of(
            "-a", "--answers", "--answers", "--answers",
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
        if (!args[0].equals("run")) {
            return Optional.empty();
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
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
            String option = NAMES.get(name);
            if (option == null || !plain(value) || given.putIfAbsent(option, value) != null) {
                return Optional.empty();
            }
        }
        return run(io, given);
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
        String questionnaire = given.get("--questionnaire");
        if (questionnaire != null) {
            try {
                run.questionnaireOption.file = FileNames.of(questionnaire);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        String number = given.get("--emergency-number");
        if (number != null) {
            if (!EmergencyNumberOption.isNumber(number)) {
                return Optional.empty();
            }
            run.emergencyNumber.number(number);
        }
        return Optional.of(new Parsed(run, run.format));
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
