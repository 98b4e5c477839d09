package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves of a condition by question, each with the value that helps the whole condition come true: true, or
 * false under an odd number of "not"s. Used to order a search: answers that help the target first.
 */
final class SignedLeaves {
    record Signed(Condition.OnQuestion leaf, boolean positive) {}

    private final Map<String, List<Signed>> byQuestion = new HashMap<>();

    SignedLeaves(List<Condition> conditions) {
        for (Condition condition : conditions) {
            add(condition, true);
        }
    }

    private void add(Condition condition, boolean positive) {
        condition.accept(new Condition.Visitor<Void>() {
            @Override
            public Void all(Condition.All all) {
                all.parts().forEach(p -> add(p, positive));
                return null;
            }

            @Override
            public Void any(Condition.Any any) {
                any.parts().forEach(p -> add(p, positive));
                return null;
            }

            @Override
            public Void not(Condition.Not not) {
                add(not.part(), !positive);
                return null;
            }

            @Override
            public Void leaf(Condition.OnQuestion leaf) {
                byQuestion.computeIfAbsent(leaf.question(), k -> new ArrayList<>()).add(new Signed(leaf, positive));
                return null;
            }
        });
    }

    /** How many leaves on this question the answer, given alone, sets the way that helps. */
    int score(Questionnaire questionnaire, String questionId, Answer answer) {
        List<Signed> leaves = byQuestion.get(questionId);
        if (leaves == null) {
            return 0;
        }
        Facts alone = new Facts(questionnaire);
        alone.put(questionId, answer);
        int score = 0;
        for (Signed signed : leaves) {
            if (signed.leaf().evaluate(alone) == (signed.positive() ? Tri.TRUE : Tri.FALSE)) {
                score++;
            }
        }
        return score;
    }
}
