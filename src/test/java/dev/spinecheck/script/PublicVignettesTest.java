package dev.spinecheck.script;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Spec section 8: every public vignette gives its level, its exact flags and stopped_early, through run and batch. */
class PublicVignettesTest {

    static Path folder() throws URISyntaxException {
        return Path.of(PublicVignettesTest.class.getResource("/vignettes/expected.json").toURI()).getParent();
    }

    static Stream<Arguments> vignettes() throws Exception {
        JsonNode expected = Json.parse(Files.readString(folder().resolve("expected.json")));
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            cases.add(Arguments.of(e.getKey(), e.getValue().path("story").asString(), e.getValue()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vignettes")
    void run_gives_the_level_flags_and_stop_of_the_spec(String id, String story, JsonNode expected) throws Exception {
        CliRun.Outcome run = cli().run("run", "--answers", folder().resolve(id + ".yaml").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = Json.parse(run.out());
        assertThat(result.path("level").asString()).isEqualTo(expected.path("level").asString());
        assertThat(Json.flagIds(result)).containsExactlyElementsOf(strings(expected.path("flags")));
        assertThat(result.path("stopped_early").asBoolean()).isEqualTo(expected.path("stopped_early").asBoolean());
        assertThat(result.path("record").asString()).isEqualTo(id);
        assertThat(result.path("not_asked").size()).isZero();
    }

    @Test
    void batch_gives_the_same_results_for_every_vignette_in_name_order() throws Exception {
        JsonNode expected = Json.parse(Files.readString(folder().resolve("expected.json")));
        List<String> files = new ArrayList<>();
        expected.properties().forEach(e -> files.add(folderString(e.getKey() + ".yaml")));

        CliRun.Outcome batch = cli().run(Stream.concat(Stream.of("batch"), files.stream()).toArray(String[]::new));

        assertThat(batch.exitCode()).as(batch.err()).isZero();
        List<JsonNode> lines = Json.lines(batch.out());
        assertThat(lines).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            JsonNode line = lines.get(i++);
            assertThat(line.path("source").asString()).endsWith(e.getKey() + ".yaml");
            assertThat(line.path("level").asString()).as(e.getKey()).isEqualTo(e.getValue().path("level").asString());
            assertThat(Json.flagIds(line)).as(e.getKey()).containsExactlyElementsOf(strings(e.getValue().path("flags")));
            assertThat(line.path("stopped_early").asBoolean()).as(e.getKey()).isEqualTo(e.getValue().path("stopped_early").asBoolean());
        }
        assertThat(batch.err()).contains("16 answer sets").contains("errors 0");
    }

    private static String folderString(String name) {
        try {
            return folder().resolve(name).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
