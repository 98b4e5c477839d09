package dev.spinecheck.render.fhir;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An ask-when as a FHIRPath expression over the QuestionnaireResponse, for the SDC {@code enableWhenExpression}.
 * FHIRPath's logic is three-valued like ours, with the empty collection as "unknown": a comparison with no answer is
 * empty, and {@code and}, {@code or} and {@code not()} treat empty as unknown. Each condition becomes an expression
 * that is true, false or empty exactly when ours is true, false or unknown; the item is enabled unless it is false
 * ({@code (E ~ false).not()}: equivalence makes empty a plain "not false").
 */
final class FhirPath {
    private final Questionnaire questionnaire;

    private FhirPath(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** The enableWhenExpression: true unless the condition is certainly false. */
    static String enabledUnlessFalse(Condition condition, Questionnaire questionnaire) {
        return "(" + new FhirPath(questionnaire).expression(condition) + " ~ false).not()";
    }

    /** The condition itself, three-valued. */
    static String of(Condition condition, Questionnaire questionnaire) {
        return new FhirPath(questionnaire).expression(condition);
    }

    private String expression(Condition condition) {
        return condition.accept(new Condition.Visitor<String>() {
            @Override
            public String all(Condition.All all) {
                return all.parts().isEmpty() ? "true" : join(all.parts(), " and ");
            }

            @Override
            public String any(Condition.Any any) {
                return any.parts().isEmpty() ? "false" : join(any.parts(), " or ");
            }

            @Override
            public String not(Condition.Not not) {
                return "(" + expression(not.part()) + ").not()";
            }

            @Override
            public String leaf(Condition.OnQuestion leaf) {
                return leafExpression(leaf);
            }
        });
    }

    private String leafExpression(Condition.OnQuestion leaf) {
        return leaf.accept(new Condition.OnQuestion.Visitor<String>() {
            @Override
            public String equals(Condition.Equals equals) {
                return "(" + known(equals.question()) + " = " + literal(equals.question(), equals.code()) + ")";
            }

            @Override
            public String notEquals(Condition.NotEquals notEquals) {
                return "(" + equals(new Condition.Equals(notEquals.question(), notEquals.code())) + ").not()";
            }

            @Override
            public String has(Condition.Has has) {
                String given = values(has.question());
                String contains = given + " contains " + literal(has.question(), has.code());
                return unknownCodes(has.question()).isEmpty()
                        ? "iif(" + given + ".exists(), " + contains + ")"
                        : "iif(" + given + ".exists(), iif(" + contains + ", true, iif(" + given + ".where(" + isUnknown(has.question())
                                + ").empty(), false)))";
            }

            @Override
            public String countAtLeast(Condition.CountAtLeast count) {
                String given = values(count.question());
                return unknownCodes(count.question()).isEmpty()
                        ? "iif(" + given + ".exists(), " + given + ".count() >= " + count.count() + ")"
                        : "iif(" + given + ".exists(), iif(" + known(count.question()) + ".count() >= " + count.count()
                                + ", true, iif(" + given + ".where(" + isUnknown(count.question()) + ").empty(), false)))";
            }

            @Override
            public String compare(Condition.Compare compare) {
                String operator = switch (compare.comparison()) {
                    case AT_LEAST -> ">=";
                    case AT_MOST -> "<=";
                    case BELOW -> "<";
                };
                return "(" + values(compare.question()) + " " + operator + " " + compare.value() + ")";
            }

            @Override
            public String answered(Condition.Answered answered) {
                return "iif(" + values(answered.question()) + ".exists(), true)";
            }
        });
    }

    private String join(List<Condition> parts, String operator) {
        return parts.stream().map(this::expression).collect(Collectors.joining(operator, "(", ")"));
    }

    /** The answers given to a question: codes for a coded question, true/false for yes/no, numbers. */
    private String values(String questionId) {
        Question question = question(questionId);
        String answers = "%resource.repeat(item).where(linkId = " + string(questionId) + ").answer.value";
        return question instanceof Question.YesNo || question instanceof Question.IntegerQuestion ? answers : answers + ".code";
    }

    /** The answers without the "unknown" codes. */
    private String known(String questionId) {
        return unknownCodes(questionId).isEmpty() ? values(questionId)
                : values(questionId) + ".where((" + isUnknown(questionId) + ").not())";
    }

    private String isUnknown(String questionId) {
        return unknownCodes(questionId).stream().map(code -> "$this = " + literal(questionId, code))
                .collect(Collectors.joining(" or "));
    }

    private List<String> unknownCodes(String questionId) {
        return question(questionId).options().stream().filter(Option::unknown).map(Option::code).toList();
    }

    /** A code as the response holds it: a boolean for a yes/no question, else the code as a string. */
    private String literal(String questionId, String code) {
        if (question(questionId) instanceof Question.YesNo) {
            return code.equals("yes") ? "true" : "false";
        }
        return string(code);
    }

    static String string(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private Question question(String id) {
        return questionnaire.question(id).orElseThrow(() -> new IllegalStateException("no question " + id));
    }
}
