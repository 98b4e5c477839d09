package dev.spinecheck.load;

import dev.spinecheck.engine.Questionnaire;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Loads a questionnaire from a file, or the bundled one embedded in the jar. */
public final class QuestionnaireLoader {
    public static final String BUNDLED = "spine-screening";
    private static final String RESOURCE_DIR = "/dev/spinecheck/questionnaires/";

    private final TreeReader reader;

    public QuestionnaireLoader(TreeReader reader) {
        this.reader = reader;
    }

    public Questionnaire load(Path path) throws InvalidInputException, UnreadableInputException {
        byte[] bytes = Inputs.readFile(path);
        return QuestionnaireReader.read(reader.read(bytes, path.toString(), TreeReader.syntaxFor(path.toString()), 1));
    }

    /** The questionnaire embedded in the jar under this name. */
    public Questionnaire bundled(String name) throws InvalidInputException, UnreadableInputException {
        String resource = RESOURCE_DIR + name + ".yaml";
        try (InputStream in = QuestionnaireLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnreadableInputException("the bundled questionnaire " + name + " is missing from this build — rebuild spinecheck");
            }
            byte[] bytes = Inputs.readLimited(in, name + ".yaml");
            return QuestionnaireReader.read(reader.read(bytes, "questionnaires/" + name + ".yaml", TreeReader.Syntax.YAML, 1));
        } catch (IOException e) {
            throw new UnreadableInputException("the bundled questionnaire cannot be read: " + e.getMessage());
        }
    }

    public Questionnaire bundled() throws InvalidInputException, UnreadableInputException {
        return bundled(BUNDLED);
    }
}
