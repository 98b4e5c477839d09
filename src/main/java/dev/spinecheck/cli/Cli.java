package dev.spinecheck.cli;

import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.script.ExitStatus;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Wires the commands and handles every error in one place: a short message and an exit code, never a stack trace. */
public final class Cli {
    private Cli() {}

    public static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new SpinecheckCommand(io));
        cl.addSubcommand("run", new RunCommand(io));
        cl.addSubcommand("batch", new BatchCommand(io));
        cl.addSubcommand("validate", new ValidateCommand(io));
        cl.addSubcommand("test", new TestCommand(io));
        cl.addSubcommand("export", new ExportCommand(io));
        cl.addSubcommand("learn", new LearnCommand(io));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour(io) ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> failure(e, command, parseResult, io));
        return cl;
    }

    public static int execute(Io io, String... args) {
        int code = commandLine(io).execute(args);
        io.out().flush();
        io.err().flush();
        return code;
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

    private static int failure(Exception e, CommandLine command, ParseResult parseResult, Io io) {
        PrintWriter err = command.getErr();
        if (e instanceof UserError user) {
            user.lines().forEach(err::println);
            err.flush();
            Object format = command.getMixins().get("format");
            if (format instanceof FormatOption f && f.json() || format instanceof ScreeningFormatOption s && s.json()) {
                JsonReport.error(user.exitCode(), user.lines(), io.out());
                io.out().flush();
            } else if (format instanceof ScreeningFormatOption s && s.fhir()) {
                FhirBundle.error(user.exitCode(), user.lines(), io.out());
                io.out().flush();
            }
            return user.exitCode();
        }
        err.println("spinecheck: something went wrong inside spinecheck (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        err.println("This is a bug in spinecheck, not something you did. Run the same command with --debug to see the details.");
        if (debug(parseResult)) {
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
