package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code --version} names the bundled questionnaire from its top lines: they must say what the full reading says. */
class BundledIdentityTest {

    @Test
    void the_quick_identity_is_the_id_and_version_the_full_reading_gives() {
        Questionnaire bundled = Bundled.questionnaire();
        assertThat(QuestionnaireLoader.bundledIdentity()).contains(bundled.id() + " " + bundled.version());
    }

    @Test
    void a_comment_is_cut_where_the_regular_expression_would_cut_it() {
        assertThat(QuestionnaireLoader.withoutComment(" spine-screening  # the id")).isEqualTo(" spine-screening");
        assertThat(QuestionnaireLoader.withoutComment(" a#b")).as("a # inside a word is no comment").isEqualTo(" a#b");
        assertThat(QuestionnaireLoader.withoutComment("#x")).as("no white space before it").isEqualTo("#x");
        assertThat(QuestionnaireLoader.withoutComment("\t# all comment")).isEmpty();
        assertThat(QuestionnaireLoader.withoutComment(" 2.0.0\u000B\f# odd spaces")).isEqualTo(" 2.0.0");
        assertThat(QuestionnaireLoader.withoutComment(" a\u00A0# not a \\s")).isEqualTo(" a\u00A0# not a \\s");
        Random random = new Random(17);
        String alphabet = " \t\u000B\f#a1\"'\u00A0\u2003";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = text.toString();
            assertThat(QuestionnaireLoader.withoutComment(line)).as("'%s'", line).isEqualTo(line.replaceFirst("\\s+#.*$", ""));
        }
    }
}
