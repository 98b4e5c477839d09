package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.AnswerFile;
import dev.spinecheck.script.Verdict;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** The JSON of spec section 7: one object per answer set, on one line (JSON Lines for a batch). */
public final class JsonReport {
    private final Wording wording;
    /** Each thread's buffer for {@link #write}: what it keeps of the texts serves every later line. */
    private final ThreadLocal<Lines> forWriters;

    public JsonReport(Wording wording) {
        this.wording = wording;
        this.forWriters = ThreadLocal.withInitial(() -> new Lines(wording, true, true));
    }

    /** Writes one verdict as one line and flushes the writer; {@code withSource} adds the batch's {@code source} field. */
    public void write(Verdict verdict, Questionnaire questionnaire, boolean withSource, Writer out) {
        Lines lines = forWriters.get();
        // Nothing of a line that failed half-way is left.
        lines.clear();
        lines.write(verdict, questionnaire, withSource);
        lines.writeTo(out);
    }

    /**
     * A buffer for many lines, written as UTF-8 bytes ({@code forChars} false) or to be written to a writer as
     * characters; for one thread at a time.
     */
    public Lines lines(boolean forChars) {
        return new Lines(wording, forChars, true);
    }

    /**
     * An input that could not be used at all (a missing questionnaire, an unreadable file): the error object alone,
     * its problems as they were told (with a place only when there is one).
     */
    public static void error(int exitCode, List<String> problems, Writer out) {
        JsonLine g = new JsonLine(1024, true);
        g.startObject();
        error(g, exitCode, TextReport.NOT_SCREENED, problems);
        g.endObject();
        g.endObject();
        g.endLine();
        g.writeTo(out);
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
        for (int i = 0; i < problems.size(); i++) {
            g.string(problems.get(i));
        }
        g.endArray();
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

    /**
     * Result lines, one after another in one buffer: what a batch's thread writes for a chunk of records, and hands on
     * as bytes. The questionnaire's texts are the same in every line, so their JSON is made once and kept (bounded):
     * each text, a fired flag's fields before its answers, the safety net. For one thread at a time.
     */
    public static final class Lines {
        private static final byte[] SOURCE = name("source");
        private static final byte[] QUESTIONNAIRE = name("questionnaire");
        private static final byte[] ID = name("id");
        private static final byte[] VERSION = name("version");
        private static final byte[] RECORD = name("record");
        private static final byte[] LEVEL = name("level");
        private static final byte[] FLAGS = name("flags");
        private static final byte[] TITLE = name("title");
        private static final byte[] REASON = name("reason");
        private static final byte[] ACTION = name("action");
        private static final byte[] ACTION_KIND = name("action_kind");
        private static final byte[] SEE = name("see");
        private static final byte[] BECAUSE = name("because");
        private static final byte[] STOPPED_EARLY = name("stopped_early");
        private static final byte[] STOPPED_AT = name("stopped_at");
        private static final byte[] NOT_ASKED = name("not_asked");
        private static final byte[] HEADLINE = name("headline");
        private static final byte[] TIME_FRAME = name("time_frame");
        private static final byte[] NEXT_STEP = name("next_step");
        private static final byte[] EMERGENCY_ACTION = name("emergency_action");
        private static final byte[] ADVICE = name("advice");
        private static final byte[] CONSERVATIVE_CARE = name("conservative_care");
        private static final byte[] INTRO = name("intro");
        private static final byte[] ITEMS = name("items");
        private static final byte[] TEXT = name("text");
        private static final byte[] TRIED = name("tried");
        private static final byte[] FUSION_NOTE = name("fusion_note");
        private static final byte[] NOTES = name("notes");
        private static final byte[] LEARN = name("learn");
        private static final byte[] SAFETY_NET = name("safety_net");
        private static final byte[] DISCLAIMER = name("disclaimer");
        private static final byte[] MISSING = name("missing");
        private static final int TEXTS = 2048;
        private static final int TEXT_BYTES = 1 << 18;
        private static final int FLAGS_KEPT = 256;
        private static final int SAFETY_NETS_KEPT = 16;

        private final Wording wording;
        private final JsonLine g;
        private final boolean cached;
        /** The JSON of texts as the questionnaire has them, and of texts with their placeholders filled in. */
        private final TextCache asIs;
        private final TextCache filled;
        /** A fired flag's fields before its answers, by the flag and its action text. */
        private final Flag[] heads;
        private final String[] headActions;
        private final byte[][] headJson;
        /** The safety nets written, by questionnaire and groups. */
        private final Questionnaire[] netQuestionnaires;
        private final List<?>[] netGroups;
        private final byte[][] netJson;
        private int nets;
        /** The questionnaire last written, and its JSON. */
        private Questionnaire told;
        private byte[] toldJson;

        Lines(Wording wording, boolean forChars, boolean cached) {
            this.wording = wording;
            this.cached = cached;
            int kept = cached ? 1 : 0;
            g = new JsonLine(cached ? 1 << 16 : 4096, forChars);
            asIs = new TextCache(TEXTS * kept, TEXT_BYTES);
            filled = new TextCache(TEXTS * kept, TEXT_BYTES);
            heads = new Flag[FLAGS_KEPT * kept];
            headActions = new String[FLAGS_KEPT * kept];
            headJson = new byte[FLAGS_KEPT * kept][];
            netQuestionnaires = new Questionnaire[SAFETY_NETS_KEPT * kept];
            netGroups = new List<?>[SAFETY_NETS_KEPT * kept];
            netJson = new byte[SAFETY_NETS_KEPT * kept][];
        }

        private static byte[] name(String name) {
            return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        }

        /** The lines written so far: {@code bytes()[0 .. length())}, UTF-8 (or for {@link #writeTo} when for characters). */
        public byte[] bytes() {
            return g.bytes();
        }

        public int length() {
            return g.length();
        }

        /** Forgets the lines written (the buffer and what is kept stay, for the next ones). */
        public void clear() {
            g.clear();
        }

        /** Hands the lines written to the writer as characters, flushes it and forgets them. */
        public void writeTo(Writer out) {
            g.writeTo(out);
        }

        /** Adds one verdict as one line; {@code withSource} adds the batch's {@code source} field. */
        public void write(Verdict verdict, Questionnaire questionnaire, boolean withSource) {
            JsonLine g = this.g;
            g.startObject();
            if (withSource) {
                g.name(SOURCE);
                g.string(verdict.source());
            }
            questionnaire(questionnaire);
            if (verdict instanceof Verdict.Screened screened) {
                record(screened.answers());
                result(screened.result());
            } else {
                Verdict.Refused refused = (Verdict.Refused) verdict;
                Optional<AnswerFile> answers = refused.answers();
                if (answers.isPresent()) {
                    record(answers.get());
                }
                refused(refused);
            }
            g.endObject();
            g.endLine();
        }

        /** The questionnaire's id and version: the same in every line. */
        private void questionnaire(Questionnaire questionnaire) {
            if (questionnaire == told) {
                g.properties(toldJson);
                return;
            }
            int start = g.propertyStart();
            g.name(QUESTIONNAIRE);
            g.startObject();
            asIs(ID, questionnaire.id());
            asIs(VERSION, questionnaire.version());
            g.endObject();
            if (cached) {
                told = questionnaire;
                toldJson = g.since(start);
            }
        }

        private void record(AnswerFile answers) {
            Optional<String> record = answers.record();
            if (record.isPresent()) {
                g.name(RECORD);
                g.string(record.get());
            }
        }

        /** A text written as it is. */
        private void asIs(String text) {
            if (text == null) {
                g.string(null);
                return;
            }
            g.raw(asIsJson(text));
        }

        private void asIs(byte[] name, String text) {
            if (text == null) {
                g.name(name);
                g.string(null);
                return;
            }
            g.property(name, asIsJson(text));
        }

        /** A text with its placeholders filled in. */
        private void filled(String text) {
            g.raw(filledJson(text));
        }

        private void filled(byte[] name, String text) {
            g.property(name, filledJson(text));
        }

        private byte[] filledJson(String text) {
            byte[] json = text == null ? null : filled.get(text);
            return json != null ? json : filledFirst(text);
        }

        private byte[] filledFirst(String text) {
            byte[] json = g.encoded(wording.fill(text));
            if (text != null) {
                filled.keep(text, json);
            }
            return json;
        }

        private void filledAll(List<String> texts) {
            g.startArray();
            for (int i = 0; i < texts.size(); i++) {
                filled(texts.get(i));
            }
            g.endArray();
        }

        private void result(Result result) {
            JsonLine g = this.g;
            level(result);
            Questionnaire questionnaire = result.questionnaire();
            LevelText text = questionnaire.level(result.level());
            Optional<EmergencyPlan> emergency = result.emergency();
            g.name(HEADLINE);
            headline(emergency, text);
            asIs(TIME_FRAME, text.timeFrame());
            filled(NEXT_STEP, result.nextStep());
            if (emergency.isPresent()) {
                asIs(EMERGENCY_ACTION, emergency.get().kind().code());
            }
            g.name(ADVICE);
            g.startObject();
            Optional<Result.CareAdvice> care = result.care();
            if (care.isPresent()) {
                care(care.get());
            }
            Optional<Advice.FusionNote> fusion = result.fusion();
            if (fusion.isPresent()) {
                g.name(FUSION_NOTE);
                g.startObject();
                asIs(TITLE, fusion.get().title());
                asIs(TEXT, fusion.get().text());
                g.endObject();
            }
            g.name(NOTES);
            filledAll(result.notes());
            g.name(LEARN);
            filledAll(result.links().all());
            g.endObject();
            safetyNet(questionnaire, result.safetyNet());
        }

        private void care(Result.CareAdvice care) {
            JsonLine g = this.g;
            g.name(CONSERVATIVE_CARE);
            g.startObject();
            asIs(INTRO, care.intro());
            g.name(ITEMS);
            g.startArray();
            List<Result.CareLine> lines = care.lines();
            for (int i = 0; i < lines.size(); i++) {
                Result.CareLine line = lines.get(i);
                g.startObject();
                asIs(TEXT, line.text());
                g.name(TRIED);
                g.bool(line.tried());
                g.endObject();
            }
            g.endArray();
            g.endObject();
        }

        /** The level's headline; for an emergency, followed by its one action line. */
        private void headline(Optional<EmergencyPlan> emergency, LevelText text) {
            if (emergency.isPresent()) {
                EmergencyPlan plan = emergency.get();
                g.joined(filledJson(plan.headline()), filledJson(plan.line()));
            } else {
                filled(text.headline());
            }
        }

        /** The fields the scripted interface promises: level, flags, stopped_early, not_asked. */
        private void level(Result result) {
            JsonLine g = this.g;
            Walk.Outcome outcome = result.outcome();
            asIs(LEVEL, outcome.level().name());
            g.name(FLAGS);
            g.startArray();
            List<FiredFlag> flags = outcome.flags();
            for (int i = 0; i < flags.size(); i++) {
                FiredFlag flag = flags.get(i);
                g.startObject();
                head(flag.flag(), result.action(flag));
                g.name(BECAUSE);
                g.startObject();
                for (Map.Entry<String, Answer> e : flag.because().entrySet()) {
                    g.encodedName(asIsJson(e.getKey()));
                    answer(e.getValue());
                }
                g.endObject();
                g.endObject();
            }
            g.endArray();
            g.name(STOPPED_EARLY);
            boolean stoppedEarly = outcome.stoppedEarly();
            g.bool(stoppedEarly);
            if (stoppedEarly) {
                asIs(STOPPED_AT, outcome.stoppedAt().orElseThrow().id());
            }
            g.name(NOT_ASKED);
            filledAll(outcome.notAsked());
        }

        private byte[] asIsJson(String text) {
            byte[] json = asIs.get(text);
            return json != null ? json : asIsFirst(text);
        }

        private byte[] asIsFirst(String text) {
            byte[] json = g.encoded(text);
            asIs.keep(text, json);
            return json;
        }

        /** A fired flag's fields before its answers: the same for every line with this flag and action text. */
        private void head(Flag flag, String action) {
            int slot = -1;
            if (cached) {
                int hash = flag.id().hashCode() * 31 + (action == null ? 0 : action.hashCode());
                int mask = heads.length - 1;
                for (int i = 0, at = (hash ^ hash >>> 16) & mask; i < 8; i++, at = (at + 1) & mask) {
                    if (heads[at] == flag && headActions[at] == action) {
                        g.properties(headJson[at]);
                        return;
                    }
                    if (heads[at] == null && slot < 0) {
                        slot = at;
                    }
                }
            }
            int start = g.propertyStart();
            asIs(ID, flag.id());
            asIs(LEVEL, flag.level().name());
            asIs(TITLE, flag.title());
            filled(REASON, flag.reason());
            filled(ACTION, action);
            if (flag.isEmergency()) {
                asIs(ACTION_KIND, flag.kind().code());
            } else if (flag.see() != null) {
                asIs(SEE, flag.see());
            }
            if (slot >= 0) {
                heads[slot] = flag;
                headActions[slot] = action;
                headJson[slot] = g.since(start);
            }
        }

        private void answer(Answer answer) {
            if (answer instanceof Answer.Code code) {
                asIs(code.code());
            } else if (answer instanceof Answer.Codes codes) {
                codes(codes.codes());
            } else {
                g.number(((Answer.Number) answer).value());
            }
        }

        private void codes(List<String> codes) {
            g.startArray();
            for (int i = 0; i < codes.size(); i++) {
                asIs(codes.get(i));
            }
            g.endArray();
        }

        /**
         * The questionnaire's safety net as these groups tell it, and its disclaimer: the same for every result with the
         * same groups.
         */
        private void safetyNet(Questionnaire questionnaire, List<Advice.SafetyGroup> groups) {
            for (int i = 0; i < nets; i++) {
                if (netQuestionnaires[i] == questionnaire && same(netGroups[i], groups)) {
                    g.properties(netJson[i]);
                    return;
                }
            }
            int start = g.propertyStart();
            g.name(SAFETY_NET);
            safetyNetJson(questionnaire.advice(), groups);
            filled(DISCLAIMER, questionnaire.advice().disclaimer());
            if (nets < netJson.length) {
                netQuestionnaires[nets] = questionnaire;
                netGroups[nets] = groups;
                netJson[nets] = g.since(start);
                nets++;
            }
        }

        /** The same groups: the very ones (as a result tells them, mostly), or equal ones. */
        private static boolean same(List<?> kept, List<Advice.SafetyGroup> groups) {
            int n = groups.size();
            if (kept.size() != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (kept.get(i) != groups.get(i)) {
                    return kept.equals(groups);
                }
            }
            return true;
        }

        private void safetyNetJson(Advice advice, List<Advice.SafetyGroup> groups) {
            JsonLine g = this.g;
            g.startObject();
            filled(INTRO, advice.safetyNet().intro());
            g.name("groups");
            g.startArray();
            for (Advice.SafetyGroup group : groups) {
                g.startObject();
                if (group.kind() != null) {
                    g.name("kind");
                    asIs(group.kind().code());
                }
                filled(TITLE, group.title());
                g.name(ITEMS);
                filledAll(group.items());
                g.endObject();
            }
            g.endArray();
            g.endObject();
        }

        private void refused(Verdict.Refused refused) {
            JsonLine g = this.g;
            Optional<Walk.Outcome> outcome = refused.emergency();
            if (outcome.isPresent()) {
                Result result = Result.of(outcome.get());
                level(result);
                Optional<EmergencyPlan> emergency = result.emergency();
                g.name(HEADLINE);
                headline(emergency, result.questionnaire().level(result.level()));
                filled(NEXT_STEP, result.nextStep());
                if (emergency.isPresent()) {
                    asIs(EMERGENCY_ACTION, emergency.get().kind().code());
                }
            }
            error(g, refused.exitCode(), outcome.isPresent() ? TextReport.NOT_A_FULL_RESULT : TextReport.NOT_SCREENED,
                    refused.problems());
            if (!refused.missing().isEmpty()) {
                g.name(MISSING);
                filledAll(refused.missing());
            }
            g.endObject();
        }
    }
}
