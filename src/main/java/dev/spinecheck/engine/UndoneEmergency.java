package dev.spinecheck.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An answer that raised an {@code EMERGENCY} flag and was then changed or undone (spec section 5): the result says so,
 * with the emergency action that first answer called for.
 */
public record UndoneEmergency(Question question, Answer firstAnswer, EmergencyPlan plan) {

    /**
     * The undone emergency again, from the answers given before its question and the first answer (as a saved screening
     * keeps it): empty when that first answer does not stop the walk at an emergency in this questionnaire (it changed,
     * or the answers before it did).
     */
    public static Optional<UndoneEmergency> replay(Questionnaire questionnaire, Map<String, Answer> answers, String questionId,
            Answer firstAnswer) {
        Optional<Questionnaire.Step> at = questionnaire.step(questionId);
        if (at.isEmpty() || !at.get().question().problems(firstAnswer).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Answer> before = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps().subList(0, at.get().index())) {
            Answer answer = answers.get(step.question().id());
            if (answer != null) {
                before.put(step.question().id(), answer);
            }
        }
        before.put(questionId, firstAnswer);
        Walk.Outcome outcome = Walk.run(questionnaire, before);
        boolean stopsThere = outcome.stoppedEarly() && outcome.stoppedAt().map(q -> q.id().equals(questionId)).orElse(false);
        return stopsThere ? EmergencyPlan.of(outcome).map(plan -> new UndoneEmergency(at.get().question(), firstAnswer, plan))
                : Optional.empty();
    }
}
