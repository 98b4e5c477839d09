package dev.spinecheck.cli;

import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.Wording;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. With no subcommand it starts the interactive screening. */
@Command(name = "spinecheck",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "A self-screening for back and neck pain: how soon, and whom, to see. It is not a diagnosis.",
        description = {
            "Walks you through questions about your back or neck pain and ends with warning signs, a level of urgency"
                    + " and whom to see. In an emergency, do not wait for this program: call your emergency number.",
            "",
            "With no command, the screening starts in your terminal. Keys there: yes or no, or an answer's number or"
                    + " first words (TAB completes; Up/Down open a list); ? help; back; review; quit (saves; carry on later)."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.NOT_FINISHED,
            ExitCodes.INVALID_QUESTIONNAIRE, ExitCodes.UNREADABLE, ExitCodes.CANNOT_CREATE, ExitCodes.CANNOT_WRITE, ExitCodes.HUNG_UP, ExitCodes.INTERRUPTED,
            ExitCodes.BROKEN_PIPE})
public final class SpinecheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On an internal error, print the full details.")
    boolean debug;

    private final Io io;

    @Mixin
    QuestionnaireOption questionnaireOption;

    @Mixin
    EmergencyNumberOption emergencyNumber;

    @Mixin
    InteractiveOptions interactive;

    public SpinecheckCommand(Io io) {
        this.io = io;
    }

    /** With no subcommand: the interactive screening. */
    @Override
    public Integer call() {
        Wording wording = emergencyNumber.wording(io);
        return interactive.start(io, questionnaireOption.load(new TreeReader(), wording), wording, Map.of());
    }
}
