package dev.spinecheck.cli;

import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.load.Inputs;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.JsonLines;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spinecheck batch INPUT...}: many scripted screenings in one process, written as JSON Lines. */
@Command(name = "batch",
        header = "Screen many answer sets and write one JSON line (or one FHIR Bundle line) for each.",
        description = "INPUT is an answer file, a folder (its *.yaml, *.yml and *.json files, sorted by name, not its"
                + " subfolders; anything else in it is named on standard error as skipped), a .jsonl file (one answer"
                + " object per line), or - for JSON Lines on standard input. Each answer set gives one line, in input"
                + " order: 'source' (the path, or path:line) and the fields of 'run --format json', or an 'error' object;"
                + " a folder without answer files is such an error. With --format fhir, each line is a FHIR R4 Bundle"
                + " instead (NDJSON, as FHIR bulk data is written), with an OperationOutcome for an answer set that gives"
                + " no result. A bad input never stops the batch. A summary goes to standard error.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.INVALID_BATCH, ExitCodes.UNREADABLE_BATCH})
public final class BatchCommand implements Callable<Integer> {
    enum Format { json, fhir }

    private final Io io;

    @Mixin
    QuestionnaireOption questionnaireOption;

    @Mixin
    EmergencyNumberOption emergencyNumber;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the JSON Lines to FILE (owner-only, replaced atomically) instead of standard output.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "json (JSON Lines) or fhir (NDJSON: one FHIR R4 Bundle a line). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Answer files, folders, .jsonl files, or - (JSON Lines on standard input).")
    List<String> inputs;

    private final Map<Level, Integer> counts = new EnumMap<>(Level.class);
    private int errors;
    private int exit = ExitStatus.OK;
    private int emergenciesWithErrors;

    public BatchCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        TreeReader reader = new TreeReader();
        Wording wording = emergencyNumber.wording(io);
        Questionnaire questionnaire = wording.filledIn(questionnaireOption.load(reader));
        ScriptedScreening screening = new ScriptedScreening(questionnaire, reader);
        Report report;
        if (format == Format.fhir) {
            report = new FhirBundle(wording)::write;
        } else {
            JsonReport json = new JsonReport(wording);
            report = (verdict, q, out) -> json.write(verdict, q, true, out);
        }
        if (output == null) {
            run(screening, report, io.out());
            io.out().flush();
        } else {
            try (AtomicFile file = AtomicFile.begin(output)) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
                run(screening, report, writer);
                writer.flush();
                file.commit();
            }
        }
        io.err().println(summary());
        io.err().flush();
        return exit;
    }

    private void run(ScriptedScreening screening, Report report, Writer out) throws IOException {
        for (String input : inputs) {
            if (input.equals("-")) {
                lines(screening, report, out, "-", io.in());
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                List<Path> files = folder(path);
                if (files.isEmpty()) {
                    emit(Verdict.Refused.of(input, ExitStatus.UNREADABLE_INPUT, List.of(Problem.visible(input)
                            + ": the folder holds no answer files (*.yaml, *.yml, *.json) — give a folder of answer files, or the files themselves")),
                            screening, report, out);
                }
                for (Path file : files) {
                    emit(file(screening, file), screening, report, out);
                }
            } else if (input.toLowerCase(Locale.ROOT).endsWith(".jsonl") && Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    lines(screening, report, out, input, in);
                } catch (IOException e) {
                    emit(Verdict.Refused.of(input, ExitStatus.UNREADABLE_INPUT, List.of(input + ": cannot be read (" + e.getMessage() + ")")),
                            screening, report, out);
                }
            } else {
                emit(file(screening, path), screening, report, out);
            }
        }
    }

    /** One line for each verdict, in the chosen format. */
    private interface Report {
        void write(Verdict verdict, Questionnaire questionnaire, Writer out);
    }

    /**
     * The answer files of a folder, sorted by name; broken links are kept so that they are reported. Whatever else the
     * folder holds is named on standard error as skipped.
     */
    private List<Path> folder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean answerFile = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
                if (Files.isDirectory(entry)) {
                    skipped.add(entry + " (a folder: subfolders are not read)");
                } else if (answerFile) {
                    files.add(entry);
                } else {
                    skipped.add(entry + " (not a .yaml, .yml or .json file)");
                }
            }
        }
        files.sort(null);
        skipped.sort(null);
        skipped.forEach(s -> io.err().println("spinecheck batch: skipped " + Problem.visible(s)));
        return files;
    }

    private static Verdict file(ScriptedScreening screening, Path path) {
        String source = path.toString();
        try {
            return screening.screen(source, Inputs.readFile(path), TreeReader.syntaxFor(source));
        } catch (UnreadableInputException e) {
            return Verdict.Refused.of(source, ExitStatus.UNREADABLE_INPUT, List.of(e.getMessage()));
        } catch (InvalidInputException e) {
            return Verdict.Refused.of(source, ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        }
    }

    private void lines(ScriptedScreening screening, Report report, Writer out, String name, InputStream in) throws IOException {
        JsonLines lines = new JsonLines(in);
        JsonLines.Line line;
        while ((line = lines.next()) != null) {
            String source = name + ":" + line.number();
            Verdict verdict = line.tooLong()
                    ? Verdict.Refused.of(source, ExitStatus.INVALID_INPUT, List.of(new Problem(new Location(name, line.number(), 1),
                            TreeReader.tooLarge(TreeReader.MAX_BYTES + 1L).replace("the file", "the line")).toString()))
                    : screening.screen(source, name, line.bytes(), TreeReader.Syntax.JSON, line.number());
            emit(verdict, screening, report, out);
        }
    }

    private void emit(Verdict verdict, ScriptedScreening screening, Report report, Writer out) {
        try {
            report.write(verdict, screening.questionnaire(), out);
        } catch (UncheckedIOException e) {
            throw new UserError(ExitStatus.UNREADABLE_INPUT, "cannot write the output: " + e.getCause().getMessage());
        }
        if (verdict instanceof Verdict.Screened screened) {
            counts.merge(screened.result().level(), 1, Integer::sum);
        } else {
            errors++;
            if (((Verdict.Refused) verdict).emergency().isPresent()) {
                // A refused answer set with a certain emergency still counts as an emergency (spec section 7).
                counts.merge(Level.EMERGENCY, 1, Integer::sum);
                emergenciesWithErrors++;
            }
        }
        exit = ExitStatus.combine(exit, verdict.exitCode());
    }

    private String summary() {
        int screened = counts.values().stream().mapToInt(Integer::intValue).sum() - emergenciesWithErrors;
        StringJoiner levels = new StringJoiner(", ");
        for (Level level : Level.values()) {
            String withErrors = level == Level.EMERGENCY && emergenciesWithErrors > 0 ? " (" + emergenciesWithErrors + " with errors)" : "";
            levels.add(level.name() + " " + counts.getOrDefault(level, 0) + withErrors);
        }
        int sets = screened + errors;
        return "spinecheck batch: " + sets + (sets == 1 ? " answer set — " : " answer sets — ") + levels + "; errors " + errors;
    }
}
