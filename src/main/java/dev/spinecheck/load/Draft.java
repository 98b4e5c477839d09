package dev.spinecheck.load;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Question;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one reading of a questionnaire has found so far, shared by the readers of its parts and then by the
 * cross-checks: every problem and warning, the questions read in walk order, where each id and condition was
 * written, and the references to check once everything is read.
 */
final class Draft {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    final List<Problem> problems = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();
    final ConditionReader conditions = new ConditionReader(problems);

    /** Every question read, in walk order. */
    final Map<String, Question> questions = new LinkedHashMap<>();
    final Map<String, Location> questionAt = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();
    /** Every section and question id, with where it was first written and what it names. */
    final Map<String, Location> idAt = new HashMap<>();
    final Map<String, String> idKind = new HashMap<>();
    final Map<String, Location> flagAt = new HashMap<>();
    final Map<Level, Location> levelAt = new EnumMap<>(Level.class);
    final Map<Level, Location> nextStepAt = new EnumMap<>(Level.class);
    /** Where each question's options were written, for messages about their order. */
    final Map<String, Location> optionsAt = new HashMap<>();

    /** A condition that may read only questions asked before index {@code before} (or any, for MAX_VALUE). */
    record Ordered(LocatedCondition condition, int before) {}

    final List<Ordered> ordered = new ArrayList<>();

    /**
     * A code that advice names for a question, checked once every question is read.
     *
     * @param namesQuestion true when this reference is where the question is named (so an unknown one is told here)
     */
    record CodeReference(String question, String code, Location questionAt, Location codeAt, String owner, boolean namesQuestion) {}

    final List<CodeReference> codeReferences = new ArrayList<>();

    /** The conservative-care question, checked once every question is read: it must be a multi question. */
    record TriedQuestion(String question, Location at) {}

    final List<TriedQuestion> triedQuestions = new ArrayList<>();

    /** Every link to a topic of {@code spinecheck learn}, with where it is written, for validate to check. */
    final List<TopicReader.LinkAt> learnLinks = new ArrayList<>();

    void problem(Location at, String message) {
        problems.add(new Problem(at, message));
    }

    void warning(Location at, String message) {
        warnings.add(new Problem(at, message));
    }

    /**
     * Reads the condition under {@code key} of the mapping, if there is one, and remembers it for the cross-checks.
     *
     * @param before the walk index a question it reads must come before; MAX_VALUE when it may read any question
     */
    Optional<Condition> condition(Fields f, String key, String owner, int before) {
        Optional<Node> node = f.node(key);
        Optional<Condition> condition = node.flatMap(conditions::read);
        condition.ifPresent(c -> ordered.add(new Ordered(new LocatedCondition(owner, c, node.get().at()), before)));
        return condition;
    }

    void checkId(String id, Location at, String what) {
        if (!ID.matcher(id).matches()) {
            problem(at, "the " + what + " id '" + id + "' may use only lower-case letters, digits, '_' and '-' — rename it");
        }
    }

    /** The conditions read, with their owners and places. */
    List<LocatedCondition> locatedConditions() {
        return ordered.stream().map(Ordered::condition).toList();
    }
}
