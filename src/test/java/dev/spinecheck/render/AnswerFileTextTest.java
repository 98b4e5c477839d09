package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.AnswerReader;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TreeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The answer files the program writes read back as the same answers, whatever the codes look like to YAML. */
class AnswerFileTextTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "true", "false", "12", "0", "1e5", "1e-5", "012", "6_to_12_weeks", "no", "yes", "0x1f"})
    void a_code_is_read_back_as_itself(String code) throws Exception {
        String yaml = Files.readString(Path.of(AnswerFileTextTest.class.getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8)
                .replace("{code: numb, text: Numb}", "{code: \"" + code + "\", text: Odd}")
                .replace("{code: mild, text: Mild}", "{code: \"" + code + "\", text: Odd}");
        TreeReader reader = new TreeReader();
        Questionnaire q = QuestionnaireReader.read(reader.read(yaml.getBytes(StandardCharsets.UTF_8), "odd.yaml", TreeReader.Syntax.YAML, 1));
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("age", Answer.number(40));
        answers.put("pain", Answer.code(code));
        answers.put("symptoms", new Answer.Codes(List.of(code, "weak")));

        String written = AnswerFileText.write(q, answers, List.of(), null);
        Map<String, Answer> read = AnswerReader.read(reader.read(written.getBytes(StandardCharsets.UTF_8), "a.yaml",
                TreeReader.Syntax.YAML, 1), q, "a.yaml").answers();

        assertThat(read).as(written).isEqualTo(answers);
        boolean readsAsOther = List.of("null", "true", "false").contains(code) || code.matches("[0-9]+(e-?[0-9]+)?");
        assertThat(written).as("only a code YAML would read as something else is quoted")
                .contains(readsAsOther ? "pain: '" + code + "'\n" : "pain: " + code + "\n");
    }
}
