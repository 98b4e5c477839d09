package dev.spinecheck.render;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import java.util.List;
import java.util.Map;

/** Writes answers as an answer file (spec section 7) that {@code spinecheck run} reads back unchanged. */
public final class AnswerFileText {
    private AnswerFileText() {}

    public static String write(Questionnaire questionnaire, Map<String, Answer> answers, List<String> comments, String savedAt) {
        StringBuilder s = new StringBuilder();
        for (String comment : comments) {
            s.append("# ").append(comment).append('\n');
        }
        s.append("questionnaire: ").append(questionnaire.id()).append('\n');
        if (savedAt != null) {
            s.append("saved_at: ").append(savedAt).append('\n');
        }
        s.append("answers:");
        if (answers.isEmpty()) {
            return s.append(" {}\n").toString();
        }
        s.append('\n');
        for (Questionnaire.Step step : questionnaire.steps()) {
            Answer answer = answers.get(step.question().id());
            if (answer != null) {
                s.append("  ").append(step.question().id()).append(": ").append(value(answer)).append('\n');
            }
        }
        return s.toString();
    }

    private static String value(Answer answer) {
        if (answer instanceof Answer.Codes codes) {
            return "[" + String.join(", ", codes.codes().stream().map(AnswerFileText::code).toList()) + "]";
        }
        if (answer instanceof Answer.Code code) {
            return code(code.code());
        }
        return answer.toString();
    }

    /**
     * A code as YAML reads it back as the same text: a code YAML would read as something else ({@code null},
     * {@code true}, {@code false}, a number) is quoted.
     */
    static String code(String code) {
        boolean plain = code.matches("[a-z][a-z0-9_-]*") && !code.equals("null") && !code.equals("true") && !code.equals("false");
        return plain ? code : "'" + code.replace("'", "''") + "'";
    }
}
