package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Walk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a questionnaire of the tests' own: what the format's keys mean once they are read. */
class QuestionnaireReaderTest {

    private static Questionnaire tiny(String original, String replacement) throws Exception {
        String yaml = Files.readString(Path.of(QuestionnaireReaderTest.class.getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8);
        assertThat(yaml).as("the fixture still holds the text this test changes").contains(original);
        byte[] bytes = yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
        return QuestionnaireReader.read(new TreeReader().read(bytes, "tiny.yaml", TreeReader.Syntax.YAML, 1));
    }

    private static Questionnaire tiny(String original, String replacement, String original2, String replacement2) throws Exception {
        String yaml = Files.readString(Path.of(QuestionnaireReaderTest.class.getResource("/valid-tiny.yaml").toURI()), StandardCharsets.UTF_8);
        assertThat(yaml).contains(original).contains(original2);
        byte[] bytes = yaml.replace(original, replacement).replace(original2, replacement2).getBytes(StandardCharsets.UTF_8);
        return QuestionnaireReader.read(new TreeReader().read(bytes, "tiny.yaml", TreeReader.Syntax.YAML, 1));
    }

    @Test
    void an_option_marked_unknown_is_read_as_unknown_so_a_flag_under_not_does_not_fire_on_it() throws Exception {
        Questionnaire q = tiny("          - {code: bad, text: Bad}\n",
                "          - {code: bad, text: Bad}\n          - {code: unsure, text: Not sure, unknown: true}\n",
                "when: {question: pain, equals: bad}", "when: {not: {question: pain, equals: mild}}");
        assertThat(q.question("pain").orElseThrow().isUnknown(Answer.code("unsure"))).isTrue();
        Walk.Outcome unsure = Walk.run(q, Map.of("age", Answer.number(40), "pain", Answer.code("unsure"), "symptoms", Answer.codes("none")));
        assertThat(unsure.flags()).as("unsure is unknown, never 'not mild'").isEmpty();
        Walk.Outcome bad = Walk.run(q, Map.of("age", Answer.number(40), "pain", Answer.code("bad"), "symptoms", Answer.codes("none")));
        assertThat(bad.flags()).extracting(f -> f.flag().id()).containsExactly("bad_pain");
    }

    @Test
    void not_equals_is_read_as_its_own_operator() throws Exception {
        Questionnaire q = tiny("when: {question: pain, equals: bad}", "when: {question: pain, not_equals: mild}");
        assertThat(q.flags().get(0).when()).isEqualTo(new Condition.NotEquals("pain", "mild"));
        Walk.Outcome bad = Walk.run(q, Map.of("age", Answer.number(40), "pain", Answer.code("bad"), "symptoms", Answer.codes("none")));
        assertThat(bad.flags()).extracting(f -> f.flag().id()).containsExactly("bad_pain");
    }

    @Test
    void a_count_beyond_an_int_is_kept_whole_never_wrapped_round() throws Exception {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> tiny("when: {question: pain, equals: bad}", "when: {question: symptoms, count_at_least: 4294967297}"));
        assertThat(e.problems()).extracting(Problem::message)
                .containsExactly("count_at_least 4294967297 can never be reached: at most 2 known codes of symptoms can be chosen"
                        + " together — use a number from 1 to 2");
    }

    @Test
    void the_key_sets_of_the_format_are_discoverable() {
        assertThat(QuestionnaireReader.keySets()).containsKeys("questionnaire", "question", "option", "flag", "condition", "read_more entry");
        assertThat(QuestionnaireReader.keySets().get("condition")).contains("not_equals", "all", "any", "not", "question");
        assertThat(QuestionnaireReader.QUESTION).contains("ask_when", "below_min");
    }
}
