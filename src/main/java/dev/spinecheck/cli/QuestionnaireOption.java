package dev.spinecheck.cli;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --questionnaire FILE}: the questionnaire to use, the bundled one when absent. */
public final class QuestionnaireOption {

    @Option(names = {"-q", "--questionnaire"}, paramLabel = "FILE", scope = ScopeType.LOCAL,
            description = "The questionnaire (YAML). Default: the bundled spine-screening questionnaire.")
    Path file;

    public Questionnaire load(TreeReader reader) {
        return load(reader, null);
    }

    /** The questionnaire with its placeholders filled in by this wording (the bundled one is built filled in). */
    public Questionnaire load(TreeReader reader, Wording wording) {
        QuestionnaireLoader loader = new QuestionnaireLoader(reader);
        try {
            if (wording == null) {
                return file == null ? loader.bundled() : loader.load(file);
            }
            return file == null ? loader.bundled(QuestionnaireLoader.BUNDLED, wording::fill) : wording.filledIn(loader.load(file));
        } catch (InvalidInputException e) {
            throw new UserError(ExitStatus.INVALID_INPUT, e.problems().stream().map(Problem::toString).toList());
        } catch (UnreadableInputException e) {
            throw new UserError(ExitStatus.UNREADABLE_INPUT, e.getMessage());
        }
    }
}
