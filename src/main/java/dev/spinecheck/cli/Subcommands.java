package dev.spinecheck.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/** The subcommands, in the order help lists them, and which of them a command line names. */
final class Subcommands {
    private static final Map<String, Function<Io, Object>> COMMANDS = commands();

    static final Set<String> ALL = Set.copyOf(COMMANDS.keySet());

    private Subcommands() {}

    private static Map<String, Function<Io, Object>> commands() {
        Map<String, Function<Io, Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("batch", BatchCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("test", TestCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("learn", LearnCommand::new);
        commands.put("help", io -> new CommandLine.HelpCommand());
        return Collections.unmodifiableMap(commands);
    }

    static void add(CommandLine root, Io io, Set<String> names) {
        COMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                root.addSubcommand(name, command.apply(io));
            }
        });
    }

    /**
     * The subcommands that appear among the arguments. picocli matches a subcommand only by its exact name, and treats
     * an argument as a command only when it is one's name, so the command line with just these parses the arguments
     * as the whole one does. Every subcommand for {@code help} (it lists or finds any of them) and for an argument
     * file ({@code @file}, whose contents are not seen here); empty for none.
     */
    static Set<String> named(String[] args) {
        Set<String> named = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.startsWith("@") || arg.equals("help")) {
                return ALL;
            }
            if (COMMANDS.containsKey(arg)) {
                named.add(arg);
            }
        }
        return named;
    }
}
