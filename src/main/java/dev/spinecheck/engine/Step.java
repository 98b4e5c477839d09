package dev.spinecheck.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link Screening}'s cursor stands, as its user interface must show it: a question to ask, the emergency
 * warning, the review of the answers, the out-of-scope end, or the result. Every move of the cursor returns one.
 */
public sealed interface Step permits Step.Ask, Step.Emergency, Step.Review, Step.OutOfScope, Step.Done {

    /**
     * A question to ask.
     *
     * @param number its place on the path so far, from 1
     * @param aboutTotal about how many questions this person will be asked, given the answers so far
     * @param given the answer already given, when the person came back to it (Enter keeps it); empty when unanswered
     * @param sectionTitle the title of the section this question starts, when it is the first of its section asked
     * @param first true when there is no earlier answered question to go back to
     */
    record Ask(Question question, int number, int aboutTotal, Optional<Answer> given, Optional<String> sectionTitle,
            boolean first) implements Step {}

    /**
     * The emergency interrupt (spec section 5): the walk stopped because an answer made an {@code EMERGENCY} flag
     * certain. The person may undo that answer or see the result.
     */
    record Emergency(EmergencyPlan plan, Question stoppedAt, Answer given, Walk.Outcome outcome) implements Step {}

    /**
     * The answers so far, each numbered so that the person can pick one to change.
     *
     * @param beforeResult true at the end of the walk (the next step is the result); false for a look in the middle
     * @param returnTo the question the cursor goes back to when the person leaves a review in the middle
     */
    record Review(List<Answered> answers, boolean beforeResult, Optional<Question> returnTo) implements Step {
        public Review {
            answers = List.copyOf(answers);
        }
    }

    /** An answered question, as a review lists it. */
    record Answered(Question question, Answer answer) {}

    /** An answer put the person out of the questionnaire's scope (an age under 16): the walk ends with the message. */
    record OutOfScope(Question question, Answer given, String message) implements Step {}

    /** The screening is finished: its result. */
    record Done(Result result) implements Step {}
}
