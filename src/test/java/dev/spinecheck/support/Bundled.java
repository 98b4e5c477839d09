package dev.spinecheck.support;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;

/** The bundled questionnaire, loaded once: it is immutable. */
public final class Bundled {
    private static final Questionnaire QUESTIONNAIRE = load();

    private Bundled() {}

    public static Questionnaire questionnaire() {
        return QUESTIONNAIRE;
    }

    private static Questionnaire load() {
        try {
            return new QuestionnaireLoader(new TreeReader()).bundled();
        } catch (Exception e) {
            throw new IllegalStateException("the bundled questionnaire does not load: " + e, e);
        }
    }
}
