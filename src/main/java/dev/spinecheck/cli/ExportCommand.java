package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.fhir.FhirNames;
import dev.spinecheck.render.fhir.FhirQuestionnaire;
import dev.spinecheck.script.ExitStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spinecheck export --format fhir [QUESTIONNAIRE]}: a questionnaire in a standard form for other systems. */
@Command(name = "export",
        header = "Write a questionnaire as a FHIR R4 Questionnaire, for health record systems and form tools.",
        description = {
            "Writes the questions in order with their types, answer options, help and ask-when conditions",
            "(as enableWhen, or as an SDC enableWhenExpression in FHIRPath where enableWhen cannot say it",
            "exactly). The flags, levels and advice are not part of a FHIR Questionnaire and are not written:",
            "a form filled in elsewhere gives no warning and no result. Screen its answers with spinecheck.",
            "With no QUESTIONNAIRE, exports the bundled one."
        })
public final class ExportCommand implements Callable<Integer> {
    enum Format { fhir }

    private final Io io;

    @Mixin
    EmergencyNumberOption emergencyNumber;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "fhir",
            description = "fhir (a FHIR R4 Questionnaire as JSON). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (owner-only, replaced atomically) instead of standard output.")
    Path output;

    @Parameters(arity = "0..1", paramLabel = "QUESTIONNAIRE", description = "The questionnaire (YAML). Default: the bundled one.")
    Path file;

    public ExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Questionnaire questionnaire = load();
        FhirQuestionnaire fhir = new FhirQuestionnaire(FhirNames.SPINECHECK, emergencyNumber.wording(io));
        if (output == null) {
            write(fhir, questionnaire, io.out());
            io.out().flush();
            if (io.out().checkError()) {
                throw new UserError(ExitStatus.UNREADABLE_INPUT, "spinecheck export: the output could not be written");
            }
            return ExitStatus.OK;
        }
        try (AtomicFile atomic = AtomicFile.begin(output)) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(atomic.stream(), StandardCharsets.UTF_8));
            write(fhir, questionnaire, writer);
            writer.flush();
            atomic.commit();
        } catch (IOException e) {
            throw new UserError(ExitStatus.CANNOT_CREATE, "spinecheck export: " + output + " could not be written (" + e.getMessage()
                    + ") — check that the folder exists and that you may write there");
        }
        return ExitStatus.OK;
    }

    private static void write(FhirQuestionnaire fhir, Questionnaire questionnaire, Writer out) {
        fhir.write(questionnaire, out);
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Questionnaire load() {
        QuestionnaireLoader loader = new QuestionnaireLoader(new TreeReader());
        try {
            return file == null ? loader.bundled() : loader.load(file);
        } catch (InvalidInputException e) {
            throw new UserError(ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        } catch (UnreadableInputException e) {
            throw new UserError(ExitStatus.UNREADABLE_INPUT, e.getMessage());
        }
    }
}
