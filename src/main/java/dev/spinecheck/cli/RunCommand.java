package dev.spinecheck.cli;

import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.FileNames;
import dev.spinecheck.load.Inputs;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.TextReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import dev.spinecheck.shell.ShellLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spinecheck run --answers FILE}: one scripted screening (spec sections 5 and 7). */
@Command(name = "run",
        header = "Screen one answer file and print the result (or answer the questions in the terminal).",
        description = "Walks the questionnaire with the answers in FILE (YAML or JSON; - reads standard input) exactly as"
                + " a person would be walked: it stops at the first emergency, and a question on the way without an answer"
                + " is an error that names every missing question (with --ask-missing on a terminal, they are asked)."
                + " Answers to questions that were never asked are listed in not_asked. Without --answers, the"
                + " interactive screening starts.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.NOT_FINISHED,
            ExitCodes.INVALID_QUESTIONNAIRE_OR_ANSWERS, ExitCodes.UNREADABLE, ExitCodes.CANNOT_CREATE, ExitCodes.CANNOT_WRITE,
            ExitCodes.HUNG_UP, ExitCodes.INTERRUPTED, ExitCodes.BROKEN_PIPE})
public final class RunCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    @Mixin
    QuestionnaireOption questionnaireOption;

    @Mixin
    EmergencyNumberOption emergencyNumber;

    @Option(names = {"-a", "--answers"}, paramLabel = "FILE|-", description = "The answer file (YAML or JSON), or - for standard input.")
    String answers;

    @Option(names = "--ask-missing",
            description = "On a terminal, ask the questions the answer file leaves out (without it, missing answers are an error).")
    boolean askMissing;

    @Mixin
    InteractiveOptions interactive;

    @Mixin
    ScreeningFormatOption format;

    /** Whether an option was given: set by {@link QuickCommandLine}; else picocli's parse result tells. */
    Predicate<String> given;

    public RunCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        TreeReader reader = new TreeReader();
        Wording wording = emergencyNumber.wording(io);
        Questionnaire questionnaire = questionnaireOption.load(reader, wording);
        if (answers == null) {
            return interactive.start(io, questionnaire, wording, java.util.Map.of());
        }
        if (!askMissing) {
            interactive.refuseInteractiveOnly(given != null ? given : spec.commandLine().getParseResult()::hasMatchedOption, "--answers");
        }
        interactive.checkReport(true, inputs());
        Verdict verdict = screen(new ScriptedScreening(questionnaire, reader), reader);
        if (askMissing && !answers.equals("-") && verdict instanceof Verdict.Refused refused && !refused.missing().isEmpty()
                && refused.emergency().isEmpty() && refused.problems().size() == refused.missing().size()
                && ShellLauncher.personAtTerminal()) {
            return interactive.start(io, questionnaire, wording, refused.answers().orElseThrow().answers());
        }
        PrintWriter out = io.out();
        TextReport text = new TextReport(wording, Style.plain(), TerminalWidth.of(io));
        if (format.json()) {
            new JsonReport(wording).write(verdict, questionnaire, false, out);
        } else if (format.fhir()) {
            new FhirBundle(wording).write(verdict, questionnaire, out);
        }
        if (verdict instanceof Verdict.Screened screened) {
            if (format.text()) {
                text.render(screened.result()).forEach(out::println);
            }
            out.flush();
            interactive.writeReport(io, wording, screened);
        } else {
            Verdict.Refused refused = (Verdict.Refused) verdict;
            // The emergency comes first on standard error too, so that a script logging only errors sees it.
            Optional<EmergencyPlan> plan = refused.emergency().flatMap(EmergencyPlan::of);
            io.err().println(plan.map(text::emergencyHeadline).orElse(TextReport.NOT_SCREENED));
            if (format.text() && refused.emergency().isPresent()) {
                text.renderEmergencyFirst(refused.emergency().get()).forEach(out::println);
            }
            out.flush();
            refused.problems().forEach(io.err()::println);
            interactive.report().ifPresent(r -> io.err().println("spinecheck: no summary was written to " + r
                    + ", because these answers could not be screened."));
        }
        out.flush();
        return verdict.exitCode();
    }

    /** The files this run reads, which a --report must never replace. */
    private List<Path> inputs() {
        List<Path> inputs = new ArrayList<>();
        if (!answers.equals("-")) {
            try {
                inputs.add(FileNames.of(answers));
            } catch (InvalidPathException e) {
                // Reported when it is read.
            }
        }
        if (questionnaireOption.file != null) {
            inputs.add(questionnaireOption.file);
        }
        return inputs;
    }

    private Verdict screen(ScriptedScreening screening, TreeReader reader) {
        try {
            if (answers.equals("-")) {
                byte[] bytes = Inputs.readLimited(io.in(), "<stdin>");
                return screening.screen("<stdin>", bytes, sniff(bytes));
            }
            Path path = FileNames.of(answers);
            return screening.screen(FileNames.name(path), Inputs.readFile(path), TreeReader.syntaxFor(answers));
        } catch (InvalidPathException e) {
            return Verdict.Refused.of(Problem.visible(answers), ExitStatus.UNREADABLE_INPUT, List.of(FileNames.shown(answers) + ": " + e.getReason()));
        } catch (StandardInput.NoStandardInputException e) {
            return Verdict.Refused.of("<stdin>", ExitStatus.UNREADABLE_INPUT, List.of("spinecheck run: --answers - reads standard input, but "
                    + e.getMessage() + " — give the answer file's name, or pipe the answers in (spinecheck run --answers - < answers.yaml)"));
        } catch (UnreadableInputException e) {
            return Verdict.Refused.of(Problem.visible(answers), ExitStatus.UNREADABLE_INPUT, List.of(e.getMessage()));
        } catch (InvalidInputException e) {
            return Verdict.Refused.of(Problem.visible(answers), ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        } catch (IOException e) {
            return Verdict.Refused.of("<stdin>", ExitStatus.UNREADABLE_INPUT, List.of("standard input cannot be read: " + e.getMessage()));
        }
    }

    /** Standard input has no name to tell its syntax: JSON starts with a brace. */
    static TreeReader.Syntax sniff(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{') {
                return TreeReader.Syntax.JSON;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return TreeReader.Syntax.YAML;
            }
        }
        return TreeReader.Syntax.YAML;
    }
}
