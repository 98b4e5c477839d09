package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A checked answer file: every answer valid for its question.
 *
 * @param answersAt where the {@code answers} mapping was written, for messages about missing answers
 */
public record AnswerFile(String source, Optional<String> questionnaire, Optional<String> record, Optional<String> savedAt,
        Map<String, Answer> answers, Map<String, Location> answerAt, Location answersAt) {

    public AnswerFile {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        answerAt = Collections.unmodifiableMap(new LinkedHashMap<>(answerAt));
    }
}
