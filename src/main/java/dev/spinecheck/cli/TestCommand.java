package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.Inputs;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TestSuite;
import dev.spinecheck.load.TestSuiteReader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.AuthorTestsJson;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.script.AuthorTests;
import dev.spinecheck.script.ExitStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spinecheck test [QUESTIONNAIRE...]}: the author test cases, with coverage. */
@Command(name = "test",
        header = "Run a questionnaire's author test cases and show what they cover.",
        description = "The cases of questionnaire DIR/NAME.yaml live in DIR/tests/NAME.yaml (the bundled"
                + " questionnaire's in questionnaires/tests/). Each case gives answers, the expected level, the flags that"
                + " must fire and, optionally, flags that must not fire, the exact questions asked and whether the walk"
                + " stops early. Prints pass or fail per case with what differed, then coverage: the flags fired, the"
                + " questions asked and the answer codes used in some case. Every questionnaire given is tested, even"
                + " after one that cannot be.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE, ExitCodes.TESTS_FAILED,
            ExitCodes.INVALID_QUESTIONNAIRE_OR_TESTS, ExitCodes.UNREADABLE, ExitCodes.CANNOT_WRITE, ExitCodes.BROKEN_PIPE})
public final class TestCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "QUESTIONNAIRE", description = "Questionnaire files. Default: the bundled questionnaire.")
    List<Path> questionnaires = new ArrayList<>();

    @Mixin
    FormatOption format;

    public TestCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        TreeReader reader = new TreeReader();
        QuestionnaireLoader loader = new QuestionnaireLoader(reader);
        int exit = ExitStatus.OK;
        if (questionnaires.isEmpty()) {
            exit = ExitStatus.combine(exit, reported(() -> run(reader, load(() -> loader.bundled()),
                    load(() -> loader.bundledTests(QuestionnaireLoader.BUNDLED)))));
        }
        for (Path file : questionnaires) {
            exit = ExitStatus.combine(exit, reported(() -> {
                Questionnaire questionnaire = load(() -> loader.load(file));
                Path tests = (file.toAbsolutePath().getParent()).resolve("tests").resolve(file.getFileName());
                String name = file.getParent() == null ? Path.of("tests").resolve(file.getFileName()).toString()
                        : file.getParent().resolve("tests").resolve(file.getFileName()).toString();
                if (!Files.exists(tests) && !Files.isSymbolicLink(tests)) {
                    throw new UserError(ExitStatus.UNREADABLE_INPUT, "no test cases for " + Problem.visible(file.toString())
                            + ": expected in " + Problem.visible(name) + " — write them there (spinecheck test --help shows the format)");
                }
                QuestionnaireLoader.Source source = load(() -> new QuestionnaireLoader.Source(name, Inputs.readFile(tests)));
                return run(reader, questionnaire, source);
            }));
        }
        return exit;
    }

    /** Runs the tests of one questionnaire; one that cannot be tested is reported (as JSON too) and the next goes on. */
    private int reported(java.util.function.IntSupplier test) {
        try {
            return test.getAsInt();
        } catch (UserError e) {
            e.lines().forEach(io.err()::println);
            io.err().flush();
            if (format.json()) {
                JsonReport.error(e.exitCode(), e.lines(), io.out());
                io.out().flush();
            }
            return e.exitCode();
        }
    }

    private interface Loading<T> {
        T load() throws InvalidInputException, UnreadableInputException;
    }

    private static <T> T load(Loading<T> loading) {
        try {
            return loading.load();
        } catch (InvalidInputException e) {
            throw new UserError(ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        } catch (UnreadableInputException e) {
            throw new UserError(ExitStatus.UNREADABLE_INPUT, e.getMessage());
        }
    }

    private int run(TreeReader reader, Questionnaire questionnaire, QuestionnaireLoader.Source source) {
        TestSuite suite = load(() -> TestSuiteReader.read(reader.read(source.bytes(), source.name(), TreeReader.Syntax.YAML, 1),
                questionnaire, source.name()));
        AuthorTests.Report report = AuthorTests.run(questionnaire, suite);
        PrintWriter out = io.out();
        if (format.json()) {
            AuthorTestsJson.write(questionnaire, suite, report, out);
        } else {
            text(questionnaire, report, out);
        }
        out.flush();
        return report.failed() == 0 ? ExitStatus.OK : ExitStatus.TESTS_FAILED;
    }

    private static void text(Questionnaire questionnaire, AuthorTests.Report report, PrintWriter out) {
        out.println("Tests of " + questionnaire.id() + " " + questionnaire.version());
        for (AuthorTests.CaseResult result : report.results()) {
            TestSuite.Case c = result.testCase();
            if (result.passed()) {
                out.println("  PASS  " + c.name());
            } else {
                out.println("  FAIL  " + c.name() + " (" + c.at() + ")");
                result.differences().forEach(d -> out.println("          " + d));
            }
        }
        AuthorTests.Coverage cov = report.coverage();
        int flags = cov.flagsFired().size() + cov.flagsNotFired().size();
        int questions = cov.questionsAsked().size() + cov.questionsNotAsked().size();
        int codesUsed = cov.codes() - cov.codesNotUsed().size();
        out.println("Coverage");
        out.println("  flags fired in some case:     " + cov.flagsFired().size() + " of " + flags + " ("
                + AuthorTests.percent(cov.flagsFired().size(), flags) + ")" + list(cov.flagsNotFired()));
        out.println("  questions asked in some case: " + cov.questionsAsked().size() + " of " + questions + " ("
                + AuthorTests.percent(cov.questionsAsked().size(), questions) + ")" + list(cov.questionsNotAsked()));
        out.println("  answer codes used:            " + codesUsed + " of " + cov.codes() + " ("
                + AuthorTests.percent(codesUsed, cov.codes()) + ")" + list(cov.codesNotUsed()));
        out.println(report.passed() + " passed, " + report.failed() + " failed");
    }

    private static String list(List<String> missing) {
        return missing.isEmpty() ? "" : " — not yet: " + String.join(", ", missing);
    }
}
