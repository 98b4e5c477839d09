package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Texts;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The result lines a batch writes, many into one buffer with the questionnaire's texts kept as JSON, and those written
 * one at a time to a writer, are each the line written alone with nothing kept: as characters, and as the UTF-8 bytes
 * Java's writer makes of those characters. Also
 * for a questionnaire whose texts are full of what JSON escapes, what UTF-8 writes in several bytes, surrogates without
 * their pair and placeholders, and an emergency number of the same kind.
 */
class JsonReportLinesTest {
    private static final String[] ODD = {"\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u00e9", "\u2014", "\ud83d\ude00", "\ud800", "\udfff",
        "{emergency_number}", " ", "/", "\u007f"};

    private static final String GO_FLAG_AS_GO = "{\"record\":\"go\",\"answers\":{\"age\":18,\"pain_region\":[\"neck\",\"mid_back\",\"lower_back\"],"
            + "\"spine_surgery\":\"none\",\"injury\":\"none\",\"chest_pain\":\"no\",\"sudden_severe_pain\":\"no\",\"neck_warning_signs\":false,"
            + "\"saddle_numbness\":\"no\",\"bladder_change\":\"no\",\"bowel_change\":\"no\",\"both_legs\":\"no\",\"sexual_change\":\"prefer_not_to_say\","
            + "\"radiating_pain\":\"no\",\"numbness\":\"none\",\"weakness\":\"none\",\"walking_balance\":\"no\",\"hand_clumsiness\":\"gradual\","
            + "\"neck_shock\":\"no\",\"fever\":\"no\",\"infection_risk\":[\"injects_drugs\"],\"cancer_history\":\"yes\",\"weight_loss\":\"no\","
            + "\"night_pain\":\"no\",\"lump_or_shape_change\":\"no\",\"bone_risk\":\"no\",\"pain_duration\":\"under_2_weeks\",\"trend\":\"better\","
            + "\"daily_impact\":\"not_at_all\",\"tried\":[\"weight_or_smoking\"],\"diagnosis\":[\"herniated_disc\"]}}";
    private static final String GO_FLAG_AS_CALL = GO_FLAG_AS_GO.replace("\"weakness\":\"none\"", "\"weakness\":\"worsening\"");

    /** Each text with a few odd characters added, the same for the same text. */
    private static Questionnaire odd(Questionnaire questionnaire) {
        return Texts.map(questionnaire, text -> {
            Random random = new Random(text.hashCode());
            StringBuilder odd = new StringBuilder(text);
            for (int i = random.nextInt(4); i > 0; i--) {
                odd.insert(random.nextInt(odd.length() + 1), ODD[random.nextInt(ODD.length)]);
            }
            return odd.toString();
        });
    }

    /** Records with no emergency: the harmless example with some of its answers changed, for every level and advice. */
    private static String milder(Questionnaire questionnaire, Random random, int count) {
        Map<String, Object> harmless;
        try {
            harmless = new ObjectMapper().readValue(Files.readString(Path.of("questionnaires/examples/harmless.json")),
                    new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) harmless.get("answers");
        List<String> changeable = List.of("trend", "daily_impact", "pain_duration", "tried", "night_pain", "weight_loss", "infection_risk",
                "diagnosis", "numbness", "weakness", "radiating_pain", "pain_region", "spine_surgery", "bone_risk", "cancer_history",
                "saddle_numbness", "walking_balance", "bladder_change");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Map<String, Object> changed = new LinkedHashMap<>(answers);
            for (int k = random.nextInt(4); k > 0; k--) {
                String id = changeable.get(random.nextInt(changeable.size()));
                Question question = questionnaire.question(id).orElseThrow();
                String code = question.options().get(random.nextInt(question.options().size())).code();
                changed.put(id, question instanceof Question.Multi ? List.of(code) : code);
            }
            StringBuilder line = new StringBuilder("{\"record\":\"mild-" + i + "\",\"answers\":{");
            changed.forEach((id, value) -> line.append('"').append(id).append("\":").append(value instanceof List<?> list
                    ? "[\"" + list.get(0) + "\"]" : value instanceof String text ? "\"" + text + "\"" : value).append(','));
            line.setLength(line.length() - 1);
            lines.append(line).append("}}\n");
        }
        // A go flag told as go, then the same flag told as call (a worsening weakness makes it call): one flag, two actions.
        for (int i = 0; i < 3; i++) {
            lines.append(GO_FLAG_AS_GO).append('\n').append(GO_FLAG_AS_CALL).append('\n');
        }
        return lines.toString();
    }

    /** What {@code OutputStreamWriter} writes for the text. */
    private static byte[] utf8(String text) {
        return JsonLineTest.utf8(text);
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void many_lines_with_texts_kept_are_the_lines_written_alone(long seed) {
        Random random = new Random(seed);
        for (boolean oddTexts : new boolean[] {false, true}) {
            Questionnaire questionnaire = oddTexts ? odd(Bundled.questionnaire()) : Bundled.questionnaire();
            Wording wording = new Wording(oddTexts ? "1\"1\\2 \u00e9\ud83d\ude00\ud800 {emergency_number}" : null);
            ScriptedScreening screening = new ScriptedScreening(questionnaire, new TreeReader());
            List<Verdict> verdicts = new ArrayList<>();
            String[] records = (RandomRecords.lines(questionnaire, random, 200) + milder(questionnaire, random, 100)).split("\n");
            for (int i = 0; i < records.length; i++) {
                verdicts.add(screening.screen("in" + ODD[i % ODD.length] + ".jsonl:" + (i + 1), "in.jsonl",
                        records[i].getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.JSON, i + 1));
            }
            JsonReport report = new JsonReport(wording);
            StringWriter alone = new StringWriter();
            StringWriter viaWriter = new StringWriter();
            JsonReport.Lines chars = report.lines(true);
            JsonReport.Lines bytes = report.lines(false);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            StringWriter writtenChars = new StringWriter();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < verdicts.size(); i++) {
                    boolean withSource = i % 5 != 0;
                    JsonReport.Lines plain = new JsonReport.Lines(wording, true, false);
                    plain.write(verdicts.get(i), questionnaire, withSource);
                    plain.writeTo(alone);
                    report.write(verdicts.get(i), questionnaire, withSource, viaWriter);
                    chars.write(verdicts.get(i), questionnaire, withSource);
                    bytes.write(verdicts.get(i), questionnaire, withSource);
                    if (random.nextInt(8) == 0) {
                        chars.writeTo(writtenChars);
                        written.write(bytes.bytes(), 0, bytes.length());
                        bytes.clear();
                    }
                }
            }
            chars.writeTo(writtenChars);
            written.write(bytes.bytes(), 0, bytes.length());

            for (String part : List.of("\"level\":\"EMERGENCY\"", "\"level\":\"URGENT\"", "\"error\":", "\"conservative_care\":",
                    "\"action\":\"Go", "\"action_kind\":\"go\"")) {
                assertThat(alone.toString().contains(part)).as("the records mix results, emergencies and errors: %s", part).isTrue();
            }
            assertThat(writtenChars.toString()).as("seed %d, odd texts %s", seed, oddTexts).isEqualTo(alone.toString());
            assertThat(viaWriter.toString()).as("seed %d, odd texts %s", seed, oddTexts).isEqualTo(alone.toString());
            assertThat(Arrays.equals(written.toByteArray(), utf8(alone.toString()))).as("seed %d, odd texts %s", seed, oddTexts).isTrue();
        }
    }
}
