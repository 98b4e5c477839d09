package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each kind of question is named for its type in the questionnaire format: YesNo is yes_no, IntegerQuestion integer. */
class QuestionTypeNamesTest {

    @Test
    void each_question_class_is_named_for_its_type_in_the_format() {
        Set<String> types = new TreeSet<>();
        for (Questionnaire.Step step : Bundled.questionnaire().steps()) {
            Question question = step.question();
            String name = question.getClass().getSimpleName().replaceFirst("Question$", "");
            String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            assertThat(snake).as(question.getClass().getName()).isEqualTo(question.type());
            types.add(question.type());
        }
        assertThat(types).as("the bundled questionnaire uses every type").containsExactly("choice", "integer", "multi", "yes_no");
    }
}
