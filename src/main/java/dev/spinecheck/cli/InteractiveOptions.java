package dev.spinecheck.cli;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.shell.InteractiveScreening;
import dev.spinecheck.shell.ShellLauncher;
import dev.spinecheck.engine.Result;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.files.OutputFailure;
import dev.spinecheck.files.OutputTarget;
import dev.spinecheck.files.ThrowingOutputStream;
import dev.spinecheck.files.UnusableOutputException;
import dev.spinecheck.load.FileNames;
import dev.spinecheck.render.MarkdownReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.script.Verdict;
import java.io.StringWriter;
import java.util.Locale;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options of the interactive screening, shared by {@code spinecheck} and {@code spinecheck run}. */
public final class InteractiveOptions {

    @Option(names = "--plain", scope = ScopeType.LOCAL,
            description = "Screen-reader friendly: no colour, no cursor movement, no drawn lines, every option numbered, each answer repeated.")
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

    @Option(names = "--force", scope = ScopeType.LOCAL,
            description = "Let --report replace an existing file, and --save use a file that is not a progress file.")
    boolean force;

    private static final List<String> INTERACTIVE_ONLY = List.of("--plain", "--color", "--no-save", "--save");

    /** A scripted run cannot use the options of the interactive screening: say so, never ignore them silently. */
    void refuseInteractiveOnly(Predicate<String> onCommandLine, String because) {
        List<String> given = new ArrayList<>();
        for (String option : INTERACTIVE_ONLY) {
            if (onCommandLine.test(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new UserError(ExitStatus.USAGE, "spinecheck run: " + String.join(", ", given) + (given.size() == 1 ? " is" : " are")
                    + " only for the interactive screening, and " + because + " screens a file without asking — remove "
                    + (given.size() == 1 ? "it" : "them") + ", or add --ask-missing to be asked what the file leaves out");
        }
    }

    Optional<Path> report() {
        return Optional.ofNullable(report);
    }

    /**
     * The --report target is checked before anything is asked or screened: an existing file (it needs --force), one of
     * the inputs (never replaced), a missing or read-only folder, a folder or a socket. A scripted run may also write
     * the summary straight into a device, a FIFO or standard output.
     */
    void checkReport(boolean scripted, List<Path> inputs) {
        if (report == null) {
            return;
        }
        OutputTarget target;
        try {
            target = OutputTarget.of(report);
        } catch (UnusableOutputException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot write the summary there: " + e.getMessage());
        }
        if (target instanceof OutputTarget.Stream) {
            if (!scripted) {
                throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: " + FileNames.display(report) + " is not a regular file, and the"
                        + " interactive screening saves its summary to a file — give a file name, like spine-summary.md");
            }
            return;
        }
        if (!((OutputTarget.Replaceable) target).exists()) {
            return;
        }
        for (Path input : inputs) {
            try {
                if (Files.exists(input) && Files.isSameFile(input, report)) {
                    throw new UserError(ExitStatus.USAGE, "spinecheck: --report " + FileNames.display(report) + " is the input "
                            + FileNames.display(input) + ", and the summary would replace it — choose another name for the summary");
                }
            } catch (IOException e) {
                // An input that cannot be looked at is reported when it is read.
            }
        }
        if (!force) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: " + FileNames.display(report)
                    + " already exists — choose another name, or add --force to replace it");
        }
    }

    /** --save never turns a file that is not a progress file of this questionnaire into one, unless --force says so. */
    void checkSave(Questionnaire questionnaire) {
        if (save == null) {
            return;
        }
        if (Files.isDirectory(save)) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: --save " + save + " is a folder — give a file name, like "
                    + save.resolve("spine-screening.progress.yaml"));
        }
        Path folder = save.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot keep your answers in " + save + ": the folder "
                    + folder + " does not exist — create it first, or choose another place");
        }
        if (force) {
            return;
        }
        ShellLauncher.refusalToReplace(save, questionnaire).ifPresent(why -> {
            throw new UserError(ExitStatus.USAGE, "spinecheck: --save " + save + ": " + why + ", so it is not replaced — choose"
                    + " another file, or add --force to replace it");
        });
    }

    /**
     * Writes the summary of a scripted run when --report was given: Markdown, or for a name ending in .json the FHIR
     * Bundle that run --format fhir writes.
     */
    void writeReport(Io io, Wording wording, Verdict.Screened screened) {
        if (report == null) {
            return;
        }
        Result result = screened.result();
        String text;
        if (report.getFileName() != null && report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            StringWriter bundle = new StringWriter();
            new FhirBundle(wording).write(screened, result.questionnaire(), bundle);
            text = bundle.toString();
        } else {
            text = new MarkdownReport(wording).render(result, ZonedDateTime.now(), screened.answers().record());
        }
        String name = FileNames.display(report);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        OutputTarget target;
        try {
            target = OutputTarget.of(report);
        } catch (UnusableOutputException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot write the summary there: " + e.getMessage());
        }
        if (target instanceof OutputTarget.Stream stream) {
            if (stream.standardOutput()) {
                io.out().print(text);
                io.out().flush();
                return;
            }
            try (OutputStream out = stream.open()) {
                new ThrowingOutputStream(out, Optional.of(name)).write(bytes);
            } catch (IOException e) {
                throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot open " + name + " for the summary: "
                        + OutputFailure.reason(e) + " — choose another place");
            }
            io.err().println("spinecheck: the summary was written to " + name);
            return;
        }
        AtomicFile file;
        try {
            file = AtomicFile.begin(report);
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot create the summary " + name + ": " + OutputFailure.reason(e)
                    + " — choose another place");
        }
        try (file) {
            file.stream().write(bytes);
            if (force) {
                file.commit();
            } else {
                file.commitNew();
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: " + name + " appeared while screening, and was not replaced"
                    + " — choose another name, or add --force");
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_WRITE, "spinecheck: cannot write the summary to " + name + ": "
                    + OutputFailure.reason(e) + " — " + name + " was not changed; free some space or choose another place");
        }
        io.err().println("spinecheck: the summary was written to " + FileNames.display(report.toAbsolutePath()));
    }

    /** Starts the interactive screening, or says why it cannot (no one at a terminal: exit 2, never a hang). */
    int start(Io io, Questionnaire questionnaire, Wording wording, Map<String, Answer> initialAnswers) {
        if (noSave && save != null) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: --save and --no-save cannot be used together — choose one");
        }
        checkReport(false, List.of());
        checkSave(questionnaire);
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
