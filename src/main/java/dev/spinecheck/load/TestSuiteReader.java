package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks a questionnaire's author test cases, every problem with its place. */
public final class TestSuiteReader {
    private static final Set<String> TOP = Set.of("questionnaire", "base", "cases");
    private static final Set<String> CASE = Set.of("case", "answers", "use_base", "level", "fires", "does_not_fire", "asked", "stopped_early");

    private TestSuiteReader() {}

    public static TestSuite read(Node root, Questionnaire questionnaire, String source) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Optional<Fields> top = Fields.of(root, "the test file", TOP, problems);
        if (top.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Fields f = top.get();
        f.code("questionnaire", false).filter(id -> !id.equals(questionnaire.id())).ifPresent(id -> problems.add(new Problem(
                f.node("questionnaire").orElseThrow().at(), "these tests are for '" + id + "', not '" + questionnaire.id()
                        + "' — correct the id or move the file")));
        Map<String, Answer> base = new LinkedHashMap<>();
        f.node("base").ifPresent(node -> AnswerReader.answers(node, questionnaire, problems, base, new LinkedHashMap<>()));
        List<TestSuite.Case> cases = new ArrayList<>();
        List<Node> nodes = f.list("cases", true).orElse(List.of());
        if (f.has("cases") && nodes.isEmpty()) {
            problems.add(new Problem(f.keyAt("cases"), "there are no cases — add at least one"));
        }
        for (Node node : nodes) {
            Fields.of(node, "a test case", CASE, problems).ifPresent(c -> testCase(c, questionnaire, base, problems).ifPresent(cases::add));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(QuestionnaireReader.sorted(problems));
        }
        return new TestSuite(source, cases);
    }

    private static Optional<TestSuite.Case> testCase(Fields c, Questionnaire questionnaire, Map<String, Answer> base, List<Problem> problems) {
        String name = c.text("case", true).orElse("?");
        Location at = c.node("case").map(Node::at).orElse(c.map().at());
        boolean useBase = !c.has("use_base") || c.flag("use_base");
        Map<String, Answer> answers = new LinkedHashMap<>(useBase ? base : Map.of());
        c.node("answers").ifPresent(node -> AnswerReader.answers(node, questionnaire, problems, answers, new LinkedHashMap<>()));
        Optional<Level> level = c.code("level", true).flatMap(l -> {
            try {
                return Optional.of(Level.valueOf(l));
            } catch (IllegalArgumentException e) {
                List<String> names = java.util.Arrays.stream(Level.values()).map(Level::name).toList();
                problems.add(new Problem(c.node("level").orElseThrow().at(), "there is no level '" + l + "' — "
                        + Suggest.didYouMean(l, names, "use one of: " + String.join(", ", names))));
                return Optional.empty();
            }
        });
        List<String> flagIds = questionnaire.flags().stream().map(Flag::id).toList();
        List<String> fires = ids(c, "fires", flagIds, "flag", problems);
        List<String> doesNotFire = ids(c, "does_not_fire", flagIds, "flag", problems);
        List<String> questionIds = questionnaire.steps().stream().map(s -> s.question().id()).toList();
        Optional<List<String>> asked = c.has("asked") ? Optional.of(ids(c, "asked", questionIds, "question", problems)) : Optional.empty();
        Optional<Boolean> stopped = c.has("stopped_early") ? Optional.of(c.flag("stopped_early")) : Optional.empty();
        return level.map(l -> new TestSuite.Case(name, at, answers, l, fires, doesNotFire, asked, stopped));
    }

    private static List<String> ids(Fields c, String key, List<String> known, String what, List<Problem> problems) {
        List<String> ids = new ArrayList<>();
        for (Node item : c.list(key, false).orElse(List.of())) {
            if (item instanceof Node.Scalar s && known.contains(s.text())) {
                ids.add(s.text());
            } else {
                String given = item instanceof Node.Scalar s ? s.text() : item.describe();
                problems.add(new Problem(item.at(), "there is no " + what + " '" + given + "' — "
                        + Suggest.didYouMean(given, known, "check the " + what + " ids of the questionnaire")));
            }
        }
        return ids;
    }
}
