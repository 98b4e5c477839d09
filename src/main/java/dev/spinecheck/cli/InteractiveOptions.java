package dev.spinecheck.cli;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.shell.InteractiveScreening;
import dev.spinecheck.shell.ShellLauncher;
import dev.spinecheck.engine.Result;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.render.MarkdownReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.script.Verdict;
import java.io.StringWriter;
import java.util.Locale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.ZonedDateTime;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
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
    void refuseInteractiveOnly(ParseResult parsed, String because) {
        List<String> given = INTERACTIVE_ONLY.stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new UserError(ExitStatus.USAGE, "spinecheck run: " + String.join(", ", given) + (given.size() == 1 ? " is" : " are")
                    + " only for the interactive screening, and " + because + " screens a file without asking — remove "
                    + (given.size() == 1 ? "it" : "them") + ", or add --ask-missing to be asked what the file leaves out");
        }
    }

    Optional<Path> report() {
        return Optional.ofNullable(report);
    }

    /** The --report target is checked before anything is asked or screened: an existing file, a missing folder. */
    void checkReport() {
        if (report == null) {
            return;
        }
        if (!force && Files.exists(report, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: " + report + " already exists — choose another name, or add --force to replace it");
        }
        Path folder = report.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot write the summary to " + report + ": the folder "
                    + folder + " does not exist — create it first, or choose another place");
        }
        if (Files.isDirectory(report)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: " + report + " is a folder — give a file name, like "
                    + report.resolve("spine-summary.md"));
        }
        if (!Files.isWritable(folder)) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: cannot write the summary to " + report
                    + ": you cannot create files in " + folder + " — choose another place");
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
        String markdown;
        if (report.getFileName() != null && report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            StringWriter bundle = new StringWriter();
            new FhirBundle(wording).write(screened, result.questionnaire(), bundle);
            markdown = bundle.toString();
        } else {
            markdown = new MarkdownReport(wording).render(result, ZonedDateTime.now(), screened.answers().record());
        }
        try (AtomicFile file = AtomicFile.begin(report)) {
            file.stream().write(markdown.getBytes(StandardCharsets.UTF_8));
            if (force) {
                file.commit();
            } else {
                file.commitNew();
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: " + report + " appeared while screening, and was not replaced"
                    + " — choose another name, or add --force");
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck: the summary could not be written to " + report + ": "
                    + e.getMessage());
        }
        io.err().println("spinecheck: the summary was written to " + report.toAbsolutePath());
    }

    /** Starts the interactive screening, or says why it cannot (no one at a terminal: exit 2, never a hang). */
    int start(Io io, Questionnaire questionnaire, Wording wording, Map<String, Answer> initialAnswers) {
        if (noSave && save != null) {
            throw new UserError(ExitStatus.USAGE, "spinecheck: --save and --no-save cannot be used together — choose one");
        }
        checkReport();
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
