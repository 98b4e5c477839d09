package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.AnswerFile;
import dev.spinecheck.script.Verdict;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** The JSON of spec section 7: one object per answer set, on one line (JSON Lines for a batch). */
public final class JsonReport {
    private final Wording wording;
    /** The safety nets written so far: a batch writes the same few over and over. Shared by the batch's threads. */
    private final Map<SafetyNetKey, String> safetyNets = new java.util.concurrent.ConcurrentHashMap<>();

    public JsonReport(Wording wording) {
        this.wording = wording;
    }

    /** Writes one verdict as one line; {@code withSource} adds the batch's {@code source} field. */
    public void write(Verdict verdict, Questionnaire questionnaire, boolean withSource, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            if (withSource) {
                g.writeStringProperty("source", verdict.source());
            }
            g.writeName("questionnaire");
            g.writeStartObject();
            g.writeStringProperty("id", questionnaire.id());
            g.writeStringProperty("version", questionnaire.version());
            g.writeEndObject();
            Optional<AnswerFile> answers = verdict instanceof Verdict.Screened s ? Optional.of(s.answers())
                    : ((Verdict.Refused) verdict).answers();
            answers.flatMap(AnswerFile::record).ifPresent(r -> g.writeStringProperty("record", r));
            if (verdict instanceof Verdict.Screened screened) {
                result(g, screened.result());
            } else {
                refused(g, (Verdict.Refused) verdict);
            }
            g.writeEndObject();
        }
        JsonOutput.newline(out);
    }

    /**
     * An input that could not be used at all (a missing questionnaire, an unreadable file): the error object alone,
     * its problems as they were told (with a place only when there is one).
     */
    public static void error(int exitCode, List<String> problems, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            error(g, exitCode, TextReport.NOT_SCREENED, problems);
            g.writeEndObject();
            g.writeEndObject();
        }
        JsonOutput.newline(out);
    }

    /** Opens the error object and writes what every error object has; the caller may add fields, then closes it. */
    private static void error(JsonGenerator g, int exitCode, String summary, List<String> problems) {
        g.writeName("error");
        g.writeStartObject();
        g.writeNumberProperty("exit_code", exitCode);
        g.writeStringProperty("summary", summary);
        g.writeStringProperty("message", String.join("\n", problems));
        JsonOutput.strings(g, "problems", problems);
    }

    private void result(JsonGenerator g, Result result) {
        level(g, result);
        LevelText text = result.questionnaire().level(result.level());
        g.writeStringProperty("headline", headline(result));
        g.writeStringProperty("time_frame", text.timeFrame());
        g.writeStringProperty("next_step", wording.fill(result.nextStep()));
        result.emergency().ifPresent(plan -> g.writeStringProperty("emergency_action", plan.kind().code()));
        g.writeName("advice");
        g.writeStartObject();
        result.care().ifPresent(care -> {
            g.writeName("conservative_care");
            g.writeStartObject();
            g.writeStringProperty("intro", care.intro());
            g.writeName("items");
            g.writeStartArray();
            for (Result.CareLine line : care.lines()) {
                g.writeStartObject();
                g.writeStringProperty("text", line.text());
                g.writeBooleanProperty("tried", line.tried());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        result.fusion().ifPresent(f -> {
            g.writeName("fusion_note");
            g.writeStartObject();
            g.writeStringProperty("title", f.title());
            g.writeStringProperty("text", f.text());
            g.writeEndObject();
        });
        g.writeName("notes");
        g.writeStartArray();
        result.notes().forEach(n -> g.writeString(wording.fill(n)));
        g.writeEndArray();
        strings(g, "learn", result.links().all());
        g.writeEndObject();
        Advice advice = result.questionnaire().advice();
        g.writeName("safety_net");
        g.writeRawValue(safetyNet(result.questionnaire(), result.safetyNet()));
        g.writeStringProperty("disclaimer", wording.fill(advice.disclaimer()));
    }

    /** The questionnaire's safety net as these groups tell it, as JSON: the same for every result with the same groups. */
    private String safetyNet(Questionnaire questionnaire, List<Advice.SafetyGroup> groups) {
        SafetyNetKey key = new SafetyNetKey(questionnaire, groups);
        String json = safetyNets.get(key);
        if (json == null) {
            json = safetyNetJson(questionnaire.advice(), groups);
            if (safetyNets.size() < 64) {
                safetyNets.putIfAbsent(key, json);
            }
        }
        return json;
    }

    private String safetyNetJson(Advice advice, List<Advice.SafetyGroup> groups) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            g.writeStartObject();
            g.writeStringProperty("intro", wording.fill(advice.safetyNet().intro()));
            g.writeName("groups");
            g.writeStartArray();
            for (Advice.SafetyGroup group : groups) {
                g.writeStartObject();
                if (group.kind() != null) {
                    g.writeStringProperty("kind", group.kind().code());
                }
                g.writeStringProperty("title", wording.fill(group.title()));
                strings(g, "items", group.items());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return text.toString();
    }

    /** A questionnaire (by identity: it is immutable) and the safety-net groups of a result. */
    /** Written out: a record's own equals and hashCode are linked at first use, which costs a short run milliseconds. */
    private record SafetyNetKey(Questionnaire questionnaire, List<Advice.SafetyGroup> groups) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SafetyNetKey key && key.questionnaire == questionnaire && key.groups.equals(groups);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(questionnaire) + groups.hashCode();
        }
    }

    /** The level's headline; for an emergency, followed by its one action line. */
    private String headline(Result result) {
        return result.emergency().map(plan -> wording.fill(plan.headline()) + " " + wording.fill(plan.line()))
                .orElseGet(() -> wording.fill(result.questionnaire().level(result.level()).headline()));
    }

    /** The fields the scripted interface promises: level, flags, stopped_early, not_asked. */
    private void level(JsonGenerator g, Result result) {
        Walk.Outcome outcome = result.outcome();
        g.writeStringProperty("level", outcome.level().name());
        g.writeName("flags");
        g.writeStartArray();
        for (FiredFlag flag : outcome.flags()) {
            g.writeStartObject();
            g.writeStringProperty("id", flag.id());
            g.writeStringProperty("level", flag.level().name());
            g.writeStringProperty("title", flag.flag().title());
            g.writeStringProperty("reason", wording.fill(flag.flag().reason()));
            g.writeStringProperty("action", wording.fill(result.action(flag)));
            if (flag.flag().isEmergency()) {
                g.writeStringProperty("action_kind", flag.flag().kind().code());
            } else if (flag.flag().see() != null) {
                g.writeStringProperty("see", flag.flag().see());
            }
            g.writeName("because");
            g.writeStartObject();
            for (Map.Entry<String, Answer> e : flag.because().entrySet()) {
                g.writeName(e.getKey());
                answer(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanProperty("stopped_early", outcome.stoppedEarly());
        if (outcome.stoppedEarly()) {
            g.writeStringProperty("stopped_at", outcome.stoppedAt().orElseThrow().id());
        }
        strings(g, "not_asked", outcome.notAsked());
    }

    private void refused(JsonGenerator g, Verdict.Refused refused) {
        refused.emergency().ifPresent(outcome -> {
            Result result = Result.of(outcome);
            level(g, result);
            g.writeStringProperty("headline", headline(result));
            g.writeStringProperty("next_step", wording.fill(result.nextStep()));
            result.emergency().ifPresent(plan -> g.writeStringProperty("emergency_action", plan.kind().code()));
        });
        error(g, refused.exitCode(), refused.emergency().isPresent() ? TextReport.NOT_A_FULL_RESULT : TextReport.NOT_SCREENED,
                refused.problems());
        if (!refused.missing().isEmpty()) {
            strings(g, "missing", refused.missing());
        }
        g.writeEndObject();
    }

    /** An answer as JSON: a code as text, codes as a list, a whole number as a number. */
    public static void answer(JsonGenerator g, Answer answer) {
        if (answer instanceof Answer.Number n) {
            g.writeNumber(n.value());
        } else if (answer instanceof Answer.Codes codes) {
            g.writeStartArray();
            codes.codes().forEach(g::writeString);
            g.writeEndArray();
        } else {
            g.writeString(((Answer.Code) answer).code());
        }
    }

    private void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        values.forEach(v -> g.writeString(wording.fill(v)));
        g.writeEndArray();
    }
}
