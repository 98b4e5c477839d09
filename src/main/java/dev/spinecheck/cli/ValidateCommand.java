package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.load.TopicReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.ValidationJson;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.TopicValidation;
import dev.spinecheck.script.Validation;
import java.io.PrintWriter;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spinecheck validate [FILE...]}: every problem of a questionnaire at once, and proof that all of it is reachable. */
@Command(name = "validate",
        header = "Check questionnaires: every problem at once, and proof that every question and flag is reachable.",
        description = "Reports every problem it finds as file:line:col: what is wrong — what to do. Checks each condition"
                + " on its own (one that can never be true is an error), then proves, by finding an answer set for each,"
                + " that every question can be asked and every flag can fire (taking the emergency stop into account), or"
                + " reports that it can never be. The summary says valid only when nothing is wrong and everything is"
                + " proved; \"not proved\" (exit 5) when the search could not decide everything within --budget. With no"
                + " FILE, checks the bundled questionnaire and the topics of spinecheck learn. A FILE that is a folder of"
                + " topics (it holds topics.yaml), or a file in one, checks those topics: every part present, every link"
                + " resolved.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.NOT_PROVED, ExitCodes.INVALID_QUESTIONNAIRE,
            ExitCodes.UNREADABLE, ExitCodes.CANNOT_CREATE, ExitCodes.CANNOT_WRITE, ExitCodes.BROKEN_PIPE})
public final class ValidateCommand implements Callable<Integer> {
    /** The largest --budget accepted: far beyond any real questionnaire, and still minutes, not days, per target. */
    static final long MAX_BUDGET = 1_000_000_000L;

    private final Io io;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Questionnaire files (YAML), or folders of learn topics. Default: the bundled questionnaire and topics.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", paramLabel = "DIR",
            description = "Write an example answer set for each question and flag into DIR, one ready-to-run answer file each"
                    + " (only the answers needed, harmless elsewhere); - prints them instead.")
    String explain;

    @Mixin
    FormatOption format;

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
        ExplainFiles explainFiles = explain == null || explain.equals("-") ? null : ExplainFiles.prepare(Path.of(explain));
        TreeReader reader = new TreeReader();
        QuestionnaireLoader loader = new QuestionnaireLoader(reader);
        TopicLoader topics = new TopicLoader(reader);
        TopicValidation bundledTopics = TopicValidation.of(TopicLoader.BUNDLED, topics::bundled);
        Optional<TopicLibrary> library = bundledTopics.library();
        List<Runnable> reports = new ArrayList<>();
        List<Validation> validations = new ArrayList<>();
        int exit = ExitStatus.OK;
        if (files.isEmpty()) {
            Validation v = validate("questionnaires/" + QuestionnaireLoader.BUNDLED + ".yaml",
                    () -> loader.bundledLocated(QuestionnaireLoader.BUNDLED), library);
            reports.add(() -> report(v, Optional.of(bundledTopics)));
            validations.add(v);
            exit = ExitStatus.combine(ExitStatus.combine(exit, v.exitCode()), bundledTopics.exitCode());
        }
        Set<Path> folders = new HashSet<>();
        for (Path file : files) {
            Optional<Path> folder = topicFolder(file);
            if (folder.isPresent()) {
                if (folders.add(folder.get().toAbsolutePath().normalize())) {
                    TopicValidation t = TopicValidation.of(folder.get().toString(), () -> topics.load(folder.get()));
                    reports.add(() -> report(t));
                    exit = ExitStatus.combine(exit, t.exitCode());
                }
                continue;
            }
            Validation v = validate(dev.spinecheck.load.FileNames.name(file), () -> loader.loadLocated(file), library);
            reports.add(() -> report(v, Optional.empty()));
            validations.add(v);
            exit = ExitStatus.combine(exit, v.exitCode());
        }
        reports.forEach(Runnable::run);
        io.out().flush();
        if (explainFiles != null) {
            for (Validation v : validations) {
                v.questionnaire().ifPresent(located -> explainFiles.write(located.questionnaire(), v.reach().orElseThrow(), io.err()));
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
        if (format.json()) {
            ValidationJson.write(v, explain != null, topics, io.out());
        } else {
            text(v, topics, io.out());
        }
    }

    private void report(TopicValidation t) {
        if (format.json()) {
            ValidationJson.write(t, io.out());
        } else {
            text(t, io.out());
        }
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
        QuestionnaireReader.Located load() throws InvalidInputException, UnreadableInputException;
    }

    /** A questionnaire, its links to topics checked against the topics spinecheck learn shows (the bundled ones). */
    private Validation validate(String source, Loading loading, Optional<TopicLibrary> topics) {
        try {
            return Validation.of(source, loading.load(), budget, topics, new ProgressLines(source, io.err()));
        } catch (InvalidInputException e) {
            return Validation.invalid(source, e.problems());
        } catch (UnreadableInputException e) {
            return Validation.unreadable(source, e.getMessage());
        }
    }

    /** The problems on standard error; the summary and --explain on standard output. */
    private void text(Validation v, Optional<TopicValidation> topics, PrintWriter out) {
        PrintWriter err = io.err();
        v.unreadable().ifPresent(err::println);
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
        out.println(v.source() + ": " + v.status().words() + " — " + questions + " of "
                + report.questions().size() + " questions can be asked, " + flags + " of " + report.flags().size()
                + " flags can fire" + (v.ok() && explain == null ? " (--explain DIR writes an answer set for each)" : ""));
        topics.ifPresent(t -> text(t, out));
        if ("-".equals(explain)) {
            ExplainFiles.examples(questionnaire, report).forEach((name, text) -> {
                out.println();
                out.println("# ---- " + name);
                out.print(text);
            });
        }
    }

    /** Says what a long search is doing: after a few seconds, then now and then, one line on standard error. */
    private static final class ProgressLines implements Reachability.Progress {
        private static final long FIRST = 3_000_000_000L;
        private static final long EVERY = 5_000_000_000L;
        private final String source;
        private final PrintWriter err;
        private long next = System.nanoTime() + FIRST;

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

    private static long proved(Map<String, Reachability.Verdict> verdicts) {
        return verdicts.values().stream().filter(Reachability.Proved.class::isInstance).count();
    }
}
