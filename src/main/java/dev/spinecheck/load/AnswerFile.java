package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import java.util.Map;
import java.util.Optional;

/**
 * A checked answer file: every answer valid for its question.
 *
 * @param answersAt where the {@code answers} mapping was written, for messages about missing answers
 * @param undone {@code undone_emergencies}: emergency answers the person changed or undid before the file was saved
 *     (question id to first answer), which the interactive screening's result still names (spec section 5)
 * @param undoneAt where each of those was written
 */
public record AnswerFile(String source, Optional<String> questionnaire, Optional<String> record, Optional<String> savedAt,
        Map<String, Answer> answers, Map<String, Location> answerAt, Location answersAt, Map<String, Answer> undone,
        Map<String, Location> undoneAt) {

    public AnswerFile {
        answers = Frozen.of(answers);
        answerAt = Frozen.of(answerAt);
        undone = Frozen.of(undone);
        undoneAt = Frozen.of(undoneAt);
    }

    public AnswerFile(String source, Optional<String> questionnaire, Optional<String> record, Optional<String> savedAt,
            Map<String, Answer> answers, Map<String, Location> answerAt, Location answersAt) {
        this(source, questionnaire, record, savedAt, answers, answerAt, answersAt, Map.of(), Map.of());
    }
}
