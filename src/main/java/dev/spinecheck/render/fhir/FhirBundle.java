package dev.spinecheck.render.fhir;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Section;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.AnswerFile;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.render.JsonOutput;
import dev.spinecheck.render.TopicText;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.Verdict;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;

/**
 * A screening as a FHIR R4 {@code Bundle} of type {@code collection}: the {@code QuestionnaireResponse} (the answers
 * on the path, in the questionnaire's groups) and the {@code RiskAssessment} (the level as the qualitative risk, each
 * flag that fired as a predicted outcome). Answer sets that give no result get an {@code OperationOutcome} with the
 * problems instead, so that a batch still writes one Bundle per answer set, in input order; a partial answer set
 * keeps its answers as an in-progress response, and a certain emergency its RiskAssessment.
 */
public final class FhirBundle {
    private final FhirNames names;
    private final Wording wording;
    private final Supplier<UUID> ids;
    private final Supplier<TopicLibrary> topics;

    /** {@code topics}: the topics of {@code spinecheck learn}, asked for only when a result links to one. */
    public FhirBundle(FhirNames names, Wording wording, Supplier<UUID> ids, Supplier<TopicLibrary> topics) {
        this.names = names;
        this.wording = wording;
        this.ids = ids;
        this.topics = topics;
    }

    public FhirBundle(FhirNames names, Wording wording, Supplier<UUID> ids) {
        this(names, wording, ids, new BundledTopics());
    }

    public FhirBundle(Wording wording) {
        this(FhirNames.SPINECHECK, wording, UUID::randomUUID);
    }

    /** The bundled topics, read once, on first use: most results of a batch link to none. */
    private static final class BundledTopics implements Supplier<TopicLibrary> {
        private TopicLibrary library;

        @Override
        public synchronized TopicLibrary get() {
            if (library == null) {
                library = TopicLoader.bundledOrNone();
            }
            return library;
        }
    }

    /** Writes one scripted screening as one Bundle on one line (NDJSON for a batch). */
    public void write(Verdict verdict, Questionnaire questionnaire, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            if (verdict instanceof Verdict.Screened screened) {
                AnswerFile answers = screened.answers();
                bundle(g, questionnaire, Optional.of(screened.result().outcome()), Optional.of(screened.result()),
                        answers.record(), answers.savedAt(), List.of(), 0, ExitStatus.OK);
            } else {
                Verdict.Refused refused = (Verdict.Refused) verdict;
                Optional<AnswerFile> answers = refused.answers();
                // The answers that were usable: up to a certain emergency, or those of a partial answer set.
                Optional<Walk.Outcome> partial = refused.emergency().isPresent() ? refused.emergency()
                        : refused.missing().isEmpty() ? Optional.empty() : answers.map(a -> Walk.run(questionnaire, a.answers()));
                bundle(g, questionnaire, partial, refused.emergency().map(Result::of), answers.flatMap(AnswerFile::record),
                        answers.flatMap(AnswerFile::savedAt), refused.problems(), refused.missing().size(), refused.exitCode());
            }
        }
        newline(out);
    }

    /** An input that gave no answer set at all (a missing or unreadable file): a Bundle with its OperationOutcome. */
    public static void error(int exitCode, List<String> problems, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("resourceType", "Bundle");
            g.writeStringProperty("type", "collection");
            g.writeName("entry");
            g.writeStartArray();
            entry(g, "urn:uuid:" + UUID.randomUUID());
            operationOutcome(g, problems, exitCode, 0);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        newline(out);
    }

    /** Writes the result of an interactive screening as one Bundle, {@code authored} at the given time. */
    public void write(Result result, OffsetDateTime authored, Writer out) {
        try (JsonGenerator g = JsonOutput.indented(out)) {
            bundle(g, result.questionnaire(), Optional.of(result.outcome()), Optional.of(result), Optional.empty(),
                    Optional.of(authored.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)), List.of(), 0, ExitStatus.OK);
        }
        newline(out);
    }

    private void bundle(JsonGenerator g, Questionnaire questionnaire, Optional<Walk.Outcome> answered, Optional<Result> result,
            Optional<String> record, Optional<String> savedAt, List<String> problems, int missing, int exitCode) {
        Optional<String> authored = savedAt.flatMap(FhirBundle::dateTime);
        String responseUrl = "urn:uuid:" + ids.get();
        g.writeStartObject();
        g.writeStringProperty("resourceType", "Bundle");
        g.writeStringProperty("type", "collection");
        g.writeName("entry");
        g.writeStartArray();
        answered.ifPresent(outcome -> {
            entry(g, responseUrl);
            response(g, questionnaire, outcome, record, authored, problems.isEmpty());
            g.writeEndObject();
            g.writeEndObject();
        });
        result.ifPresent(r -> {
            entry(g, "urn:uuid:" + ids.get());
            riskAssessment(g, r, answered.isPresent() ? Optional.of(responseUrl) : Optional.empty(), record, authored);
            g.writeEndObject();
            g.writeEndObject();
        });
        if (!problems.isEmpty()) {
            entry(g, "urn:uuid:" + ids.get());
            operationOutcome(g, problems, exitCode, missing);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Opens an entry and its resource; the caller writes the resource's fields and closes both. */
    private static void entry(JsonGenerator g, String fullUrl) {
        g.writeStartObject();
        g.writeStringProperty("fullUrl", fullUrl);
        g.writeName("resource");
        g.writeStartObject();
    }

    private void response(JsonGenerator g, Questionnaire questionnaire, Walk.Outcome outcome, Optional<String> record,
            Optional<String> authored, boolean finished) {
        g.writeStringProperty("resourceType", "QuestionnaireResponse");
        record.ifPresent(r -> {
            g.writeName("identifier");
            g.writeStartObject();
            g.writeStringProperty("value", r);
            g.writeEndObject();
        });
        g.writeStringProperty("questionnaire", names.questionnaireCanonical(questionnaire));
        g.writeStringProperty("status", status(outcome, finished));
        authored.ifPresent(a -> g.writeStringProperty("authored", a));
        Map<String, Answer> answers = outcome.answers();
        if (!answers.isEmpty()) {
            items(g, questionnaire, questionnaire.items(), answers);
        }
    }

    /**
     * completed: every question on the path is answered. stopped: the walk ended at a certain emergency, so the
     * questions after it were never asked (FHIR's "partially filled out, and ended"). in-progress: answers are missing.
     */
    static String status(Walk.Outcome outcome, boolean finished) {
        if (!finished) {
            return "in-progress";
        }
        return outcome.stoppedEarly() ? "stopped" : "completed";
    }

    private void items(JsonGenerator g, Questionnaire questionnaire, List<Item> items, Map<String, Answer> answers) {
        g.writeName("item");
        g.writeStartArray();
        for (Item item : items) {
            if (item instanceof Section section) {
                if (answersAny(section.items(), answers)) {
                    g.writeStartObject();
                    g.writeStringProperty("linkId", section.id());
                    if (!section.title().isEmpty()) {
                        g.writeStringProperty("text", wording.fill(section.title()));
                    }
                    items(g, questionnaire, section.items(), answers);
                    g.writeEndObject();
                }
            } else {
                Question question = (Question) item;
                Answer answer = answers.get(question.id());
                if (answer != null) {
                    g.writeStartObject();
                    g.writeStringProperty("linkId", question.id());
                    g.writeStringProperty("text", wording.fill(question.text()));
                    g.writeName("answer");
                    g.writeStartArray();
                    answer(g, questionnaire, question, answer);
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static boolean answersAny(List<Item> items, Map<String, Answer> answers) {
        for (Item item : items) {
            if (item instanceof Section section ? answersAny(section.items(), answers) : answers.containsKey(((Question) item).id())) {
                return true;
            }
        }
        return false;
    }

    private void answer(JsonGenerator g, Questionnaire questionnaire, Question question, Answer answer) {
        if (answer instanceof Answer.Number n) {
            g.writeStartObject();
            g.writeNumberProperty("valueInteger", n.value());
            g.writeEndObject();
            return;
        }
        List<String> codes = answer instanceof Answer.Codes many ? many.codes() : List.of(((Answer.Code) answer).code());
        for (String code : codes) {
            g.writeStartObject();
            if (question instanceof Question.YesNo) {
                g.writeBooleanProperty("valueBoolean", code.equals("yes"));
            } else {
                g.writeName("valueCoding");
                FhirQuestionnaire.coding(g, names.answerSystem(questionnaire), code,
                        question.option(code).map(o -> wording.fill(o.text())).orElse(null));
            }
            g.writeEndObject();
        }
    }

    private void riskAssessment(JsonGenerator g, Result result, Optional<String> basis, Optional<String> record,
            Optional<String> authored) {
        Questionnaire questionnaire = result.questionnaire();
        g.writeStringProperty("resourceType", "RiskAssessment");
        record.ifPresent(r -> {
            g.writeName("identifier");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("value", r);
            g.writeEndObject();
            g.writeEndArray();
        });
        g.writeStringProperty("status", "final");
        g.writeName("code");
        g.writeStartObject();
        g.writeStringProperty("text", questionnaire.title());
        g.writeEndObject();
        // FHIR requires a subject; spinecheck knows no patient. The clinic's system sets it when it files the Bundle.
        g.writeName("subject");
        g.writeStartObject();
        g.writeStringProperty("display", "The person who answered the questionnaire");
        g.writeEndObject();
        authored.ifPresent(a -> g.writeStringProperty("occurrenceDateTime", a));
        basis.ifPresent(url -> {
            g.writeName("basis");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("reference", url);
            g.writeEndObject();
            g.writeEndArray();
        });
        g.writeName("prediction");
        g.writeStartArray();
        g.writeStartObject();
        g.writeName("qualitativeRisk");
        level(g, questionnaire, result.level());
        g.writeEndObject();
        for (FiredFlag flag : result.flags()) {
            g.writeStartObject();
            g.writeName("outcome");
            g.writeStartObject();
            g.writeName("coding");
            g.writeStartArray();
            FhirQuestionnaire.coding(g, names.flagSystem(questionnaire), flag.id(), wording.fill(flag.flag().title()));
            g.writeEndArray();
            g.writeStringProperty("text", wording.fill(flag.flag().title()));
            g.writeEndObject();
            g.writeName("qualitativeRisk");
            level(g, questionnaire, flag.level());
            g.writeStringProperty("rationale", wording.fill(flag.flag().reason()));
            g.writeEndObject();
        }
        g.writeEndArray();
        // The one thing to do next (spec section 6): how soon, and whom to see; in an emergency, the one action.
        String nextStep = wording.fill(result.nextStep());
        if (!nextStep.isBlank()) {
            g.writeStringProperty("mitigation", nextStep);
        }
        String disclaimer = questionnaire.advice() == null ? "" : wording.fill(questionnaire.advice().disclaimer());
        List<String> links = result.links().all();
        if (!disclaimer.isEmpty() || !links.isEmpty()) {
            g.writeName("note");
            g.writeStartArray();
            if (!disclaimer.isEmpty()) {
                note(g, disclaimer);
            }
            // The topics the result links to, by title, as the Markdown report lists them (issue 14).
            for (String topic : links) {
                note(g, "To read more: " + topics.get().title(topic) + " (" + TopicText.command(topic) + ")");
            }
            g.writeEndArray();
        }
    }

    private static void note(JsonGenerator g, String text) {
        g.writeStartObject();
        g.writeStringProperty("text", text);
        g.writeEndObject();
    }

    private void level(JsonGenerator g, Questionnaire questionnaire, Level level) {
        LevelText text = questionnaire.level(level);
        String label = text == null ? level.name() : text.label();
        g.writeStartObject();
        g.writeName("coding");
        g.writeStartArray();
        FhirQuestionnaire.coding(g, names.levelSystem(), level.name(), label);
        g.writeEndArray();
        g.writeStringProperty("text", label);
        g.writeEndObject();
    }

    /** The problems as issues: "required" when they are all missing answers, "not-found" for an unreadable input. */
    private static void operationOutcome(JsonGenerator g, List<String> problems, int exitCode, int missing) {
        String code = exitCode == ExitStatus.UNREADABLE_INPUT ? "not-found" : missing == problems.size() ? "required" : "invalid";
        g.writeStringProperty("resourceType", "OperationOutcome");
        g.writeName("issue");
        g.writeStartArray();
        for (String problem : problems) {
            g.writeStartObject();
            g.writeStringProperty("severity", "error");
            g.writeStringProperty("code", code);
            g.writeStringProperty("diagnostics", problem);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** saved_at as a FHIR dateTime (seconds and offset always written). */
    static Optional<String> dateTime(String savedAt) {
        try {
            return Optional.of(OffsetDateTime.parse(savedAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void newline(Writer out) {
        JsonOutput.newline(out);
    }
}
