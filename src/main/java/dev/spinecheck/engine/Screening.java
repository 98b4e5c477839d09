package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one controller that takes answers: it keeps the answers of one person, walks the questionnaire after every
 * change, and drops answers that no longer apply. The interactive shell and the tests drive it; it never prints.
 */
public final class Screening {

    /** What changing an answer did: the answers it dropped, and the walk after it. */
    public record Change(List<String> dropped, Walk.Outcome outcome) {
        public Change {
            dropped = List.copyOf(dropped);
        }
    }

    private final Questionnaire questionnaire;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<UndoneEmergency> undone = new ArrayList<>();
    private Walk.Outcome outcome;

    private Screening(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.outcome = Walk.run(questionnaire, answers);
    }

    public static Screening start(Questionnaire questionnaire) {
        return new Screening(questionnaire);
    }

    /** Continues with saved answers; answers the questionnaire cannot take are left out and reported. */
    public static Screening resume(Questionnaire questionnaire, Map<String, Answer> saved) {
        Screening screening = new Screening(questionnaire);
        for (Questionnaire.Step step : questionnaire.steps()) {
            Answer answer = saved.get(step.question().id());
            if (answer != null && step.question().problems(answer).isEmpty()) {
                screening.answers.put(step.question().id(), answer);
            }
        }
        screening.settle();
        return screening;
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public Walk.Outcome outcome() {
        return outcome;
    }

    /** The next question to ask, or empty when the walk has ended (finished, emergency, out of scope). */
    public Optional<Question> current() {
        return outcome.end() == Walk.End.COMPLETE ? outcome.next() : Optional.empty();
    }

    /** Sets or changes an answer; answers to questions no longer asked are dropped and named in the change. */
    public Change answer(String questionId, Answer answer) {
        Question question = questionnaire.question(questionId)
                .orElseThrow(() -> new IllegalArgumentException("no question " + questionId));
        List<String> problems = question.problems(answer);
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
        rememberIfUndoingTheEmergency(questionId, answer);
        answers.put(questionId, answer);
        return new Change(settle(), outcome);
    }

    /** Changing or removing the answer that stopped the walk at an emergency is remembered for the result. */
    private void rememberIfUndoingTheEmergency(String questionId, Answer replacement) {
        Optional<Question> stoppedAt = outcome.stoppedEarly() ? outcome.stoppedAt() : Optional.empty();
        Answer first = answers.get(questionId);
        if (stoppedAt.isPresent() && stoppedAt.get().id().equals(questionId) && first != null && !first.equals(replacement)) {
            EmergencyPlan.of(outcome).ifPresent(plan -> undone.add(new UndoneEmergency(stoppedAt.get(), first, plan)));
        }
    }

    /** The emergency answers the person changed or undid, in the order they did so. */
    public List<UndoneEmergency> undone() {
        return List.copyOf(undone);
    }

    /** Removes an answer, so that its question is asked again; dependent answers that no longer apply are dropped. */
    public Change forget(String questionId) {
        rememberIfUndoingTheEmergency(questionId, null);
        answers.remove(questionId);
        return new Change(settle(), outcome);
    }

    private List<String> settle() {
        Set<String> applicable = new HashSet<>();
        for (Question q : Walk.applicable(questionnaire, answers)) {
            applicable.add(q.id());
        }
        List<String> dropped = new ArrayList<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            String id = step.question().id();
            if (answers.containsKey(id) && !applicable.contains(id)) {
                answers.remove(id);
                dropped.add(id);
            }
        }
        outcome = Walk.run(questionnaire, answers);
        return dropped;
    }

    /** The given answer to a question, if any (also one past an emergency stop, kept in case it is undone). */
    public Optional<Answer> answerTo(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }

    public Map<String, Answer> answers() {
        return Collections.unmodifiableMap(answers);
    }

    /** The questions asked so far, in order, the current one excluded. */
    public List<Question> asked() {
        List<Question> asked = new ArrayList<>();
        for (Question q : outcome.path()) {
            if (answers.containsKey(q.id())) {
                asked.add(q);
            } else {
                break;
            }
        }
        return asked;
    }

    /** About how many questions this person will be asked, given the answers so far. */
    public int aboutTotal() {
        return Walk.applicable(questionnaire, answers).size();
    }

    public Result result() {
        return Result.of(outcome, undone);
    }
}
