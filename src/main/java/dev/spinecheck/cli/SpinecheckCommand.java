package dev.spinecheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. With no subcommand it starts the interactive screening (for now: prints the help). */
@Command(name = "spinecheck",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "A self-screening for back and neck pain: how soon, and whom, to see. It is not a diagnosis.",
        description = {
            "Walks you through questions about your back or neck pain and ends with warning signs, a level of",
            "urgency and whom to see. In an emergency, do not wait for this program: call your emergency number."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 1:internal error (a short message; details with --debug)",
            " 2:usage error (a wrong option or argument)",
            " 3:screening not finished (left the interactive screening)",
            " 4:author tests failed (spinecheck test)",
            "65:invalid questionnaire or answers (a batch: any bad input, after processing all)",
            "66:an input that does not exist or cannot be read",
            "130:interrupted (Ctrl-C)"
        })
public final class SpinecheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On an internal error, print the full details.")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
