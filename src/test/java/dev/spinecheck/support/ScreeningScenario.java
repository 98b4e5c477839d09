package dev.spinecheck.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.engine.Step;
import java.util.List;

/**
 * A fluent driver for the screening's cursor, in the manner of JavaRosa's Scenario: answer what the cursor asks,
 * move it, and look at the step it stands at. Answers are written as in an answer file: a number, a code, or codes
 * separated by commas.
 */
public final class ScreeningScenario {
    private final Screening screening;
    private Step step;
    private List<String> dropped = List.of();

    private ScreeningScenario(Screening screening) {
        this.screening = screening;
        this.step = screening.step();
    }

    public static ScreeningScenario start() {
        return new ScreeningScenario(Screening.start(Bundled.questionnaire()));
    }

    public Screening screening() {
        return screening;
    }

    public Step step() {
        return step;
    }

    /** Answers the question at the cursor. */
    public ScreeningScenario answer(String value) {
        Question question = ask().question();
        Answer answer = question instanceof Question.IntegerQuestion ? Answer.number(Long.parseLong(value))
                : question instanceof Question.Multi ? new Answer.Codes(List.of(value.split("\\s*,\\s*"))) : Answer.code(value);
        Screening.Moved moved = screening.answer(answer);
        dropped = moved.dropped();
        step = moved.step();
        return this;
    }

    /** Answers the questions at the cursor, one after another, checking that each is the one expected. */
    public ScreeningScenario answers(String... idAndValue) {
        for (int i = 0; i < idAndValue.length; i += 2) {
            atQuestion(idAndValue[i]);
            answer(idAndValue[i + 1]);
        }
        return this;
    }

    /** Answers every question the cursor asks with its harmless answer (no, none...; else the first; age 40), up to the review. */
    public ScreeningScenario harmlessToTheReview() {
        while (step instanceof Step.Ask ask) {
            Question question = ask.question();
            String harmless = question.options().stream().filter(dev.spinecheck.engine.Option::isHarmless).map(dev.spinecheck.engine.Option::code)
                    .findFirst().orElse(question.codes().isEmpty() ? "" : question.codes().get(0));
            answer(question instanceof Question.IntegerQuestion ? "40" : question.id().equals("pain_region") ? "lower_back" : harmless);
        }
        return this;
    }

    public ScreeningScenario back() {
        step = screening.back();
        return this;
    }

    public ScreeningScenario forward() {
        step = screening.forward();
        return this;
    }

    public ScreeningScenario jumpTo(String id) {
        step = screening.jumpTo(id);
        return this;
    }

    public ScreeningScenario undoEmergency() {
        step = screening.undoEmergency();
        return this;
    }

    public ScreeningScenario review() {
        step = screening.review();
        return this;
    }

    public ScreeningScenario leaveReview() {
        step = screening.leaveReview();
        return this;
    }

    public ScreeningScenario finish() {
        step = screening.finish();
        return this;
    }

    /** The answers the last answer dropped. */
    public List<String> dropped() {
        return dropped;
    }

    public Step.Ask ask() {
        assertThat(step).as("the cursor should be at a question").isInstanceOf(Step.Ask.class);
        return (Step.Ask) step;
    }

    public ScreeningScenario atQuestion(String id) {
        assertThat(ask().question().id()).as("the question at the cursor").isEqualTo(id);
        return this;
    }

    public Step.Emergency atEmergency() {
        assertThat(step).as("the cursor should be at the emergency warning").isInstanceOf(Step.Emergency.class);
        return (Step.Emergency) step;
    }

    public Step.Review atReview() {
        assertThat(step).as("the cursor should be at a review").isInstanceOf(Step.Review.class);
        return (Step.Review) step;
    }

    public Step.Done atTheEnd() {
        assertThat(step).as("the cursor should be at the result").isInstanceOf(Step.Done.class);
        return (Step.Done) step;
    }
}
