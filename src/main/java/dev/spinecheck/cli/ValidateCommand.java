package dev.spinecheck.cli;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** {@code spinecheck validate [FILE...]}: every problem of a questionnaire at once, and proof that all of it is reachable. */
@Command(name = "validate",
        header = "Check questionnaires: every problem at once, and proof that every question and flag is reachable.",
        description = {
            "Reports every problem it finds as file:line:col: what is wrong — what to do. Checks each condition on",
            "its own (one that can never be true is an error), then proves, by finding an answer set for each,",
            "that every question can be asked and every flag can fire (taking the emergency stop into account),",
            "or reports that it can never be. With no FILE, checks the bundled questionnaire.",
            "",
            "The summary says valid only when nothing is wrong and everything is proved. Exit 0 when valid,",
            "65 when something is wrong, 5 (not proved) when nothing is wrong but the search could not decide",
            "everything within --budget."
        })
public final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    /** The largest --budget accepted: far beyond any real questionnaire, and still minutes, not days, per target. */
    static final long MAX_BUDGET = 1_000_000_000L;

    private final Io io;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Questionnaire files (YAML). Default: the bundled questionnaire.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", paramLabel = "DIR",
            description = "Write an example answer set for each question and flag into DIR, one ready-to-run answer file each"
                    + " (only the answers needed, harmless elsewhere); - prints them instead.")
    String explain;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    long budget = 200_000;

    @Option(names = "--budget", paramLabel = "STEPS", defaultValue = "200000",
            description = "Search steps allowed for each question and flag (1 to 1000000000); every step counts. Default: ${DEFAULT-VALUE}.")
    void budget(String value) {
        long steps;
        try {
            steps = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            steps = -1;
        }
        if (steps < 1 || steps > MAX_BUDGET) {
            throw new ParameterException(spec.commandLine(), "--budget must be a whole number of search steps from 1 to "
                    + MAX_BUDGET + ", not '" + value + "'");
        }
        budget = steps;
    }

    public ValidateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ExplainFiles files = explain == null || explain.equals("-") ? null : ExplainFiles.prepare(Path.of(explain));
        TreeReader reader = new TreeReader();
        QuestionnaireLoader loader = new QuestionnaireLoader(reader);
        List<Validation> validations = new ArrayList<>();
        if (this.files.isEmpty()) {
            validations.add(validate("questionnaires/" + QuestionnaireLoader.BUNDLED + ".yaml", () -> loader.bundledLocated(QuestionnaireLoader.BUNDLED)));
        }
        for (Path file : this.files) {
            validations.add(validate(file.toString(), () -> loader.loadLocated(file)));
        }
        PrintWriter out = io.out();
        if (format == Format.json) {
            validations.forEach(v -> json(v, out));
        } else {
            validations.forEach(v -> text(v, out));
        }
        out.flush();
        if (files != null) {
            for (Validation v : validations) {
                v.questionnaire().ifPresent(located -> files.write(located.questionnaire(), v.reach().orElseThrow(), io.err()));
            }
        }
        return exitCode(validations);
    }

    /** The most serious outcome wins: something wrong, then a file that could not be read, then not proved. */
    private static int exitCode(List<Validation> validations) {
        int exit = ExitStatus.OK;
        for (Validation v : validations) {
            int code = v.exitCode();
            if (code == ExitStatus.INVALID_INPUT) {
                return ExitStatus.INVALID_INPUT;
            }
            if (code == ExitStatus.UNREADABLE_INPUT || code == ExitStatus.NOT_PROVED && exit == ExitStatus.OK) {
                exit = code;
            }
        }
        return exit;
    }

    private interface Loading {
        QuestionnaireReader.Located load() throws InvalidInputException, UnreadableInputException;
    }

    private Validation validate(String source, Loading loading) {
        try {
            return Validation.of(source, loading.load(), budget, new ProgressLines(source, io.err()));
        } catch (InvalidInputException e) {
            return Validation.failed(source, ExitStatus.INVALID_INPUT, e.problems());
        } catch (UnreadableInputException e) {
            return Validation.failed(source, ExitStatus.UNREADABLE_INPUT, List.of(new Problem(Location.start(source), e.getMessage())));
        }
    }

    /** Says what a long search is doing: after a few seconds, then now and then, one line on standard error. */
    private static final class ProgressLines implements Reachability.Progress {
        private static final long FIRST = 3_000_000_000L;
        private static final long EVERY = 5_000_000_000L;
        private final String source;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long next = start + FIRST;

        ProgressLines(String source, PrintWriter err) {
            this.source = source;
            this.err = err;
        }

        @Override
        public void searching(String target, int done, int total, long steps) {
            long now = System.nanoTime();
            if (now - next < 0) {
                return;
            }
            next = now + EVERY;
            err.println("spinecheck validate: still searching " + source + " — " + done + " of " + total
                    + " questions and flags decided; now " + target + (steps > 0 ? " (" + steps + " steps so far)" : ""));
            err.flush();
        }
    }

    private void text(Validation v, PrintWriter out) {
        PrintWriter err = io.err();
        if (v.exitCode() == ExitStatus.UNREADABLE_INPUT) {
            v.findings().forEach(f -> err.println(f.problem().message()));
            err.flush();
            return;
        }
        v.findings().forEach(err::println);
        err.flush();
        if (v.questionnaire().isEmpty()) {
            return;
        }
        Questionnaire questionnaire = v.questionnaire().get().questionnaire();
        Reachability.Report report = v.reach().orElseThrow();
        long questions = proved(report.questions());
        long flags = proved(report.flags());
        out.println(v.source() + ": " + v.status().words() + " — " + questions + " of "
                + report.questions().size() + " questions can be asked, " + flags + " of " + report.flags().size()
                + " flags can fire" + (v.ok() && explain == null ? " (--explain DIR writes an answer set for each)" : ""));
        if ("-".equals(explain)) {
            ExplainFiles.examples(questionnaire, report).forEach((name, text) -> {
                out.println();
                out.println("# ---- " + name);
                out.print(text);
            });
        }
    }

    private static long proved(Map<String, Reachability.Verdict> verdicts) {
        return verdicts.values().stream().filter(Reachability.Proved.class::isInstance).count();
    }

    private void json(Validation v, PrintWriter out) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), buffer)) {
            g.writeStartObject();
            g.writeStringProperty("file", v.source());
            g.writeBooleanProperty("valid", v.ok());
            g.writeStringProperty("status", v.status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberProperty("exit_code", v.exitCode());
            g.writeName("problems");
            g.writeStartArray();
            for (Validation.Finding f : v.findings()) {
                g.writeStartObject();
                g.writeStringProperty("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringProperty("file", f.problem().at().source());
                g.writeNumberProperty("line", f.problem().at().line());
                g.writeNumberProperty("column", f.problem().at().column());
                g.writeStringProperty("message", f.problem().message());
                g.writeEndObject();
            }
            g.writeEndArray();
            v.reach().ifPresent(report -> {
                verdicts(g, "questions", report.questions());
                verdicts(g, "flags", report.flags());
            });
            g.writeEndObject();
        }
        out.println(buffer);
    }

    private void verdicts(JsonGenerator g, String name, Map<String, Reachability.Verdict> verdicts) {
        g.writeName(name);
        g.writeStartObject();
        verdicts.forEach((id, verdict) -> {
            g.writeName(id);
            g.writeStartObject();
            if (verdict instanceof Reachability.Proved proved) {
                g.writeStringProperty("status", "proved");
                if (explain != null) {
                    g.writeName("example");
                    g.writeStartObject();
                    for (Map.Entry<String, Answer> e : proved.example().entrySet()) {
                        g.writeName(e.getKey());
                        JsonReport.answer(g, e.getValue());
                    }
                    g.writeEndObject();
                }
            } else if (verdict instanceof Reachability.Impossible impossible) {
                g.writeStringProperty("status", "impossible");
                g.writeStringProperty("why", impossible.why());
            } else {
                g.writeStringProperty("status", "undecided");
                g.writeStringProperty("why", ((Reachability.Undecided) verdict).why());
            }
            g.writeEndObject();
        });
        g.writeEndObject();
    }
}
