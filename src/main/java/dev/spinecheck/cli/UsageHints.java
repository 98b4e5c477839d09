package dev.spinecheck.cli;

import dev.spinecheck.load.Problem;
import dev.spinecheck.load.Suggest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** What a usage error says: what is wrong and, where it can be guessed, what was meant. */
final class UsageHints {
    private UsageHints() {}

    static String explain(ParameterException e, String[] args) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String given = unmatched.getUnmatched().get(0);
        String shown = Problem.visible(given);
        if (given.isEmpty()) {
            // A variable that was not set, most often: picocli does not take '' as a file name here.
            return "an empty argument ('') is not a file, a folder or an option — give a path (for the current folder, write .)";
        }
        if (given.startsWith("-") && given.length() > 1) {
            String option = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
            return "unknown option '" + Problem.visible(option) + "'" + Suggest.closest(option, spec.optionsMap().keySet())
                    .map(s -> " — did you mean '" + s + "'?").orElse(" — see the options with --help");
        }
        Set<String> commands = spec.subcommands().keySet();
        if (spec.name().equals("run") && !Arrays.asList(args).contains("--answers") && !Arrays.asList(args).contains("-a")) {
            return "'" + shown + "' is not an option — give the answer file with --answers: "
                    + spec.qualifiedName() + " --answers " + shown;
        }
        if (!commands.isEmpty()) {
            if (looksLikeAnAnswerFile(given)) {
                return "'" + shown + "' is not a command — to screen an answer file, use: " + spec.qualifiedName() + " run --answers " + shown;
            }
            return "unknown command '" + shown + "' — " + Suggest.closest(given, commands).map(s -> "did you mean '" + s + "'?")
                    .orElse("the commands are: " + String.join(", ", List.copyOf(commands)));
        }
        return "'" + shown + "' is not an option or argument of " + spec.name() + " — see " + spec.qualifiedName() + " --help";
    }

    private static boolean looksLikeAnAnswerFile(String given) {
        String lower = given.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }
}
