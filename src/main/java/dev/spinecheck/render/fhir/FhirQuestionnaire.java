package dev.spinecheck.render.fhir;

import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Section;
import dev.spinecheck.render.JsonOutput;
import dev.spinecheck.render.Wording;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * A questionnaire as a FHIR R4 {@code Questionnaire} (HL7 Structured Data Capture): sections as groups, questions in
 * order with their type, {@code required}, {@code repeats}, answer options, help as a display child, whole-number
 * bounds, and each ask-when as {@code enableWhen} or, where that cannot say it, as an SDC enableWhenExpression. The
 * flags, levels and advice have no place in FHIR's Questionnaire and are not written: the result comes from
 * spinecheck.
 */
public final class FhirQuestionnaire {
    static final String CORE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/";
    static final String ENABLE_WHEN_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
    static final String ITEM_CONTROL = "http://hl7.org/fhir/questionnaire-item-control";

    private final FhirNames names;
    private final Wording wording;

    public FhirQuestionnaire(FhirNames names, Wording wording) {
        this.names = names;
        this.wording = wording;
    }

    /** Writes the Questionnaire resource as indented JSON. */
    public void write(Questionnaire questionnaire, Writer out) {
        try (JsonGenerator g = JsonOutput.indented(out)) {
            g.writeStartObject();
            g.writeStringProperty("resourceType", "Questionnaire");
            g.writeStringProperty("id", FhirNames.resourceId(questionnaire.id()));
            g.writeStringProperty("url", names.questionnaireUrl(questionnaire));
            g.writeStringProperty("version", questionnaire.version());
            g.writeStringProperty("name", FhirNames.name(questionnaire.id()));
            g.writeStringProperty("title", questionnaire.title());
            g.writeStringProperty("status", "active");
            g.writeName("subjectType");
            g.writeStartArray();
            g.writeString("Patient");
            g.writeEndArray();
            if (!questionnaire.intro().isEmpty()) {
                g.writeStringProperty("description", wording.fill(questionnaire.intro()));
            }
            items(g, questionnaire, questionnaire.items());
            g.writeEndObject();
        }
    }

    private void items(JsonGenerator g, Questionnaire questionnaire, List<Item> items) {
        g.writeName("item");
        g.writeStartArray();
        for (Item item : items) {
            if (item instanceof Section section) {
                group(g, questionnaire, section);
            } else {
                question(g, questionnaire, (Question) item);
            }
        }
        g.writeEndArray();
    }

    private void group(JsonGenerator g, Questionnaire questionnaire, Section section) {
        Optional<EnableWhen.Any> tests = EnableWhen.of(section.askWhen(), questionnaire);
        g.writeStartObject();
        if (tests.isEmpty()) {
            g.writeName("extension");
            g.writeStartArray();
            expression(g, questionnaire, section.askWhen());
            g.writeEndArray();
        }
        g.writeStringProperty("linkId", section.id());
        if (!section.title().isEmpty()) {
            g.writeStringProperty("text", wording.fill(section.title()));
        }
        g.writeStringProperty("type", "group");
        tests.ifPresent(any -> enableWhen(g, questionnaire, any));
        items(g, questionnaire, section.items());
        g.writeEndObject();
    }

    private void question(JsonGenerator g, Questionnaire questionnaire, Question question) {
        Optional<EnableWhen.Any> tests = EnableWhen.of(question.askWhen(), questionnaire);
        g.writeStartObject();
        if (tests.isEmpty() || question instanceof Question.IntegerQuestion) {
            g.writeName("extension");
            g.writeStartArray();
            if (tests.isEmpty()) {
                expression(g, questionnaire, question.askWhen());
            }
            if (question instanceof Question.IntegerQuestion whole) {
                bound(g, "minValue", whole.min());
                bound(g, "maxValue", whole.max());
            }
            g.writeEndArray();
        }
        g.writeStringProperty("linkId", question.id());
        g.writeStringProperty("text", wording.fill(question.text()));
        g.writeStringProperty("type", type(question));
        tests.ifPresent(any -> enableWhen(g, questionnaire, any));
        g.writeBooleanProperty("required", true);
        if (question instanceof Question.Multi) {
            g.writeBooleanProperty("repeats", true);
        }
        if (!(question instanceof Question.YesNo) && !question.options().isEmpty()) {
            g.writeName("answerOption");
            g.writeStartArray();
            for (Option option : question.options()) {
                g.writeStartObject();
                if (option.exclusive()) {
                    g.writeName("extension");
                    g.writeStartArray();
                    g.writeStartObject();
                    g.writeStringProperty("url", CORE_EXTENSION + "questionnaire-optionExclusive");
                    g.writeBooleanProperty("valueBoolean", true);
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeName("valueCoding");
                coding(g, names.answerSystem(questionnaire), option.code(), wording.fill(option.text()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!question.help().isEmpty()) {
            help(g, question.id() + ".help", wording.fill(question.help()));
        }
        g.writeEndObject();
    }

    /** FHIR's type for ours: yes/no is boolean, a single or multiple choice is choice (multi repeats). */
    static String type(Question question) {
        return switch (question.type()) {
            case "yes_no" -> "boolean";
            case "integer" -> "integer";
            default -> "choice";
        };
    }

    private void enableWhen(JsonGenerator g, Questionnaire questionnaire, EnableWhen.Any any) {
        if (any.always()) {
            return;
        }
        g.writeName("enableWhen");
        g.writeStartArray();
        for (EnableWhen.Test test : any.tests()) {
            g.writeStartObject();
            g.writeStringProperty("question", test.question());
            if (test instanceof EnableWhen.Missing) {
                g.writeStringProperty("operator", "exists");
                g.writeBooleanProperty("answerBoolean", false);
            } else if (test instanceof EnableWhen.CodeIs c) {
                g.writeStringProperty("operator", "=");
                Question question = questionnaire.question(c.question()).orElseThrow();
                if (question instanceof Question.YesNo) {
                    g.writeBooleanProperty("answerBoolean", c.code().equals("yes"));
                } else {
                    g.writeName("answerCoding");
                    coding(g, names.answerSystem(questionnaire), c.code(),
                            question.option(c.code()).map(o -> wording.fill(o.text())).orElse(null));
                }
            } else {
                EnableWhen.NumberIs n = (EnableWhen.NumberIs) test;
                g.writeStringProperty("operator", n.operator());
                g.writeNumberProperty("answerInteger", n.value());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (any.tests().size() > 1) {
            g.writeStringProperty("enableBehavior", "any");
        }
    }

    private static void expression(JsonGenerator g, Questionnaire questionnaire, Condition condition) {
        g.writeStartObject();
        g.writeStringProperty("url", ENABLE_WHEN_EXPRESSION);
        g.writeName("valueExpression");
        g.writeStartObject();
        g.writeStringProperty("language", "text/fhirpath");
        g.writeStringProperty("expression", FhirPath.enabledUnlessFalse(condition, questionnaire));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void bound(JsonGenerator g, String name, long value) {
        g.writeStartObject();
        g.writeStringProperty("url", CORE_EXTENSION + name);
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            g.writeNumberProperty("valueInteger", value);
        } else {
            g.writeNumberProperty("valueDecimal", value);
        }
        g.writeEndObject();
    }

    /** Help as a display item inside the question, marked as help (SDC item control). */
    private static void help(JsonGenerator g, String linkId, String text) {
        g.writeName("item");
        g.writeStartArray();
        g.writeStartObject();
        g.writeName("extension");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("url", CORE_EXTENSION + "questionnaire-itemControl");
        g.writeName("valueCodeableConcept");
        g.writeStartObject();
        g.writeName("coding");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("system", ITEM_CONTROL);
        g.writeStringProperty("code", "help");
        g.writeStringProperty("display", "Help-Button");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringProperty("linkId", linkId);
        g.writeStringProperty("text", text);
        g.writeStringProperty("type", "display");
        g.writeEndObject();
        g.writeEndArray();
    }

    static void coding(JsonGenerator g, String system, String code, String display) {
        g.writeStartObject();
        g.writeStringProperty("system", system);
        g.writeStringProperty("code", code);
        if (display != null && !display.isEmpty()) {
            g.writeStringProperty("display", display);
        }
        g.writeEndObject();
    }
}
