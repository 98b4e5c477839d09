package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.AnswerFileText;
import dev.spinecheck.render.ValidationJson;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.Validation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spinecheck validate [FILE...]}: every problem of a questionnaire at once, and proof that all of it is reachable. */
@Command(name = "validate",
        header = "Check questionnaires: every problem at once, and proof that every question and flag is reachable.",
        description = "Reports every problem it finds as file:line:col: what is wrong — what to do. Then proves, by"
                + " finding an answer set for each, that every question can be asked and every flag can fire (taking the"
                + " emergency stop into account), or reports that it can never be. With no FILE, checks the bundled"
                + " questionnaire.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.INVALID_QUESTIONNAIRE, ExitCodes.UNREADABLE})
public final class ValidateCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Questionnaire files (YAML). Default: the bundled questionnaire.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", description = "Print the example answer sets, as ready-to-run answer files.")
    boolean explain;

    @Mixin
    FormatOption format;

    @Option(names = "--budget", paramLabel = "STEPS", defaultValue = "200000",
            description = "Search steps allowed for each question and flag. Default: ${DEFAULT-VALUE}.")
    long budget;

    public ValidateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        TreeReader reader = new TreeReader();
        QuestionnaireLoader loader = new QuestionnaireLoader(reader);
        List<Validation> validations = new ArrayList<>();
        if (files.isEmpty()) {
            validations.add(validate("questionnaires/" + QuestionnaireLoader.BUNDLED + ".yaml", () -> loader.bundledLocated(QuestionnaireLoader.BUNDLED)));
        }
        for (Path file : files) {
            validations.add(validate(file.toString(), () -> loader.loadLocated(file)));
        }
        PrintWriter out = io.out();
        int exit = ExitStatus.OK;
        for (Validation v : validations) {
            if (format.json()) {
                ValidationJson.write(v, explain, out);
            } else {
                text(v, out);
            }
            exit = ExitStatus.combine(exit, v.exitCode());
        }
        out.flush();
        return exit;
    }

    private interface Loading {
        QuestionnaireReader.Located load() throws InvalidInputException, UnreadableInputException;
    }

    private Validation validate(String source, Loading loading) {
        try {
            return Validation.of(source, loading.load(), budget);
        } catch (InvalidInputException e) {
            return Validation.invalid(source, e.problems());
        } catch (UnreadableInputException e) {
            return Validation.unreadable(source, e.getMessage());
        }
    }

    /** The problems on standard error; the summary and --explain on standard output. */
    private void text(Validation v, PrintWriter out) {
        PrintWriter err = io.err();
        v.unreadable().ifPresent(err::println);
        v.findings().forEach(f -> err.println(f));
        err.flush();
        if (v.questionnaire().isEmpty()) {
            return;
        }
        Questionnaire questionnaire = v.questionnaire().get().questionnaire();
        Reachability.Report report = v.reach().orElseThrow();
        long questions = proved(report.questions());
        long flags = proved(report.flags());
        out.println(v.source() + ": " + (v.ok() ? "valid" : "not valid") + " — " + questions + " of "
                + report.questions().size() + " questions can be asked, " + flags + " of " + report.flags().size()
                + " flags can fire" + (v.ok() && !explain ? " (--explain shows an answer set for each)" : ""));
        if (explain) {
            explain(questionnaire, report, out);
        }
    }

    private static long proved(Map<String, Reachability.Verdict> verdicts) {
        return verdicts.values().stream().filter(Reachability.Proved.class::isInstance).count();
    }

    private void explain(Questionnaire questionnaire, Reachability.Report report, PrintWriter out) {
        report.questions().forEach((id, verdict) -> example(questionnaire, "question", id, "is asked", verdict, out));
        report.flags().forEach((id, verdict) -> example(questionnaire, "flag", id, "fires", verdict, out));
    }

    private static void example(Questionnaire questionnaire, String kind, String id, String effect, Reachability.Verdict verdict, PrintWriter out) {
        if (verdict instanceof Reachability.Proved proved) {
            out.println();
            out.println("# ---- " + questionnaire.id() + "." + kind + "." + id + ".yaml");
            out.print(AnswerFileText.write(questionnaire, proved.example(),
                    List.of("With these answers, " + kind + " " + id + " " + effect + "."), null));
        }
    }
}
