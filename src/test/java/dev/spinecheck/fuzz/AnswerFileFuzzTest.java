package dev.spinecheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.TextReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;

/**
 * Any bytes given as an answer file (YAML or JSON) are screened or refused with located problems, and either way
 * render as text and JSON — never another exception.
 */
@Tag("fuzz")
class AnswerFileFuzzTest {
    private static final TreeReader READER = new TreeReader();
    private static final Questionnaire QUESTIONNAIRE = load();

    private static Questionnaire load() {
        try {
            return new QuestionnaireLoader(READER).bundled();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The syntax is chosen from the first byte, as standard input's is: JSON when the input starts with a brace or a
     * bracket. So every input is a whole answer file, real JSON and YAML files in the corpus each reach their own
     * parser, and one mutation of the first byte moves an input to the other.
     */
    static boolean json(byte[] bytes) {
        return bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[');
    }

    @FuzzTest(maxDuration = "25m")
    void anyAnswerFileIsScreenedOrRefusedWithLocatedProblems(byte[] bytes) {
        boolean json = json(bytes);
        String source = json ? "fuzz.json" : "fuzz.yaml";
        Verdict verdict = new ScriptedScreening(QUESTIONNAIRE, READER)
                .screen(source, bytes, json ? TreeReader.Syntax.JSON : TreeReader.Syntax.YAML);
        Wording wording = new Wording(null);
        new JsonReport(wording).write(verdict, QUESTIONNAIRE, true, new StringWriter());
        if (verdict instanceof Verdict.Screened screened) {
            new TextReport(wording, Style.plain(), 80).render(screened.result());
        } else {
            Checks.refused((Verdict.Refused) verdict, source);
        }
    }
}
