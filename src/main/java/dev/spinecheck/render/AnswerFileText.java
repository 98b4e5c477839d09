package dev.spinecheck.render;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import java.util.List;
import java.util.Map;

/** Writes answers as an answer file (spec section 7) that {@code spinecheck run} reads back unchanged. */
public final class AnswerFileText {
    private AnswerFileText() {}

    public static String write(Questionnaire questionnaire, Map<String, Answer> answers, List<String> comments, String savedAt) {
        return write(questionnaire, answers, Map.of(), comments, savedAt);
    }

    /**
     * With {@code undone_emergencies}: the emergency answers that were changed or undone (question id to first answer),
     * after the answers, so that a resumed screening's result still names them.
     */
    public static String write(Questionnaire questionnaire, Map<String, Answer> answers, Map<String, Answer> undone,
            List<String> comments, String savedAt) {
        String text = answers(questionnaire, answers, comments, savedAt);
        if (undone.isEmpty()) {
            return text;
        }
        StringBuilder s = new StringBuilder(text).append("undone_emergencies:\n");
        lines(questionnaire, undone, s);
        return s.toString();
    }

    private static String answers(Questionnaire questionnaire, Map<String, Answer> answers, List<String> comments, String savedAt) {
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
        lines(questionnaire, answers, s);
        return s.toString();
    }

    private static void lines(Questionnaire questionnaire, Map<String, Answer> answers, StringBuilder s) {
        for (Questionnaire.Step step : questionnaire.steps()) {
            Answer answer = answers.get(step.question().id());
            if (answer != null) {
                s.append("  ").append(step.question().id()).append(": ").append(value(answer)).append('\n');
            }
        }
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
     * A code written so that YAML reads it back as the same text: a code YAML would read as something else
     * ({@code null}, {@code true}, {@code false}, a number like {@code 12} or {@code 1e5}) is quoted; every other code
     * (a question's codes are lower-case letters, digits, '_' and '-') is written plain, like {@code 6_to_12_weeks}.
     */
    static String code(String code) {
        boolean other = code.equals("null") || code.equals("true") || code.equals("false") || code.matches("[0-9]+(e-?[0-9]+)?")
                || !code.matches("[a-z0-9][a-z0-9_-]*");
        return other ? "'" + code.replace("'", "''") + "'" : code;
    }
}
