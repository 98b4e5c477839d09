package dev.spinecheck.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is known at one point of a walk: the answers to the questions asked so far. A question that is not here
 * (unanswered, not asked, or not reached yet) is unknown, and so is an answer with an "unknown" code.
 */
public final class Facts {
    private final Questionnaire questionnaire;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    Facts(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    void put(String questionId, Answer answer) {
        answers.put(questionId, answer);
    }

    void remove(String questionId) {
        answers.remove(questionId);
    }

    /** The answer as given, including an "unknown" code; empty when there is none. */
    public Optional<Answer> given(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }

    /** The answer when it carries information; empty when it is unknown. */
    public Optional<Answer> known(String questionId) {
        Answer answer = answers.get(questionId);
        if (answer == null) {
            return Optional.empty();
        }
        Question question = questionnaire.question(questionId).orElseThrow();
        return question.isUnknown(answer) ? Optional.empty() : Optional.of(answer);
    }

    /** True when the code of a {@code multi} answer means "unknown". */
    boolean isUnknownCode(String questionId, String code) {
        return questionnaire.question(questionId).flatMap(q -> q.option(code)).map(Option::unknown).orElse(false);
    }

    public Map<String, Answer> asMap() {
        return Collections.unmodifiableMap(answers);
    }
}
