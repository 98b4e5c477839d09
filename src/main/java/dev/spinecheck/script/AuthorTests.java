package dev.spinecheck.script;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.TestSuite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a questionnaire's author test cases and measures what they cover. */
public final class AuthorTests {

    /** One case's outcome: what differed from the expectation (nothing when it passed). */
    public record CaseResult(TestSuite.Case testCase, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /** Which flags fired, which questions were asked, and which codes were given, over all cases. */
    public record Coverage(List<String> flagsFired, List<String> flagsNotFired, List<String> questionsAsked,
            List<String> questionsNotAsked, int codes, List<String> codesNotUsed) {}

    public record Report(List<CaseResult> results, Coverage coverage) {
        public long passed() {
            return results.stream().filter(CaseResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }
    }

    private AuthorTests() {}

    public static Report run(Questionnaire questionnaire, TestSuite suite) {
        List<CaseResult> results = new ArrayList<>();
        Set<String> fired = new LinkedHashSet<>();
        Set<String> asked = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (TestSuite.Case c : suite.cases()) {
            Walk.Outcome outcome = Walk.run(questionnaire, c.answers());
            results.add(new CaseResult(c, differences(c, outcome)));
            outcome.flags().forEach(f -> fired.add(f.id()));
            for (Map.Entry<String, Answer> e : outcome.answers().entrySet()) {
                asked.add(e.getKey());
                codes(e.getValue()).forEach(code -> used.add(e.getKey() + "." + code));
            }
        }
        List<String> allCodes = new ArrayList<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            step.question().codes().forEach(code -> allCodes.add(step.question().id() + "." + code));
        }
        List<String> flags = questionnaire.flags().stream().map(Flag::id).toList();
        List<String> questions = questionnaire.steps().stream().map(s -> s.question().id()).toList();
        Coverage coverage = new Coverage(
                flags.stream().filter(fired::contains).toList(), flags.stream().filter(f -> !fired.contains(f)).toList(),
                questions.stream().filter(asked::contains).toList(), questions.stream().filter(q -> !asked.contains(q)).toList(),
                allCodes.size(), allCodes.stream().filter(code -> !used.contains(code)).toList());
        return new Report(results, coverage);
    }

    private static List<String> codes(Answer answer) {
        if (answer instanceof Answer.Codes codes) {
            return codes.codes();
        }
        return answer instanceof Answer.Code code ? List.of(code.code()) : List.of();
    }

    private static List<String> differences(TestSuite.Case c, Walk.Outcome outcome) {
        List<String> diff = new ArrayList<>();
        if (!outcome.missing().isEmpty()) {
            diff.add("answers missing for: " + String.join(", ", outcome.missing().stream().map(Question::id).toList()));
        }
        outcome.outOfScopeMessage().ifPresent(m -> diff.add("the walk ended out of scope: " + m));
        if (outcome.level() != c.level()) {
            diff.add("level: expected " + c.level() + ", got " + outcome.level());
        }
        List<String> firedIds = outcome.flags().stream().map(FiredFlag::id).toList();
        List<String> notFired = c.fires().stream().filter(f -> !firedIds.contains(f)).toList();
        if (!notFired.isEmpty()) {
            diff.add("must fire but did not: " + String.join(", ", notFired));
        }
        List<String> wrongly = c.doesNotFire().stream().filter(firedIds::contains).toList();
        if (!wrongly.isEmpty()) {
            diff.add("fired but must not: " + String.join(", ", wrongly));
        }
        c.asked().ifPresent(expected -> {
            List<String> got = outcome.path().stream().map(Question::id).toList();
            if (!got.equals(expected)) {
                List<String> missing = expected.stream().filter(q -> !got.contains(q)).toList();
                List<String> extra = got.stream().filter(q -> !expected.contains(q)).toList();
                diff.add("asked: expected " + expected.size() + " questions, got " + got.size()
                        + (missing.isEmpty() ? "" : "; not asked: " + String.join(", ", missing))
                        + (extra.isEmpty() ? "" : "; also asked: " + String.join(", ", extra))
                        + (missing.isEmpty() && extra.isEmpty() ? "; in a different order" : ""));
            }
        });
        c.stoppedEarly().filter(expected -> expected != outcome.stoppedEarly()).ifPresent(expected ->
                diff.add("stopped_early: expected " + expected + ", got " + outcome.stoppedEarly()
                        + outcome.stoppedAt().map(q -> " (at " + q.id() + ")").orElse("")));
        if (!diff.isEmpty()) {
            diff.add("fired: " + (firedIds.isEmpty() ? "(none)" : String.join(", ", firedIds)));
        }
        return diff;
    }

    /** Percentages for the coverage lines. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "100%" : (part * 100 / whole) + "%";
    }

}
