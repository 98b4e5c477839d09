package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the build and the bundled questionnaire's id and version, for {@code --version}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/spinecheck/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"spinecheck " + properties.getProperty("version", "(development build)"),
            "bundled questionnaire: " + bundled(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    private static String bundled() {
        try {
            Questionnaire questionnaire = new QuestionnaireLoader(new TreeReader()).bundled();
            return questionnaire.id() + " " + questionnaire.version();
        } catch (InvalidInputException e) {
            return QuestionnaireLoader.BUNDLED + " (it does not load: " + e.problems().get(0) + ")";
        } catch (UnreadableInputException e) {
            return QuestionnaireLoader.BUNDLED + " (" + e.getMessage() + ")";
        }
    }
}
