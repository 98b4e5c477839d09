package dev.spinecheck.cli;

import dev.spinecheck.load.QuestionnaireLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the build and the bundled questionnaire's id and version, for {@code --version}. */
public final class VersionProvider implements IVersionProvider {
    /** picocli asks once for each subcommand it builds (to inherit the root's version), so the lines are kept. */
    private String[] lines;

    @Override
    public String[] getVersion() throws IOException {
        if (lines == null) {
            lines = read();
        }
        return lines.clone();
    }

    private static String[] read() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/spinecheck/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"spinecheck " + properties.getProperty("version", "(development build)"),
            "bundled questionnaire: " + QuestionnaireLoader.bundledIdentity()
                    .orElse(QuestionnaireLoader.BUNDLED + " (missing from this build — rebuild spinecheck)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
