package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The answer-file fixtures: every broken file gives its exact messages, each with its line and column, and its exit
 * code, with no stack trace; every tricky-but-valid file screens. Each fixture's expectation is the
 * {@code .expected} file beside it.
 */
class AnswerFileFixturesTest {

    static Stream<Path> broken() throws IOException {
        return fixtures("/answer-errors");
    }

    static Stream<Path> valid() throws IOException {
        return fixtures("/answer-valid");
    }

    private static Stream<Path> fixtures(String folder) throws IOException {
        try {
            Path dir = Path.of(AnswerFileFixturesTest.class.getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> !p.toString().endsWith(".expected")).sorted().toList().stream();
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void a_broken_answer_file_gives_its_messages_lines_and_exit_code(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(fixture + ".expected"), StandardCharsets.UTF_8);
        int exit = Integer.parseInt(expected.get(0).substring("exit ".length()));

        CliRun.Outcome run = cli().run("run", "--answers", fixture.toString());

        assertThat(run.exitCode()).isEqualTo(exit).isNotZero().isNotEqualTo(1);
        List<String> problems = run.errLines().stream().map(line -> line.replace(fixture.toString() + ":", "")).toList();
        assertThat(problems).containsExactlyElementsOf(expected.subList(1, expected.size()));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void a_tricky_but_valid_answer_file_screens(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(fixture + ".expected"), StandardCharsets.UTF_8);

        CliRun.Outcome run = cli().run("run", "--answers", fixture.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = Json.parse(run.out());
        assertThat(result.path("level").asString()).isEqualTo(value(expected, "level"));
        assertThat(String.join(",", Json.flagIds(result))).isEqualTo(value(expected, "flags"));
        List<String> notAsked = Arrays.stream(value(expected, "not_asked").split(",")).filter(s -> !s.isEmpty()).toList();
        assertThat(result.path("not_asked").valueStream().map(JsonNode::asString).toList()).isEqualTo(notAsked);
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.equals(key) || l.startsWith(key + " ")).findFirst()
                .map(l -> l.substring(key.length()).strip()).orElseThrow();
    }
}
