package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import org.junit.jupiter.api.Test;

/** {@code --version} names the bundled questionnaire from its top lines: they must say what the full reading says. */
class BundledIdentityTest {

    @Test
    void the_quick_identity_is_the_id_and_version_the_full_reading_gives() {
        Questionnaire bundled = Bundled.questionnaire();
        assertThat(QuestionnaireLoader.bundledIdentity()).contains(bundled.id() + " " + bundled.version());
    }
}
