package dev.spinecheck.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.InvalidAnswerException;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Random sequences of answers, changes, removals and going back on the one controller. After every step the
 * invariants hold: the outcome is the walk of the answers kept, no kept answer belongs to a question that no longer
 * applies, an emergency always ends the walk, and nothing but an invalid answer is refused.
 */
@Tag("fuzz")
class WalkFuzzTest {
    private static final Questionnaire QUESTIONNAIRE = load();

    private static Questionnaire load() {
        try {
            return new QuestionnaireLoader(new TreeReader()).bundled();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "25m")
    void anySequenceOfAnswersBackAndChangeKeepsTheInvariants(FuzzedDataProvider data) {
        Screening screening = Screening.start(QUESTIONNAIRE);
        List<Questionnaire.Step> steps = QUESTIONNAIRE.steps();
        int moves = data.consumeInt(0, 80);
        for (int i = 0; i < moves && data.remainingBytes() > 0; i++) {
            int kind = data.consumeInt(0, 9);
            Question question = kind < 6 && screening.current().isPresent()
                    ? screening.current().get()
                    : steps.get(data.consumeInt(0, steps.size() - 1)).question();
            if (kind == 9) {
                screening.forget(question.id());
            } else {
                Answer answer = answer(question, data);
                try {
                    screening.answer(question.id(), answer);
                } catch (InvalidAnswerException e) {
                    if (question.problems(answer).isEmpty()) {
                        throw new AssertionError("a valid answer was refused: " + answer, e);
                    }
                }
            }
            check(screening);
        }
    }

    private static Answer answer(Question question, FuzzedDataProvider data) {
        if (question instanceof Question.IntegerQuestion) {
            return Answer.number(data.consumeBoolean() ? data.consumeLong(-5, 200) : data.consumeLong());
        }
        List<Option> options = question.options();
        if (question instanceof Question.Multi) {
            int n = data.consumeInt(0, options.size() + 1);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                codes.add(data.consumeBoolean() ? options.get(data.consumeInt(0, options.size() - 1)).code() : data.consumeString(8));
            }
            return new Answer.Codes(codes);
        }
        return Answer.code(data.consumeBoolean() ? options.get(data.consumeInt(0, options.size() - 1)).code() : data.consumeString(8));
    }

    private static void check(Screening screening) {
        Walk.Outcome outcome = screening.outcome();
        Walk.Outcome again = Walk.run(QUESTIONNAIRE, screening.answers());
        if (!ids(outcome).equals(ids(again)) || outcome.stoppedEarly() != again.stoppedEarly()) {
            throw new AssertionError("the controller's outcome differs from the walk of its answers");
        }
        List<String> applicable = Walk.applicable(QUESTIONNAIRE, screening.answers()).stream().map(Question::id).toList();
        for (String id : screening.answers().keySet()) {
            if (!applicable.contains(id)) {
                throw new AssertionError("an answer that no longer applies was kept: " + id);
            }
        }
        boolean emergency = outcome.flags().stream().anyMatch(f -> f.level() == Level.EMERGENCY);
        if (emergency != outcome.stoppedEarly() || emergency && screening.current().isPresent()) {
            throw new AssertionError("an emergency did not end the walk");
        }
    }

    private static List<String> ids(Walk.Outcome outcome) {
        return outcome.flags().stream().map(FiredFlag::id).toList();
    }
}
