package dev.spinecheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.QuestionnaireReader;
import dev.spinecheck.load.TreeReader;
import org.junit.jupiter.api.Tag;

/**
 * Any bytes given as a questionnaire either load, or are refused with located problems — never another exception,
 * never a hang. What loads is then run through the reachability proof with a small budget.
 */
@Tag("fuzz")
class QuestionnaireLoaderFuzzTest {
    private static final TreeReader READER = new TreeReader();

    @FuzzTest(maxDuration = "25m")
    void anyQuestionnaireBytesLoadOrAreRefusedWithLocatedProblems(byte[] bytes) {
        Questionnaire questionnaire;
        try {
            questionnaire = QuestionnaireReader.read(READER.read(bytes, "fuzz.yaml", TreeReader.Syntax.YAML, 1));
        } catch (InvalidInputException e) {
            Checks.located(e, "fuzz.yaml");
            return;
        }
        Reachability.analyse(questionnaire, 2_000);
    }
}
