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
        JsonLine g = new JsonLine(out);
        g.startObject();
        if (withSource) {
            g.stringProperty("source", verdict.source());
        }
        g.name("questionnaire");
        g.startObject();
        g.stringProperty("id", questionnaire.id());
        g.stringProperty("version", questionnaire.version());
        g.endObject();
        Optional<AnswerFile> answers = verdict instanceof Verdict.Screened s ? Optional.of(s.answers())
                : ((Verdict.Refused) verdict).answers();
        answers.flatMap(AnswerFile::record).ifPresent(r -> g.stringProperty("record", r));
        if (verdict instanceof Verdict.Screened screened) {
            result(g, screened.result());
        } else {
            refused(g, (Verdict.Refused) verdict);
        }
        g.endObject();
        g.endLine();
    }

    /**
     * An input that could not be used at all (a missing questionnaire, an unreadable file): the error object alone,
     * its problems as they were told (with a place only when there is one).
     */
    public static void error(int exitCode, List<String> problems, Writer out) {
        JsonLine g = new JsonLine(out);
        g.startObject();
        error(g, exitCode, TextReport.NOT_SCREENED, problems);
        g.endObject();
        g.endObject();
        g.endLine();
    }

    /** Opens the error object and writes what every error object has; the caller may add fields, then closes it. */
    private static void error(JsonLine g, int exitCode, String summary, List<String> problems) {
        g.name("error");
        g.startObject();
        g.numberProperty("exit_code", exitCode);
        g.stringProperty("summary", summary);
        g.stringProperty("message", String.join("\n", problems));
        g.name("problems");
        g.startArray();
        problems.forEach(g::string);
        g.endArray();
    }

    private void result(JsonLine g, Result result) {
        level(g, result);
        LevelText text = result.questionnaire().level(result.level());
        g.stringProperty("headline", headline(result));
        g.stringProperty("time_frame", text.timeFrame());
        g.stringProperty("next_step", wording.fill(result.nextStep()));
        result.emergency().ifPresent(plan -> g.stringProperty("emergency_action", plan.kind().code()));
        g.name("advice");
        g.startObject();
        result.care().ifPresent(care -> {
            g.name("conservative_care");
            g.startObject();
            g.stringProperty("intro", care.intro());
            g.name("items");
            g.startArray();
            for (Result.CareLine line : care.lines()) {
                g.startObject();
                g.stringProperty("text", line.text());
                g.booleanProperty("tried", line.tried());
                g.endObject();
            }
            g.endArray();
            g.endObject();
        });
        result.fusion().ifPresent(f -> {
            g.name("fusion_note");
            g.startObject();
            g.stringProperty("title", f.title());
            g.stringProperty("text", f.text());
            g.endObject();
        });
        g.name("notes");
        g.startArray();
        result.notes().forEach(n -> g.string(wording.fill(n)));
        g.endArray();
        strings(g, "learn", result.links().all());
        g.endObject();
        Advice advice = result.questionnaire().advice();
        g.name("safety_net");
        g.raw(safetyNet(result.questionnaire(), result.safetyNet()));
        g.stringProperty("disclaimer", wording.fill(advice.disclaimer()));
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
        JsonLine g = new JsonLine(text);
        g.startObject();
        g.stringProperty("intro", wording.fill(advice.safetyNet().intro()));
        g.name("groups");
        g.startArray();
        for (Advice.SafetyGroup group : groups) {
            g.startObject();
            if (group.kind() != null) {
                g.stringProperty("kind", group.kind().code());
            }
            g.stringProperty("title", wording.fill(group.title()));
            strings(g, "items", group.items());
            g.endObject();
        }
        g.endArray();
        g.endObject();
        g.flush();
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
    private void level(JsonLine g, Result result) {
        Walk.Outcome outcome = result.outcome();
        g.stringProperty("level", outcome.level().name());
        g.name("flags");
        g.startArray();
        for (FiredFlag flag : outcome.flags()) {
            g.startObject();
            g.stringProperty("id", flag.id());
            g.stringProperty("level", flag.level().name());
            g.stringProperty("title", flag.flag().title());
            g.stringProperty("reason", wording.fill(flag.flag().reason()));
            g.stringProperty("action", wording.fill(result.action(flag)));
            if (flag.flag().isEmergency()) {
                g.stringProperty("action_kind", flag.flag().kind().code());
            } else if (flag.flag().see() != null) {
                g.stringProperty("see", flag.flag().see());
            }
            g.name("because");
            g.startObject();
            for (Map.Entry<String, Answer> e : flag.because().entrySet()) {
                g.name(e.getKey());
                answer(g, e.getValue());
            }
            g.endObject();
            g.endObject();
        }
        g.endArray();
        g.booleanProperty("stopped_early", outcome.stoppedEarly());
        if (outcome.stoppedEarly()) {
            g.stringProperty("stopped_at", outcome.stoppedAt().orElseThrow().id());
        }
        strings(g, "not_asked", outcome.notAsked());
    }

    private void refused(JsonLine g, Verdict.Refused refused) {
        refused.emergency().ifPresent(outcome -> {
            Result result = Result.of(outcome);
            level(g, result);
            g.stringProperty("headline", headline(result));
            g.stringProperty("next_step", wording.fill(result.nextStep()));
            result.emergency().ifPresent(plan -> g.stringProperty("emergency_action", plan.kind().code()));
        });
        error(g, refused.exitCode(), refused.emergency().isPresent() ? TextReport.NOT_A_FULL_RESULT : TextReport.NOT_SCREENED,
                refused.problems());
        if (!refused.missing().isEmpty()) {
            strings(g, "missing", refused.missing());
        }
        g.endObject();
    }

    private void strings(JsonLine g, String name, List<String> values) {
        g.name(name);
        g.startArray();
        values.forEach(v -> g.string(wording.fill(v)));
        g.endArray();
    }

    private static void answer(JsonLine g, Answer answer) {
        if (answer instanceof Answer.Number n) {
            g.number(n.value());
        } else if (answer instanceof Answer.Codes codes) {
            g.startArray();
            List<String> list = codes.codes();
            for (int i = 0; i < list.size(); i++) {
                g.string(list.get(i));
            }
            g.endArray();
        } else {
            g.string(((Answer.Code) answer).code());
        }
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
}
