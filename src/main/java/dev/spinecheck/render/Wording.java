package dev.spinecheck.render;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Texts;
import java.util.stream.Collectors;

/** Fills the questionnaire's placeholders and words answers the way the person chose them. */
public final class Wording {
    public static final String DEFAULT_EMERGENCY_NUMBER = "your local emergency number (for example 112, 911 or 999)";

    private final String emergencyNumber;

    public Wording(String emergencyNumber) {
        this.emergencyNumber = emergencyNumber == null || emergencyNumber.isBlank() ? DEFAULT_EMERGENCY_NUMBER : emergencyNumber.strip();
    }

    public String emergencyNumber() {
        return emergencyNumber;
    }

    /**
     * The questionnaire with {@code {emergency_number}} filled in in every text (question texts, options, help and
     * titles too), once, before anything is shown.
     */
    public Questionnaire filledIn(Questionnaire questionnaire) {
        return Texts.map(questionnaire, this::fill);
    }

    /** The text with {@code {emergency_number}} filled in. */
    public String fill(String text) {
        return text == null ? "" : text.replace("{emergency_number}", emergencyNumber);
    }

    /** An answer in the words of its options ("Yes, and it is new ..."), or the number with its unit. */
    public static String answerWords(Questionnaire questionnaire, String questionId, Answer answer) {
        Question question = questionnaire.question(questionId).orElse(null);
        if (question == null) {
            return answer.toString();
        }
        if (answer instanceof Answer.Number n) {
            String unit = question instanceof Question.IntegerQuestion w && !w.unit().isEmpty() ? " " + w.unit() : "";
            return n.value() + unit;
        }
        if (answer instanceof Answer.Codes codes) {
            return codes.codes().stream().map(c -> optionText(question, c)).collect(Collectors.joining("; "));
        }
        return optionText(question, ((Answer.Code) answer).code());
    }

    private static String optionText(Question question, String code) {
        return question.option(code).map(o -> o.text()).orElse(code);
    }
}
