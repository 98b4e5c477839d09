package dev.spinecheck.load;

import dev.spinecheck.engine.Condition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads conditions written as data: {@code all}, {@code any}, {@code not}, or a leaf naming one question and one
 * operator. Remembers where each leaf was written so that later checks can point at it.
 */
final class ConditionReader {
    static final Set<String> COMBINERS = Set.of("all", "any", "not");
    static final Set<String> OPERATORS = Set.of("equals", "not_equals", "has", "count_at_least", "at_least", "at_most", "below",
            "answered");
    private static final Set<String> LEAF_KEYS;
    /** Every key a condition may have. */
    static final Set<String> KEYS;

    static {
        java.util.HashSet<String> keys = new java.util.HashSet<>(OPERATORS);
        keys.add("question");
        LEAF_KEYS = Set.copyOf(keys);
        keys.addAll(COMBINERS);
        KEYS = Set.copyOf(keys);
    }

    private final List<Problem> problems;
    private final Map<Condition, Location> leaves = new IdentityHashMap<>();

    ConditionReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** Where each leaf condition read so far was written. */
    Map<Condition, Location> leaves() {
        return leaves;
    }

    Optional<Condition> read(Node node) {
        if (!(node instanceof Node.Mapping map) || map.entries().isEmpty()) {
            problems.add(new Problem(node.at(), "a condition must be a mapping like {question: age, at_least: 50} or"
                    + " all: / any: / not:, not " + node.describe() + " — rewrite it in one of those forms"));
            return Optional.empty();
        }
        Node.Entry first = map.entries().get(0);
        if (COMBINERS.contains(first.key())) {
            if (map.entries().size() > 1) {
                Node.Entry extra = map.entries().get(1);
                problems.add(new Problem(extra.keyAt(), "'" + extra.key() + "' cannot stand beside '" + first.key()
                        + "' in one condition — put each condition in its own list entry under all: or any:"));
            }
            return combiner(first);
        }
        return leaf(map);
    }

    private Optional<Condition> combiner(Node.Entry entry) {
        if (entry.key().equals("not")) {
            return read(entry.value()).map(Condition.Not::new);
        }
        if (!(entry.value() instanceof Node.Sequence seq) || seq.items().isEmpty()) {
            problems.add(new Problem(entry.value().at(), "'" + entry.key() + "' takes a non-empty list of conditions, not "
                    + entry.value().describe() + " — write each condition on its own line starting with '- '"));
            return Optional.empty();
        }
        List<Condition> parts = new ArrayList<>();
        boolean complete = true;
        for (Node item : seq.items()) {
            Optional<Condition> part = read(item);
            part.ifPresent(parts::add);
            complete &= part.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(entry.key().equals("all") ? new Condition.All(parts) : new Condition.Any(parts));
    }

    private Optional<Condition> leaf(Node.Mapping map) {
        Fields fields = new Fields(map, "a condition", union(), problems);
        Optional<String> question = fields.code("question", true);
        List<Node.Entry> operators = map.entries().stream().filter(e -> OPERATORS.contains(e.key())).toList();
        if (operators.isEmpty()) {
            problems.add(new Problem(map.at(), "this condition has no operator — add one of: "
                    + String.join(", ", sortedOperators()) + " (or use all:, any:, not:)"));
            return Optional.empty();
        }
        if (operators.size() > 1) {
            problems.add(new Problem(operators.get(1).keyAt(), "a condition takes one operator, but this one has '"
                    + operators.get(0).key() + "' and '" + operators.get(1).key() + "' — split it with all: or any:"));
            return Optional.empty();
        }
        if (question.isEmpty()) {
            return Optional.empty();
        }
        String q = question.get();
        Node.Entry op = operators.get(0);
        Optional<Condition> condition = switch (op.key()) {
            case "equals" -> fields.code("equals", true).map(code -> new Condition.Equals(q, code));
            case "not_equals" -> fields.code("not_equals", true).map(code -> new Condition.NotEquals(q, code));
            case "has" -> fields.code("has", true).map(code -> new Condition.Has(q, code));
            case "count_at_least" -> fields.whole("count_at_least", true).map(n -> new Condition.CountAtLeast(q, n));
            case "at_least" -> fields.whole("at_least", true).map(n -> new Condition.Compare(q, Condition.Comparison.AT_LEAST, n));
            case "at_most" -> fields.whole("at_most", true).map(n -> new Condition.Compare(q, Condition.Comparison.AT_MOST, n));
            case "below" -> fields.whole("below", true).map(n -> new Condition.Compare(q, Condition.Comparison.BELOW, n));
            case "answered" -> answered(fields, q);
            default -> Optional.empty();
        };
        condition.ifPresent(c -> leaves.put(c, op.keyAt()));
        return condition;
    }

    private Optional<Condition> answered(Fields fields, String q) {
        Node value = fields.node("answered").orElseThrow();
        if (value instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN && s.text().equals("true")) {
            return Optional.of(new Condition.Answered(q));
        }
        problems.add(new Problem(value.at(), "'answered' takes the value true — write answered: true"
                + " (for \"not answered\", wrap it in not:)"));
        return Optional.empty();
    }

    private static Set<String> union() {
        return LEAF_KEYS;
    }

    private static List<String> sortedOperators() {
        List<String> list = new ArrayList<>(OPERATORS);
        list.sort(null);
        return list;
    }
}
