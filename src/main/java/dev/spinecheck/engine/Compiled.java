package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link Condition} compiled for the walk: the same three-valued logic, with each leaf reading its question's answer
 * by position in {@link Facts} instead of by id. Built once per questionnaire ({@link WalkIndex}); every operator is
 * compiled through the visitors, so that a new one is a compile error here too.
 *
 * <p>The nodes are held in flat arrays and evaluated by one method, not one object a node: the walk is the batch's hot
 * code, and a tree of node objects is compiled by the JIT into one very large method (every node's code inlined into
 * the walk), which costs seconds of compiling and tens of megabytes of the compiler's memory in a batch.
 */
final class Compiled {
    private static final int ALL = 0;
    private static final int ANY = 1;
    private static final int NOT = 2;
    private static final int EQUALS = 3;
    private static final int NOT_EQUALS = 4;
    private static final int HAS = 5;
    private static final int COUNT_AT_LEAST = 6;
    private static final int COMPARE = 7;
    private static final int ANSWERED = 8;

    /** Each node's operator; node 0 is the root. */
    private final int[] kinds;
    /** An operator's parts: {@code children[first[n]]} up to {@code children[first[n] + count[n]]}. */
    private final int[] first;
    private final int[] count;
    private final int[] children;
    /** A leaf's question slot, code, number (count or value), comparison and unknown codes. */
    private final int[] slots;
    private final String[] codes;
    /** An equals or not-equals leaf's code as the index of its question's option, or -1 when the question has no such code. */
    private final int[] options;
    private final long[] numbers;
    private final Condition.Comparison[] comparisons;
    private final Set<String>[] unknownCodes;
    private final boolean[] hasUnknownCodes;
    /**
     * The usual shape, a leaf or an "all" or "any" of leaves: evaluated by one loop here, where the quick compiler
     * would otherwise call a method a node.
     */
    private final boolean flat;

    private Compiled(Builder built) {
        int n = built.nodes.size();
        kinds = new int[n];
        first = new int[n];
        count = new int[n];
        slots = new int[n];
        numbers = new long[n];
        codes = new String[n];
        options = new int[n];
        comparisons = new Condition.Comparison[n];
        @SuppressWarnings("unchecked")
        Set<String>[] unknown = new Set[n];
        unknownCodes = unknown;
        hasUnknownCodes = new boolean[n];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = built.nodes.get(i);
            kinds[i] = node.kind;
            first[i] = all.size();
            count[i] = node.parts.size();
            all.addAll(node.parts);
            slots[i] = node.slot;
            numbers[i] = node.number;
            codes[i] = node.code;
            options[i] = node.option;
            comparisons[i] = node.comparison;
            unknownCodes[i] = node.unknownCodes;
            hasUnknownCodes[i] = !node.unknownCodes.isEmpty();
        }
        children = Ints.of(all);
        boolean leavesOnly = true;
        for (int i = 1; i < n; i++) {
            leavesOnly &= kinds[i] >= EQUALS;
        }
        flat = leavesOnly && (n == 1 || kinds[0] == ALL || kinds[0] == ANY);
    }

    /*
     * The three values as ints, ordered FALSE < UNKNOWN < TRUE: three-valued "and" is then the smaller of two values,
     * "or" the larger, and "not" turns the order around (2 - v).
     */
    static final int FALSE = 0;
    static final int UNKNOWN = 1;
    static final int TRUE = 2;
    private static final Tri[] TRI = {Tri.FALSE, Tri.UNKNOWN, Tri.TRUE};

    Tri evaluate(Facts facts) {
        return TRI[value(facts)];
    }

    /** The condition's value as {@link #FALSE}, {@link #UNKNOWN} or {@link #TRUE}. */
    int value(Facts facts) {
        return flat ? flatValue(facts) : value(0, facts);
    }

    boolean isTrue(Facts facts) {
        return value(facts) == TRUE;
    }

    /** {@link #value(int, Facts)} of a leaf, or of an "all" or "any" of leaves, the same way in one loop. */
    private int flatValue(Facts facts) {
        int kind = kinds[0];
        if (kind != ALL && kind != ANY) {
            return leaf(0, facts);
        }
        boolean all = kind == ALL;
        int result = all ? TRUE : FALSE;
        int stop = all ? FALSE : TRUE;
        for (int node = 1; node < kinds.length; node++) {
            int part = leaf(node, facts);
            if (part == stop) {
                return stop;
            }
            result = all ? Math.min(result, part) : Math.max(result, part);
        }
        return result;
    }

    /** An empty "all": always true, whatever the answers. */
    boolean alwaysTrue() {
        return kinds[0] == ALL && count[0] == 0;
    }

    private int value(int node, Facts facts) {
        switch (kinds[node]) {
            case ALL:
                return all(node, facts);
            case ANY:
                return any(node, facts);
            case NOT:
                return TRUE - value(children[first[node]], facts);
            default:
                return leaf(node, facts);
        }
    }

    private int leaf(int node, Facts facts) {
        switch (kinds[node]) {
            case EQUALS:
                return equals(node, facts, TRUE, FALSE);
            case NOT_EQUALS:
                return equals(node, facts, FALSE, TRUE);
            case HAS:
                return has(node, facts);
            case COUNT_AT_LEAST:
                return countAtLeast(node, facts);
            case COMPARE:
                return compare(node, facts);
            case ANSWERED:
                return facts.givenAt(slots[node]) != null ? TRUE : UNKNOWN;
            default:
                throw new IllegalStateException("no such operator: " + kinds[node]);
        }
    }

    private int all(int node, Facts facts) {
        int result = TRUE;
        for (int i = first[node], end = i + count[node]; i < end; i++) {
            int part = value(children[i], facts);
            if (part == FALSE) {
                return FALSE;
            }
            result = Math.min(result, part);
        }
        return result;
    }

    private int any(int node, Facts facts) {
        int result = FALSE;
        for (int i = first[node], end = i + count[node]; i < end; i++) {
            int part = value(children[i], facts);
            if (part == TRUE) {
                return TRUE;
            }
            result = Math.max(result, part);
        }
        return result;
    }

    /** Equals and not-equals: both unknown without a known answer. */
    private int equals(int node, Facts facts, int same, int other) {
        Answer answer = facts.knownAt(slots[node]);
        if (answer == null) {
            return UNKNOWN;
        }
        int option = options[node];
        if (option >= 0) {
            // The code is one of the question's options: the answer equals it exactly when it is that option.
            return facts.knownOptionAt(slots[node]) == option ? same : other;
        }
        if (!(answer instanceof Answer.Code c)) {
            return other;
        }
        return c.code().equals(codes[node]) ? same : other;
    }

    private int compare(int node, Facts facts) {
        Answer answer = facts.knownAt(slots[node]);
        if (answer == null) {
            return UNKNOWN;
        }
        return answer instanceof Answer.Number n && comparisons[node].test(n.value(), numbers[node]) ? TRUE : FALSE;
    }

    private int has(int node, Facts facts) {
        if (!(facts.givenAt(slots[node]) instanceof Answer.Codes given)) {
            return UNKNOWN;
        }
        List<String> codesGiven = given.codes();
        if (codesGiven.contains(codes[node])) {
            return TRUE;
        }
        Set<String> unknown = unknownCodes[node];
        if (hasUnknownCodes[node]) {
            for (int i = 0, n = codesGiven.size(); i < n; i++) {
                if (unknown.contains(codesGiven.get(i))) {
                    return UNKNOWN;
                }
            }
        }
        return FALSE;
    }

    private int countAtLeast(int node, Facts facts) {
        if (!(facts.givenAt(slots[node]) instanceof Answer.Codes given)) {
            return UNKNOWN;
        }
        List<String> codesGiven = given.codes();
        Set<String> unknown = unknownCodes[node];
        int n = codesGiven.size();
        long known = 0;
        for (int i = 0; i < n; i++) {
            if (!unknown.contains(codesGiven.get(i))) {
                known++;
            }
        }
        if (known >= numbers[node]) {
            return TRUE;
        }
        return known < n ? UNKNOWN : FALSE;
    }

    /**
     * Marks the slots of the questions whose answers make this condition true, as {@link Condition#support} tells them
     * for {@code Tri.TRUE}: every part of a true "all", the true parts of an "any", and through "not" the parts that
     * make the inner condition false. Leaves on questions the questionnaire does not have mark nothing.
     */
    void supportOfTrue(Facts facts, boolean[] slotsMarked) {
        support(0, facts, TRUE, slotsMarked);
    }

    private void support(int node, Facts facts, int outcome, boolean[] marked) {
        if (value(node, facts) != outcome) {
            return;
        }
        int kind = kinds[node];
        if (kind == ALL || kind == ANY) {
            for (int i = first[node], end = i + count[node]; i < end; i++) {
                support(children[i], facts, outcome, marked);
            }
        } else if (kind == NOT) {
            support(children[first[node]], facts, TRUE - outcome, marked);
        } else if (slots[node] >= 0) {
            marked[slots[node]] = true;
        }
    }

    static Compiled of(Condition condition, WalkIndex index) {
        Builder built = new Builder(index);
        built.add(condition);
        return new Compiled(built);
    }

    /** One node while it is being built. */
    private static final class Node {
        final int kind;
        final List<Integer> parts = new ArrayList<>();
        int slot = -1;
        long number;
        String code;
        int option = -1;
        Condition.Comparison comparison;
        Set<String> unknownCodes = Set.of();

        Node(int kind) {
            this.kind = kind;
        }
    }

    /** Numbers the nodes in preorder: a node before its parts, the root first. */
    private static final class Builder {
        final WalkIndex index;
        final List<Node> nodes = new ArrayList<>();

        Builder(WalkIndex index) {
            this.index = index;
        }

        private int node(int kind) {
            nodes.add(new Node(kind));
            return nodes.size() - 1;
        }

        int add(Condition condition) {
            return condition.accept(new Condition.Visitor<Integer>() {
                @Override
                public Integer all(Condition.All all) {
                    return operator(ALL, all.parts());
                }

                @Override
                public Integer any(Condition.Any any) {
                    return operator(ANY, any.parts());
                }

                @Override
                public Integer not(Condition.Not not) {
                    return operator(NOT, List.of(not.part()));
                }

                @Override
                public Integer leaf(Condition.OnQuestion leaf) {
                    return leafOf(leaf, index.slot(leaf.question()), index.unknownCodes(leaf.question()));
                }
            });
        }

        private int operator(int kind, List<Condition> parts) {
            int at = node(kind);
            for (Condition part : parts) {
                int child = add(part);
                nodes.get(at).parts.add(child);
            }
            return at;
        }

        private int leafOf(Condition.OnQuestion leaf, int slot, Set<String> unknownCodes) {
            Node node = leaf.accept(new Condition.OnQuestion.Visitor<Node>() {
                @Override
                public Node equals(Condition.Equals leaf) {
                    Node node = new Node(EQUALS);
                    node.code = leaf.code();
                    return node;
                }

                @Override
                public Node notEquals(Condition.NotEquals leaf) {
                    Node node = new Node(NOT_EQUALS);
                    node.code = leaf.code();
                    return node;
                }

                @Override
                public Node has(Condition.Has leaf) {
                    Node node = new Node(HAS);
                    node.code = leaf.code();
                    node.unknownCodes = unknownCodes;
                    return node;
                }

                @Override
                public Node countAtLeast(Condition.CountAtLeast leaf) {
                    Node node = new Node(COUNT_AT_LEAST);
                    node.number = leaf.count();
                    node.unknownCodes = unknownCodes;
                    return node;
                }

                @Override
                public Node compare(Condition.Compare leaf) {
                    Node node = new Node(COMPARE);
                    node.comparison = leaf.comparison();
                    node.number = leaf.value();
                    return node;
                }

                @Override
                public Node answered(Condition.Answered leaf) {
                    return new Node(ANSWERED);
                }
            });
            node.slot = slot;
            if (node.code != null) {
                node.code = index.ownCode(slot, node.code);
                node.option = index.optionIndex(slot, node.code);
            }
            nodes.add(node);
            return nodes.size() - 1;
        }
    }
}
