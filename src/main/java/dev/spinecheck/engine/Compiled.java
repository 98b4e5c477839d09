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
    private final long[] numbers;
    private final Condition.Comparison[] comparisons;
    private final Set<String>[] unknownCodes;

    private Compiled(Builder built) {
        int n = built.nodes.size();
        kinds = new int[n];
        first = new int[n];
        count = new int[n];
        slots = new int[n];
        numbers = new long[n];
        codes = new String[n];
        comparisons = new Condition.Comparison[n];
        @SuppressWarnings("unchecked")
        Set<String>[] unknown = new Set[n];
        unknownCodes = unknown;
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
            comparisons[i] = node.comparison;
            unknownCodes[i] = node.unknownCodes;
        }
        children = all.stream().mapToInt(Integer::intValue).toArray();
    }

    Tri evaluate(Facts facts) {
        return evaluate(0, facts);
    }

    private Tri evaluate(int node, Facts facts) {
        switch (kinds[node]) {
            case ALL -> {
                Tri result = Tri.TRUE;
                for (int i = first[node], end = i + count[node]; i < end; i++) {
                    result = result.and(evaluate(children[i], facts));
                    if (result == Tri.FALSE) {
                        break;
                    }
                }
                return result;
            }
            case ANY -> {
                Tri result = Tri.FALSE;
                for (int i = first[node], end = i + count[node]; i < end; i++) {
                    result = result.or(evaluate(children[i], facts));
                    if (result == Tri.TRUE) {
                        break;
                    }
                }
                return result;
            }
            case NOT -> {
                return evaluate(children[first[node]], facts).not();
            }
            case EQUALS, NOT_EQUALS -> {
                // Both unknown without a known answer.
                Answer answer = facts.knownAt(slots[node]);
                if (answer == null) {
                    return Tri.UNKNOWN;
                }
                boolean equal = answer instanceof Answer.Code c && c.code().equals(codes[node]);
                return Tri.of(equal != (kinds[node] == NOT_EQUALS));
            }
            case HAS -> {
                return has(node, facts);
            }
            case COUNT_AT_LEAST -> {
                return countAtLeast(node, facts);
            }
            case COMPARE -> {
                Answer answer = facts.knownAt(slots[node]);
                if (answer == null) {
                    return Tri.UNKNOWN;
                }
                return Tri.of(answer instanceof Answer.Number n && comparisons[node].test(n.value(), numbers[node]));
            }
            case ANSWERED -> {
                return facts.givenAt(slots[node]) != null ? Tri.TRUE : Tri.UNKNOWN;
            }
            default -> throw new IllegalStateException("no such operator: " + kinds[node]);
        }
    }

    private Tri has(int node, Facts facts) {
        if (!(facts.givenAt(slots[node]) instanceof Answer.Codes given)) {
            return Tri.UNKNOWN;
        }
        List<String> codesGiven = given.codes();
        if (codesGiven.contains(codes[node])) {
            return Tri.TRUE;
        }
        Set<String> unknown = unknownCodes[node];
        if (!unknown.isEmpty()) {
            for (String c : codesGiven) {
                if (unknown.contains(c)) {
                    return Tri.UNKNOWN;
                }
            }
        }
        return Tri.FALSE;
    }

    private Tri countAtLeast(int node, Facts facts) {
        if (!(facts.givenAt(slots[node]) instanceof Answer.Codes given)) {
            return Tri.UNKNOWN;
        }
        List<String> codesGiven = given.codes();
        Set<String> unknown = unknownCodes[node];
        long known = 0;
        for (String c : codesGiven) {
            if (!unknown.contains(c)) {
                known++;
            }
        }
        if (known >= numbers[node]) {
            return Tri.TRUE;
        }
        return known < codesGiven.size() ? Tri.UNKNOWN : Tri.FALSE;
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
            nodes.add(node);
            return nodes.size() - 1;
        }
    }
}
