package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.files.OutputTarget;
import dev.spinecheck.load.FileNames;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.INVALID_BATCH, ExitCodes.UNREADABLE_BATCH,
            ExitCodes.CANNOT_CREATE, ExitCodes.CANNOT_WRITE, ExitCodes.BROKEN_PIPE})
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

    private final Tally tally = new Tally();
    private final int workers;

    public BatchCommand(Io io) {
        this(io, OrderedBatch.defaultWorkers());
    }

    /** @param workers how many JSON Lines records are screened at once (1: each in turn, on the calling thread) */
    BatchCommand(Io io, int workers) {
        this.io = io;
        this.workers = workers;
    }

    @Override
    public Integer call() throws IOException {
        // Where the results go is checked before anything is screened: a folder, a socket, a missing or read-only
        // folder, or one of the inputs, is said at once in plain words.
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.check("batch", path));
        file.ifPresent(f -> refuseInputAsOutput(f.target()));
        TreeReader reader = new TreeReader();
        Wording wording = emergencyNumber.wording(io);
        Questionnaire questionnaire = questionnaireOption.load(reader, wording);
        ScriptedScreening screening = new ScriptedScreening(questionnaire, reader);
        Report report;
        if (format == Format.fhir) {
            FhirBundle fhir = new FhirBundle(wording);
            report = (out, bytes) -> new FhirLines(fhir, questionnaire, out);
        } else {
            JsonReport json = new JsonReport(wording);
            report = (out, bytes) -> new JsonResultLines(json.lines(bytes.isEmpty()), questionnaire, out, bytes.orElse(null));
        }
        if (file.isEmpty()) {
            run(screening, report, io.out(), io.outBytes());
            io.out().flush();
        } else {
            file.get().writeOutput(io, (out, bytes) -> run(screening, report, out, bytes));
        }
        io.err().println(tally.summary());
        io.err().flush();
        return tally.exit();
    }

    /** The results must never replace what they are made from: an answer file, a folder's answer file, the questionnaire. */
    private void refuseInputAsOutput(OutputTarget target) {
        if (!(target instanceof OutputTarget.Replaceable replaceable) || !replaceable.exists()) {
            return;
        }
        List<String> sources = new ArrayList<>(inputs);
        if (questionnaireOption.file != null) {
            sources.add(questionnaireOption.file.toString());
        }
        for (String input : sources) {
            if (input.equals("-")) {
                continue;
            }
            try {
                Path path = FileNames.of(input);
                boolean same = Files.isDirectory(path) ? isAnswerFile(output) && output.toAbsolutePath().getParent() != null
                        && Files.isSameFile(path, output.toAbsolutePath().getParent()) : Files.exists(path) && Files.isSameFile(path, output);
                if (same) {
                    throw new UserError(ExitStatus.USAGE, "spinecheck batch: --output " + FileNames.display(output) + " is "
                            + (Files.isDirectory(path) ? "an answer file in the input folder " : "the input ") + FileNames.display(path)
                            + ", and the results would replace it — choose another name for the output");
                }
            } catch (IOException | InvalidPathException e) {
                // An input that cannot be looked at is reported when it is read; it is not the output.
            }
        }
    }

    private void run(ScriptedScreening screening, Report report, Writer text, Optional<OutputStream> bytes) throws IOException {
        if (bytes.isPresent()) {
            // Bytes go under the writer from here on: nothing of it may be left behind them.
            text.flush();
        }
        OrderedBatch.Render render = () -> report.lines(text, bytes);
        OrderedBatch.Lines out = render.lines();
        for (String input : inputs) {
            if (input.equals("-")) {
                lines(screening, render, "-", io.in());
                continue;
            }
            Path path;
            try {
                path = FileNames.of(input);
            } catch (InvalidPathException e) {
                // A name that cannot be a path cannot be written exactly either: it is shown escaped.
                emit(Verdict.Refused.of(Problem.visible(input), ExitStatus.UNREADABLE_INPUT,
                        List.of(FileNames.shown(input) + ": " + e.getReason())), out);
                continue;
            }
            String source = FileNames.name(path);
            String name = FileNames.display(path);
            if (Files.isDirectory(path)) {
                List<Path> files;
                try {
                    files = folder(path);
                } catch (IOException e) {
                    // One unreadable (or vanished) folder is one error; the batch goes on.
                    emit(Verdict.Refused.of(source, ExitStatus.UNREADABLE_INPUT, List.of(Inputs.unreadable(name, e))), out);
                    continue;
                }
                if (files.isEmpty()) {
                    emit(Verdict.Refused.of(source, ExitStatus.UNREADABLE_INPUT, List.of(name
                            + ": the folder holds no answer files (*.yaml, *.yml, *.json) — give a folder of answer files, or the files themselves")),
                            out);
                }
                for (Path file : files) {
                    emit(file(screening, file), out);
                }
            } else if (input.toLowerCase(Locale.ROOT).endsWith(".jsonl") && Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    lines(screening, render, source, in);
                } catch (IOException e) {
                    emit(Verdict.Refused.of(source, ExitStatus.UNREADABLE_INPUT, List.of(Inputs.unreadable(name, e))), out);
                }
            } else {
                emit(file(screening, path), out);
            }
        }
    }

    private static boolean isAnswerFile(Path path) {
        Path name = path.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /** Lines in the chosen format, written out as characters to the writer or as UTF-8 bytes to the stream under it. */
    private interface Report {
        OrderedBatch.Lines lines(Writer text, Optional<OutputStream> bytes);
    }

    /** Result lines, rendered as UTF-8 where there is a byte stream to write them to. */
    private static final class JsonResultLines implements OrderedBatch.Lines {
        private final JsonReport.Lines lines;
        private final Questionnaire questionnaire;
        private final Writer text;
        private final OutputStream bytes;

        /** @param bytes the stream under {@code text}, or null: then the lines are written to {@code text} */
        JsonResultLines(JsonReport.Lines lines, Questionnaire questionnaire, Writer text, OutputStream bytes) {
            this.lines = lines;
            this.questionnaire = questionnaire;
            this.text = text;
            this.bytes = bytes;
        }

        @Override
        public void write(Verdict verdict) {
            lines.write(verdict, questionnaire, true);
        }

        @Override
        public void writeOut() throws IOException {
            if (bytes == null) {
                lines.writeTo(text);
                return;
            }
            bytes.write(lines.bytes(), 0, lines.length());
            bytes.flush();
            lines.clear();
        }
    }

    /** FHIR Bundle lines, as characters. */
    private static final class FhirLines implements OrderedBatch.Lines {
        private final OrderedBatch.CharSink lines = new OrderedBatch.CharSink(new char[1 << 16]);
        private final FhirBundle fhir;
        private final Questionnaire questionnaire;
        private final Writer text;

        FhirLines(FhirBundle fhir, Questionnaire questionnaire, Writer text) {
            this.fhir = fhir;
            this.questionnaire = questionnaire;
            this.text = text;
        }

        @Override
        public void write(Verdict verdict) {
            fhir.write(verdict, questionnaire, lines);
        }

        @Override
        public void writeOut() throws IOException {
            text.write(lines.chars(), 0, lines.length());
            text.flush();
            lines.clear();
        }
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
                if (output != null && AtomicFile.isTemporaryOf(entry, output)) {
                    // The results being written into this folder: ours, and not an input.
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    skipped.add(FileNames.display(entry) + " (a folder: subfolders are not read)");
                } else if (isAnswerFile(entry)) {
                    files.add(entry);
                } else {
                    skipped.add(FileNames.display(entry) + " (not a .yaml, .yml or .json file)");
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        files.sort(null);
        skipped.sort(null);
        skipped.forEach(s -> io.err().println("spinecheck batch: skipped " + Problem.visible(s)));
        return files;
    }

    private static Verdict file(ScriptedScreening screening, Path path) {
        String source = FileNames.name(path);
        try {
            return screening.screen(source, Inputs.readFile(path), TreeReader.syntaxFor(source));
        } catch (UnreadableInputException e) {
            return Verdict.Refused.of(source, ExitStatus.UNREADABLE_INPUT, List.of(e.getMessage()));
        } catch (InvalidInputException e) {
            return Verdict.Refused.of(source, ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        }
    }

    private void lines(ScriptedScreening screening, OrderedBatch.Render render, String name, InputStream in) {
        new OrderedBatch(workers).run(new JsonLines(in), line -> record(screening, name, line), e -> readFailure(name, e), render, tally);
    }

    private static Verdict record(ScriptedScreening screening, String name, JsonLines.Line line) {
        String source = name + ":" + line.number();
        return line.tooLong()
                ? Verdict.Refused.of(source, ExitStatus.INVALID_INPUT, List.of(new Problem(new Location(name, line.number(), 1),
                        TreeReader.tooLarge(line.length()).replace("the file", "the line")).toString()))
                : screening.screen(source, name, line.bytes(), TreeReader.Syntax.JSON, line.number());
    }

    /** When the input cannot be read further, that is one error. */
    private static Verdict readFailure(String name, IOException e) {
        if (e instanceof StandardInput.NoStandardInputException) {
            return Verdict.Refused.of(name, ExitStatus.UNREADABLE_INPUT, List.of(Problem.visible(name) + ": " + e.getMessage()
                    + " — pipe the JSON Lines in (spinecheck batch - < answers.jsonl), or give the files"));
        }
        return Verdict.Refused.of(name, ExitStatus.UNREADABLE_INPUT, List.of(Inputs.unreadable(Problem.visible(name), e)));
    }

    private void emit(Verdict verdict, OrderedBatch.Lines out) throws IOException {
        // A failed write throws OutputFailure, which ends the batch at once (Cli reports it).
        out.write(verdict);
        out.writeOut();
        tally.add(verdict);
    }
}
