package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.SpecOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Random answer sets, written as JSON Lines and as YAML answer files, go through {@code batch} and {@code run}; every
 * result must agree with the independent transcription of the specification. This is the check a clinic's own
 * hold-out sets make, through the same doors.
 */
class RandomAnswerSetsThroughCommandsTest {
    @TempDir
    Path dir;

    private final List<Map<String, Answer>> sets = new ArrayList<>();

    private void generate(int count, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            sets.add(RandomAnswers.of(Bundled.questionnaire(), random, i % 5 == 0 ? 0.1 : 0.0));
        }
    }

    @Test
    void batch_of_json_lines_agrees_with_the_specification_on_every_set() throws IOException {
        generate(3000, 20261122L);
        Path jsonl = dir.resolve("random.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Map<String, Answer> set : sets) {
            lines.append(json(set)).append('\n');
        }
        Files.writeString(jsonl, lines);

        CliRun.Outcome batch = cli().run("batch", jsonl.toString());

        List<JsonNode> results = Json.lines(batch.out());
        assertThat(results).hasSize(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            assertAgrees(results.get(i), sets.get(i), "line " + (i + 1));
        }
    }

    @Test
    void run_on_yaml_files_agrees_with_the_specification_on_every_set() throws IOException {
        generate(300, 42L);
        for (int i = 0; i < sets.size(); i++) {
            Path file = dir.resolve("set-" + i + ".yaml");
            Files.writeString(file, yaml(sets.get(i)));
            CliRun.Outcome run = cli().run("run", "--answers", file.toString(), "--format", "json");
            assertAgrees(Json.parse(run.out()), sets.get(i), file.getFileName().toString());
            assertThat(run.exitCode()).isEqualTo(SpecOracle.walk(sets.get(i)).missing().isEmpty()
                    && !SpecOracle.walk(sets.get(i)).outOfScope() ? 0 : 65);
        }
    }

    private static void assertAgrees(JsonNode result, Map<String, Answer> answers, String where) {
        SpecOracle.Outcome spec = SpecOracle.walk(answers);
        if (spec.outOfScope()) {
            assertThat(result.path("error").path("message").asString()).as(where).contains("for adults");
            SpecOracle.Outcome emergency = SpecOracle.walkWithAgeUnknown(answers);
            if (emergency.stoppedEarly()) {
                assertThat(result.path("level").asString()).as(where + ": the emergency under 16").isEqualTo("EMERGENCY");
                assertThat(Json.flagIds(result)).as(where).isEqualTo(emergency.flags());
                assertThat(result.path("emergency_action").asString()).as(where).isEqualTo(emergency.action());
            } else {
                assertThat(result.has("level")).as(where + ": no emergency, so no level").isFalse();
            }
            return;
        }
        if (!spec.missing().isEmpty()) {
            assertThat(result.path("error").path("missing").valueStream().map(JsonNode::asString).toList()).as(where)
                    .isEqualTo(spec.missing());
            if (spec.stoppedEarly()) {
                assertThat(Json.flagIds(result)).as(where).isEqualTo(spec.flags());
                assertThat(result.path("emergency_action").asString()).as(where).isEqualTo(spec.action());
            } else {
                assertThat(result.has("level")).as(where + ": no certain emergency, so no level").isFalse();
            }
            return;
        }
        assertThat(result.path("level").asString()).as(where).isEqualTo(spec.level());
        assertThat(Json.flagIds(result)).as(where).isEqualTo(spec.flags());
        assertThat(result.path("stopped_early").asBoolean()).as(where).isEqualTo(spec.stoppedEarly());
        assertThat(result.path("not_asked").valueStream().map(JsonNode::asString).toList()).as(where).isEqualTo(spec.notAsked());
        if (spec.level().equals("EMERGENCY")) {
            assertThat(result.path("emergency_action").asString()).as(where).isEqualTo(spec.action());
        }
    }

    private static String json(Map<String, Answer> set) {
        StringBuilder s = new StringBuilder("{\"answers\": {");
        String comma = "";
        for (Map.Entry<String, Answer> e : set.entrySet()) {
            s.append(comma).append('"').append(e.getKey()).append("\": ").append(value(e.getValue(), true));
            comma = ", ";
        }
        return s.append("}}").toString();
    }

    private static String yaml(Map<String, Answer> set) {
        StringBuilder s = new StringBuilder("questionnaire: spine-screening\nanswers:\n");
        for (Map.Entry<String, Answer> e : set.entrySet()) {
            s.append("  ").append(e.getKey()).append(": ").append(value(e.getValue(), false)).append('\n');
        }
        return s.toString();
    }

    /** Codes quoted in JSON; in YAML written bare, as a person would (yes and no stay codes). */
    private static String value(Answer answer, boolean json) {
        String q = json ? "\"" : "";
        if (answer instanceof Answer.Number n) {
            return Long.toString(n.value());
        }
        if (answer instanceof Answer.Codes codes) {
            return "[" + String.join(", ", codes.codes().stream().map(c -> q + c + q).toList()) + "]";
        }
        return q + ((Answer.Code) answer).code() + q;
    }
}
