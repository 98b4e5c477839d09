package dev.spinecheck.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** The subcommands, in the order help lists them, and which of them a command line names. */
final class Subcommands {
    private static final List<String> NAMES = List.of("run", "batch", "validate", "test", "export", "learn", "help");

    static final Set<String> ALL = Set.copyOf(NAMES);

    private Subcommands() {}

    /** A new command object for the name (by a switch, not a table of constructors: linking those costs start-up time). */
    private static Object command(String name, Io io) {
        return switch (name) {
            case "run" -> new RunCommand(io);
            case "batch" -> new BatchCommand(io);
            case "validate" -> new ValidateCommand(io);
            case "test" -> new TestCommand(io);
            case "export" -> new ExportCommand(io);
            case "learn" -> new LearnCommand(io);
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    static void add(CommandLine root, Io io, Set<String> names) {
        for (String name : NAMES) {
            if (names.contains(name)) {
                root.addSubcommand(name, command(name, io));
            }
        }
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
            if (ALL.contains(arg)) {
                named.add(arg);
            }
        }
        return named;
    }
}
