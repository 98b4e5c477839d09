package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts are put on one line once, when a questionnaire is loaded: renderers and the shell take them as they are. */
class TextNormalisationTest {

    private static Questionnaire tinyWith(String original, String replacement) throws Exception {
        String yaml = Files.readString(Path.of(TextNormalisationTest.class.getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8);
        assertThat(yaml).as("the fixture still holds the line this test changes").contains(original);
        byte[] bytes = yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
        return QuestionnaireReader.read(new TreeReader().read(bytes, "tiny.yaml", TreeReader.Syntax.YAML, 1));
    }

    @Test
    void a_literal_block_with_line_breaks_and_runs_of_spaces_loads_as_one_line() throws Exception {
        Questionnaire q = tinyWith("        text: How is the pain?\n",
                "        text: |\n          How   is\n          the\tpain?\n\n");

        assertThat(q.question("pain").orElseThrow().text()).isEqualTo("How is the pain?");
    }

    @Test
    void option_texts_flag_texts_and_advice_lists_are_normalised_too() throws Exception {
        Questionnaire q = tinyWith("          - {code: bad, text: Bad}", "          - {code: bad, text: \"  Very\\n   bad  \"}");
        assertThat(q.question("pain").orElseThrow().option("bad").orElseThrow().text()).isEqualTo("Very bad");

        q = tinyWith("    reason: Bad pain needs a check.", "    reason: \"Bad pain\\n\\n   needs  a check.\"");
        assertThat(q.flags().get(0).reason()).isEqualTo("Bad pain needs a check.");

        q = tinyWith("items: [chest pain]", "items: [\"chest\\n  pain\"]");
        assertThat(q.advice().safetyNet().groups().get(0).items()).containsExactly("chest pain");
    }

    @Test
    void every_text_of_the_bundled_questionnaire_is_one_line_without_double_spaces() throws IOException, URISyntaxException {
        Questionnaire q = Bundled.questionnaire();
        List<String> texts = new ArrayList<>(List.of(q.title(), q.intro(), q.advice().disclaimer()));
        for (Questionnaire.Step step : q.steps()) {
            Question question = step.question();
            texts.add(question.text());
            texts.add(question.help());
            for (Option option : question.options()) {
                texts.add(option.text());
                texts.add(option.help());
            }
        }
        for (Flag flag : q.flags()) {
            texts.addAll(List.of(flag.title(), flag.reason(), flag.action()));
        }
        for (LevelText level : q.levels().values()) {
            texts.addAll(List.of(level.label(), level.headline(), level.timeFrame(), level.nextStep()));
        }
        texts.add(q.advice().safetyNet().intro());
        q.advice().safetyNet().groups().forEach(group -> {
            texts.add(group.title());
            texts.addAll(group.items());
        });

        assertThat(texts).allSatisfy(text -> assertThat(text).as("'%s'", text)
                .doesNotContain("\n", "\t", "  ").isEqualTo(text.strip()));
    }
}
