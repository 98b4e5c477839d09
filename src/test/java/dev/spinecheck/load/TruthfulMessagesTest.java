package dev.spinecheck.load;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.CliRun;
import dev.spinecheck.support.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Messages that tell the truth about odd inputs (the answer-file fixtures hold more, with their exact lines). */
class TruthfulMessagesTest {
    @TempDir
    Path dir;

    private interface Reading {
        void run() throws Exception;
    }

    private static InvalidInputException refused(Reading reading) throws Exception {
        try {
            reading.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("no problem was found");
    }

    private static String firstProblem(String text, TreeReader.Syntax syntax) throws Exception {
        return refused(() -> new TreeReader().read(text.getBytes(StandardCharsets.UTF_8), "in", syntax, 1)).problems().get(0).message();
    }

    @Test
    void json_cut_short_says_so_and_trailing_text_is_still_trailing_text() throws Exception {
        for (String cut : List.of("{\"answers\": {\"age\": 45", "{\"answers\": {\"age\": 45}", "{\"answers\": [\"a\"", "{\"answers\": \"ab")) {
            assertThat(firstProblem(cut, TreeReader.Syntax.JSON)).as(cut).startsWith("the JSON ends too early: a closing } ] or \" is missing");
        }
        assertThat(firstProblem("{\"answers\": {}} x", TreeReader.Syntax.JSON))
                .isEqualTo("there is more text after the end of the JSON value — remove it");
    }

    @Test
    void a_nul_byte_is_named_with_its_place_in_a_json_lines_record_too() throws Exception {
        InvalidInputException e = refused(() -> new TreeReader().read("{\"a\": 1,\n \"b\": \u0000}".getBytes(StandardCharsets.UTF_8),
                "x.jsonl", TreeReader.Syntax.JSON, 7));
        assertThat(e.problems().get(0).toString()).isEqualTo("x.jsonl:8:7: the line holds a NUL byte (0x00), which no text file has"
                + " — remove it, or check that this is the right file");
    }

    @Test
    void utf16_big_endian_without_a_bom_is_named_too() throws Exception {
        byte[] utf16be = "answers:\n  age: 45\n".getBytes(StandardCharsets.UTF_16BE);
        InvalidInputException e = refused(() -> new TreeReader().read(utf16be, "be.yaml", TreeReader.Syntax.YAML, 1));
        assertThat(e.problems().get(0).message()).startsWith("the file looks like UTF-16 text without a byte-order mark");
    }

    @Test
    void invisible_and_direction_changing_characters_are_shown_escaped_like_control_characters() {
        for (char c : new char[] {'\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
                '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u001B'}) {
            assertThat(Problem.visible("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + String.format("\\u%04X", (int) c) + "b");
        }
        assertThat(Problem.visible("Grüße, 日本語, 🙂")).isEqualTo("Grüße, 日本語, 🙂");
        assertThat(Problem.visible("half \uD800 pair")).isEqualTo("half \\uD800 pair");
    }

    @Test
    void questionnaire_texts_are_cleaned_at_load_and_validate_warns_with_the_place() throws Exception {
        String yaml = Files.readString(Path.of(getClass().getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8)
                .replace("title: Tiny check", "title: \"Tiny \\u202Echeck\\e[2J\"")
                .replace("text: How is the pain?", "text: \"How is\\u200B the pain?\"");
        Path file = Files.writeString(dir.resolve("tiny.yaml"), yaml);

        Questionnaire q = new QuestionnaireLoader(new TreeReader()).load(file);
        assertThat(q.title()).isEqualTo("Tiny \\u202Echeck\\u001B[2J");
        assertThat(q.question("pain").orElseThrow().text()).isEqualTo("How is\\u200B the pain?");

        CliRun.Outcome validate = cli().run("validate", file.toString());
        assertThat(validate.err()).contains(file + ":3:8: warning: the text holds an invisible or direction-changing character (\\u202E)")
                .contains(file + ":21:15: warning: the text holds an invisible or direction-changing character (\\u200B)");
        assertThat(validate.err() + validate.out()).doesNotContain("\u202E").doesNotContain("\u200B").doesNotContain("\u001B");
    }

    @Test
    void a_loop_of_links_is_not_a_link_to_a_file_that_does_not_exist() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> Inputs.readFile(a)).isInstanceOf(UnreadableInputException.class)
                .hasMessage(a + ": is a loop of symbolic links (it leads back to itself) — fix or remove the link");
        Path dangling = Files.createSymbolicLink(dir.resolve("c.yaml"), dir.resolve("gone.yaml"));
        assertThatThrownBy(() -> Inputs.readFile(dangling))
                .hasMessage(dangling + ": is a link to a file that does not exist — fix or remove the link");
    }

    @Test
    void a_file_name_that_is_not_utf8_is_read_and_shown_as_itself() throws Exception {
        Path latin1 = Path.of(URI.create(dir.toUri() + "caf%E9.yaml"));
        Files.copy(Path.of("questionnaires/examples/harmless.yaml"), latin1);
        assertThat(FileNames.display(latin1)).isEqualTo(dir + "/caf\\xE9.yaml");

        CliRun.Outcome batch = cli().run("batch", dir.toString());

        JsonNode line = Json.lines(batch.out()).get(0);
        assertThat(line.path("source").asString()).isEqualTo(dir + "/caf\\xE9.yaml");
        assertThat(line.path("level").asString()).isEqualTo("SELF_CARE");
    }
}
