package dev.spinecheck.cli;

import dev.spinecheck.files.OutputFailure;
import dev.spinecheck.load.FileNames;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.script.ExitStatus;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Wires the commands and handles every error in one place: a short message and an exit code, never a stack trace. */
public final class Cli {
    private Cli() {}

    /** The whole command line, with every subcommand (for help, completion scripts and man pages). */
    public static CommandLine commandLine(Io io) {
        return commandLine(io, Subcommands.ALL);
    }

    /** The command line with only the named subcommands (each is built by reflection, which costs start-up time). */
    static CommandLine commandLine(Io io, Set<String> subcommands) {
        CommandLine cl = new CommandLine(new SpinecheckCommand(io));
        Subcommands.add(cl, io, subcommands);
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour(io) ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command, parseResult, io));
        cl.setExecutionStrategy(parsed -> helpOrRun(parsed, io));
        cl.registerConverter(Path.class, Cli::path);
        return cl;
    }

    public static int execute(Io io, String... args) {
        int code;
        try {
            Optional<Integer> quick = QuickVersion.print(io, args);
            if (quick.isEmpty()) {
                quick = QuickCommandLine.execute(io, args);
            }
            code = quick.isPresent() ? quick.get() : forArguments(io, args).execute(args);
        } catch (OutputFailure e) {
            code = cannotWrite(e, io.err());
        }
        return flush(io, code);
    }

    /**
     * The command line these arguments need: only the subcommands they name, when they parse on that alone and do not
     * ask for the root's help (which lists every command). Anything else — a usage error, whose message may suggest a
     * command, the help command, an argument file — gets the whole command line, so every message stays the same.
     */
    static CommandLine forArguments(Io io, String[] args) {
        Set<String> named = Subcommands.named(args);
        if (!named.equals(Subcommands.ALL)) {
            CommandLine lean = commandLine(io, named);
            try {
                if (!lean.parseArgs(args).isUsageHelpRequested()) {
                    return lean;
                }
            } catch (CommandLine.PicocliException e) {
                // Told by the whole command line, below.
            }
        }
        return commandLine(io);
    }

    /** A file name as the system holds it, even when the locale cannot read it; or a plain usage error. */
    private static Path path(String name) {
        try {
            return FileNames.of(name);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException(FileNames.shown(name) + ": " + e.getReason());
        }
    }

    /** picocli's usual strategy; help and version text that cannot be written is reported like any other output. */
    private static int helpOrRun(ParseResult parsed, Io io) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutputFailure e) {
            return cannotWrite(e, io.err());
        }
    }

    /** Flushes standard output: a failure there is reported (unless it already was) and changes the exit code. */
    public static int flush(Io io, int code) {
        try {
            io.out().flush();
        } catch (OutputFailure e) {
            if (code != ExitStatus.CANNOT_WRITE && code != ExitStatus.BROKEN_PIPE) {
                code = cannotWrite(e, io.err());
            }
        }
        io.err().flush();
        return code;
    }

    /**
     * An output could not be written: one plain line and exit 74, or, when the reader went away (a closed pipe, as in
     * {@code batch ... | head}), nothing at all and exit 141, as for any tool stopped by SIGPIPE.
     */
    static int cannotWrite(OutputFailure e, PrintWriter err) {
        if (e.brokenPipe()) {
            return ExitStatus.BROKEN_PIPE;
        }
        err.println("spinecheck: cannot write the results" + e.destination().map(d -> " to " + d).orElse("") + ": "
                + e.getMessage() + " — the output is incomplete; free some space or write elsewhere, and run again");
        err.flush();
        return ExitStatus.CANNOT_WRITE;
    }

    static boolean colour(Io io) {
        return io.env("NO_COLOR") == null && !"dumb".equals(io.env("TERM"));
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + UsageHints.explain(e, args));
        err.println("Try '" + name + " --help' for how to use it.");
        err.flush();
        return ExitStatus.USAGE;
    }

    /** A command called as picocli calls it, and what it throws handled as {@link #failure} does. */
    static int call(java.util.concurrent.Callable<Integer> command, Object format, Io io) {
        try {
            Integer code = command.call();
            return code == null ? 0 : code;
        } catch (Exception e) {
            return failure(e, io.err(), format, false, io);
        }
    }

    private static int failure(Exception e, CommandLine command, ParseResult parseResult, Io io) {
        return failure(e, command.getErr(), command.getMixins().get("format"), debug(parseResult), io);
    }

    private static int failure(Exception e, PrintWriter err, Object format, boolean debug, Io io) {
        if (e instanceof OutputFailure output) {
            return cannotWrite(output, err);
        }
        if (e instanceof UserError user) {
            user.lines().forEach(err::println);
            err.flush();
            try {
                if (format instanceof FormatOption f && f.json() || format instanceof ScreeningFormatOption s && s.json()) {
                    JsonReport.error(user.exitCode(), user.lines(), io.out());
                    io.out().flush();
                } else if (format instanceof ScreeningFormatOption s && s.fhir()) {
                    FhirBundle.error(user.exitCode(), user.lines(), io.out());
                    io.out().flush();
                }
            } catch (OutputFailure output) {
                return cannotWrite(output, err);
            }
            return user.exitCode();
        }
        err.println("spinecheck: something went wrong inside spinecheck (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        err.println("This is a bug in spinecheck, not something you did. Run the same command with --debug to see the details.");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitStatus.INTERNAL_ERROR;
    }

    private static boolean debug(ParseResult parseResult) {
        ParseResult current = parseResult;
        while (current != null) {
            if (current.hasMatchedOption("--debug")) {
                return true;
            }
            current = current.hasSubcommand() ? current.subcommand() : null;
        }
        return false;
    }
}
