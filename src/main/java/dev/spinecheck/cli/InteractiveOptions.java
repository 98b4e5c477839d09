package dev.spinecheck.cli;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.shell.InteractiveScreening;
import dev.spinecheck.shell.ShellLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options of the interactive screening, shared by {@code spinecheck} and {@code spinecheck run}. */
public final class InteractiveOptions {

    @Option(names = "--plain", scope = ScopeType.LOCAL,
            description = "Screen-reader friendly: no colour, no cursor movement, every option numbered, each answer repeated.")
    boolean plain;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", scope = ScopeType.LOCAL,
            description = "auto, always or never. Default: ${DEFAULT-VALUE} (off with NO_COLOR, TERM=dumb or --plain).")
    ShellLauncher.Colour colour;

    @Option(names = "--no-save", scope = ScopeType.LOCAL, description = "Keep nothing on disk while you answer.")
    boolean noSave;

    @Option(names = "--save", paramLabel = "FILE", scope = ScopeType.LOCAL,
            description = "Keep your answers in FILE (kept after the result too). Default: a private file under"
                    + " $XDG_STATE_HOME/spinecheck/ (else ~/.local/state/spinecheck/), removed once you see your result.")
    Path save;

    @Option(names = "--report", paramLabel = "FILE.md|FILE.json", scope = ScopeType.LOCAL,
            description = "Also write the result as a Markdown summary to bring to an appointment, or (a name ending in"
                    + " .json) as a FHIR R4 Bundle for a health record, as run --format fhir writes it.")
    Path report;

    @Option(names = "--force", scope = ScopeType.LOCAL, description = "Let --report replace an existing file.")
    boolean force;

    /** Starts the interactive screening, or says why it cannot (no one at a terminal: exit 2, never a hang). */
    int start(Io io, Questionnaire questionnaire, Wording wording, Map<String, Answer> initialAnswers) {
        if (noSave && save != null) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: --save and --no-save cannot be used together — choose one");
        }
        if (report != null && !force && Files.exists(report, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: " + report + " already exists — choose another name, or add --force to replace it");
        }
        if (!ShellLauncher.personAtTerminal()) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: the questions need a person at a terminal, and standard input"
                    + " is not one. To screen answers from a file or a script, use: spinecheck run --answers FILE");
        }
        InteractiveScreening.Options options = new InteractiveScreening.Options(questionnaire, wording, io.env(),
                Optional.ofNullable(save), noSave, Optional.ofNullable(report), force, initialAnswers);
        try {
            return ShellLauncher.run(options, plain, colour);
        } catch (IOException e) {
            throw new UserError(ExitStatus.INTERNAL_ERROR, "spinecheck: the terminal could not be opened (" + e.getMessage() + ")");
        }
    }
}
