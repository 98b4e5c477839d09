package dev.spinecheck.cli;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.load.TopicReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.AnswerFileText;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.TopicValidation;
import dev.spinecheck.script.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** {@code spinecheck validate [FILE...]}: every problem of a questionnaire at once, and proof that all of it is reachable. */
@Command(name = "validate",
        header = "Check questionnaires: every problem at once, and proof that every question and flag is reachable.",
        description = {
            "Reports every problem it finds as file:line:col: what is wrong — what to do. Then proves, by finding",
            "an answer set for each, that every question can be asked and every flag can fire (taking the",
            "emergency stop into account), or reports that it can never be. With no FILE, checks the bundled",
            "questionnaire and the topics of spinecheck learn. A FILE that is a folder of topics (it holds",
            "topics.yaml), or a file in one, checks those topics: every part present, every link resolved."
        })
public final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Questionnaire files (YAML), or folders of learn topics. Default: the bundled questionnaire and topics.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", description = "Print the example answer sets, as ready-to-run answer files.")
    boolean explain;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

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
        TopicLoader topics = new TopicLoader(reader);
        List<Runnable> reports = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        TopicValidation bundledTopics = TopicValidation.of(TopicLoader.BUNDLED, topics::bundled);
        Optional<TopicLibrary> library = bundledTopics.library();
        if (files.isEmpty()) {
            Validation v = validate("questionnaires/" + QuestionnaireLoader.BUNDLED + ".yaml", () -> loader.bundledLocated(QuestionnaireLoader.BUNDLED), library);
            TopicValidation t = bundledTopics;
            reports.add(() -> report(v, Optional.of(t)));
            exits.add(v.ok() ? ExitStatus.OK : v.exitCode());
            exits.add(t.exitCode());
        }
        Set<Path> folders = new HashSet<>();
        for (Path file : files) {
            Optional<Path> folder = topicFolder(file);
            if (folder.isPresent()) {
                if (folders.add(folder.get().toAbsolutePath().normalize())) {
                    TopicValidation t = TopicValidation.of(folder.get().toString(), () -> topics.load(folder.get()));
                    reports.add(() -> report(t));
                    exits.add(t.exitCode());
                }
                continue;
            }
            Validation v = validate(file.toString(), () -> loader.loadLocated(file), library);
            reports.add(() -> report(v, Optional.empty()));
            exits.add(v.ok() ? ExitStatus.OK : v.exitCode());
        }
        reports.forEach(Runnable::run);
        io.out().flush();
        int exit = ExitStatus.OK;
        for (int code : exits) {
            if (code == ExitStatus.UNREADABLE_INPUT && exit == ExitStatus.OK) {
                exit = ExitStatus.UNREADABLE_INPUT;
            } else if (code != ExitStatus.OK) {
                exit = ExitStatus.INVALID_INPUT;
            }
        }
        return exit;
    }

    /**
     * A folder of {@code learn} topics, when the argument is one (it holds {@code topics.yaml}) or is a file in one:
     * a topic is checked with the others, since its links go to them.
     */
    static Optional<Path> topicFolder(Path file) {
        if (Files.isDirectory(file)) {
            return Files.isRegularFile(file.resolve(TopicReader.INDEX)) ? Optional.of(file) : Optional.empty();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.isRegularFile(parent.resolve(TopicReader.INDEX)) && file.getFileName().toString().endsWith(".yaml")) {
            return Optional.of(file.getParent() == null ? Path.of(".") : file.getParent());
        }
        return Optional.empty();
    }

    /** A questionnaire, with the bundled topics when it is the bundled one (their line comes before any --explain). */
    private void report(Validation v, Optional<TopicValidation> topics) {
        if (format == Format.json) {
            json(v, topics, io.out());
        } else {
            text(v, topics, io.out());
        }
    }

    private void report(TopicValidation t) {
        PrintWriter out = io.out();
        if (format == Format.json) {
            StringWriter buffer = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), buffer)) {
                g.writeStartObject();
                topicFields(g, t);
                g.writeEndObject();
            }
            out.println(buffer);
        } else {
            text(t, out);
        }
    }

    private static void topicFields(JsonGenerator g, TopicValidation t) {
        g.writeStringProperty("file", t.source());
        g.writeBooleanProperty("valid", t.ok());
        problems(g, t.problems().stream().map(p -> new Validation.Finding(Validation.Severity.ERROR, p)).toList());
        t.library().ifPresent(l -> {
            g.writeNumberProperty("topics", l.topics().size());
            g.writeNumberProperty("links", t.links());
        });
    }

    private void text(TopicValidation t, PrintWriter out) {
        PrintWriter err = io.err();
        t.problems().forEach(p -> err.println(t.exitCode() == ExitStatus.UNREADABLE_INPUT ? p.message() : p.toString()));
        err.flush();
        if (t.exitCode() == ExitStatus.INVALID_INPUT) {
            out.println(t.source() + ": not valid — " + t.problems().size() + (t.problems().size() == 1 ? " problem" : " problems")
                    + " in the topics of spinecheck learn");
        }
        t.library().ifPresent(l -> out.println(t.source() + ": valid — " + l.topics().size() + " topics for spinecheck learn, "
                + t.links() + " links between them"));
    }

    private interface Loading {
        dev.spinecheck.load.QuestionnaireReader.Located load() throws InvalidInputException, UnreadableInputException;
    }

    /** A questionnaire, its links to topics checked against the topics spinecheck learn shows (the bundled ones). */
    private Validation validate(String source, Loading loading, Optional<TopicLibrary> topics) {
        try {
            return Validation.of(source, loading.load(), budget, topics);
        } catch (InvalidInputException e) {
            return Validation.failed(source, ExitStatus.INVALID_INPUT, e.problems());
        } catch (UnreadableInputException e) {
            return Validation.failed(source, ExitStatus.UNREADABLE_INPUT,
                    List.of(new dev.spinecheck.load.Problem(dev.spinecheck.load.Location.start(source), e.getMessage())));
        }
    }

    private void text(Validation v, Optional<TopicValidation> topics, PrintWriter out) {
        PrintWriter err = io.err();
        if (v.exitCode() == ExitStatus.UNREADABLE_INPUT) {
            v.findings().forEach(f -> err.println(f.problem().message()));
            err.flush();
            topics.ifPresent(t -> text(t, out));
            return;
        }
        v.findings().forEach(f -> err.println(f));
        err.flush();
        if (v.questionnaire().isEmpty()) {
            topics.ifPresent(t -> text(t, out));
            return;
        }
        Questionnaire questionnaire = v.questionnaire().get().questionnaire();
        Reachability.Report report = v.reach().orElseThrow();
        long questions = proved(report.questions());
        long flags = proved(report.flags());
        out.println(v.source() + ": " + (v.ok() ? "valid" : "not valid") + " — " + questions + " of "
                + report.questions().size() + " questions can be asked, " + flags + " of " + report.flags().size()
                + " flags can fire" + (v.ok() && !explain ? " (--explain shows an answer set for each)" : ""));
        topics.ifPresent(t -> text(t, out));
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

    private void json(Validation v, Optional<TopicValidation> topics, PrintWriter out) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), buffer)) {
            g.writeStartObject();
            g.writeStringProperty("file", v.source());
            g.writeBooleanProperty("valid", v.ok());
            problems(g, v.findings());
            v.reach().ifPresent(report -> {
                verdicts(g, "questions", report.questions());
                verdicts(g, "flags", report.flags());
            });
            topics.ifPresent(t -> {
                g.writeName("learn");
                g.writeStartObject();
                topicFields(g, t);
                g.writeEndObject();
            });
            g.writeEndObject();
        }
        out.println(buffer);
    }

    private static void problems(JsonGenerator g, List<Validation.Finding> findings) {
        g.writeName("problems");
        g.writeStartArray();
        for (Validation.Finding f : findings) {
            g.writeStartObject();
            g.writeStringProperty("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringProperty("file", f.problem().at().source());
            g.writeNumberProperty("line", f.problem().at().line());
            g.writeNumberProperty("column", f.problem().at().column());
            g.writeStringProperty("message", f.problem().message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void verdicts(JsonGenerator g, String name, Map<String, Reachability.Verdict> verdicts) {
        g.writeName(name);
        g.writeStartObject();
        verdicts.forEach((id, verdict) -> {
            g.writeName(id);
            g.writeStartObject();
            if (verdict instanceof Reachability.Proved proved) {
                g.writeStringProperty("status", "proved");
                if (explain) {
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
