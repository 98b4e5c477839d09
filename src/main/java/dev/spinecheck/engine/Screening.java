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
 *
 * <p>It has a cursor, as JavaRosa's {@code FormEntryController} does: {@link #step()} says where it stands, and
 * {@link #answer(Answer)}, {@link #forward()}, {@link #back()}, {@link #jumpTo(String)}, {@link #undoEmergency()},
 * {@link #review()}, {@link #leaveReview()} and {@link #finish()} move it, each returning the {@link Step} it then
 * stands at. Left alone, the cursor follows the walk: the first unanswered question, else the emergency warning, else
 * the review before the result. After {@code back} it steps forward through the answered questions one at a time;
 * after a jump (from a review) or an undone emergency answer, answering goes back to whatever is still to ask.
 */
public final class Screening {

    /** What changing an answer did: the answers it dropped, and the walk after it. */
    public record Change(List<String> dropped, Walk.Outcome outcome) {
        public Change {
            dropped = List.copyOf(dropped);
        }
    }

    /** What answering at the cursor did: the later answers it dropped (ids, in order), and the step after it. */
    public record Moved(List<String> dropped, Step step) {
        public Moved {
            dropped = List.copyOf(dropped);
        }
    }

    /** Where the cursor stands, when it does not simply follow the walk. */
    private sealed interface Position permits FollowingTheWalk, AtQuestion, Reviewing, Finished {}

    private record FollowingTheWalk() implements Position {}

    /** At an answered question; {@code stepping} after back, so that keeping or answering goes to the next one. */
    private record AtQuestion(String id, boolean stepping) implements Position {}

    private record Reviewing(Position returnTo) implements Position {}

    private record Finished() implements Position {}

    private static final Position FOLLOWING = new FollowingTheWalk();

    private final Questionnaire questionnaire;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<UndoneEmergency> undone = new ArrayList<>();
    private final Map<String, Section> sections;
    private Walk.Outcome outcome;
    private Position position = FOLLOWING;

    private Screening(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.outcome = Walk.run(questionnaire, answers);
        this.sections = sectionsOf(questionnaire);
    }

    /** Each question's innermost section, for telling when a section starts. */
    private static Map<String, Section> sectionsOf(Questionnaire questionnaire) {
        Map<String, Section> of = new java.util.HashMap<>();
        collect(questionnaire.items(), null, of);
        return of;
    }

    private static void collect(List<Item> items, Section within, Map<String, Section> of) {
        for (Item item : items) {
            if (item instanceof Section section) {
                collect(section.items(), section, of);
            } else if (item instanceof Question question && within != null) {
                of.putIfAbsent(question.id(), within);
            }
        }
    }

    public static Screening start(Questionnaire questionnaire) {
        return new Screening(questionnaire);
    }

    /** Continues with saved answers; answers the questionnaire cannot take are left out and reported. */
    public static Screening resume(Questionnaire questionnaire, Map<String, Answer> saved) {
        return resume(questionnaire, saved, Map.of());
    }

    /**
     * Continues with saved answers and the emergency answers that were undone before they were saved (question id to
     * first answer, as {@link #undoneAnswers()} gives them), so that the result still says so (spec section 5). An undone
     * answer that no longer stops the walk at an emergency in this questionnaire is left out.
     */
    public static Screening resume(Questionnaire questionnaire, Map<String, Answer> saved, Map<String, Answer> undone) {
        Screening screening = new Screening(questionnaire);
        for (Questionnaire.Step step : questionnaire.steps()) {
            Answer answer = saved.get(step.question().id());
            if (answer != null && step.question().problems(answer).isEmpty()) {
                screening.answers.put(step.question().id(), answer);
            }
        }
        screening.settle();
        undone.forEach((question, first) -> UndoneEmergency.replay(questionnaire, screening.answers, question, first)
                .ifPresent(screening.undone::add));
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

    /** The undone emergency answers as a saved screening keeps them: question id to first answer, each question once. */
    public Map<String, Answer> undoneAnswers() {
        Map<String, Answer> first = new LinkedHashMap<>();
        for (UndoneEmergency u : undone) {
            first.putIfAbsent(u.question().id(), u.firstAnswer());
        }
        return Collections.unmodifiableMap(first);
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

    // ---- The cursor ----

    /** Where the cursor stands now. */
    public Step step() {
        if (outcome.end() == Walk.End.OUT_OF_SCOPE) {
            Question question = outcome.stoppedAt().orElseThrow();
            return new Step.OutOfScope(question, answers.get(question.id()), outcome.outOfScopeMessage().orElseThrow());
        }
        if (position instanceof Finished) {
            return new Step.Done(result());
        }
        if (position instanceof Reviewing reviewing) {
            return new Step.Review(answered(), false, questionAt(reviewing.returnTo()));
        }
        if (position instanceof AtQuestion at) {
            Optional<Question> question = onPath(at.id());
            if (question.isPresent()) {
                return ask(question.get());
            }
            position = FOLLOWING;
        }
        return following();
    }

    /** The step the walk itself is at: the first unanswered question, the emergency, or the review before the result. */
    private Step following() {
        if (outcome.stoppedEarly()) {
            Question stopped = outcome.stoppedAt().orElseThrow();
            return new Step.Emergency(EmergencyPlan.of(outcome).orElseThrow(), stopped, answers.get(stopped.id()), outcome);
        }
        Optional<Question> next = current();
        if (next.isPresent()) {
            return ask(next.get());
        }
        return new Step.Review(answered(), true, Optional.empty());
    }

    private Optional<Question> questionAt(Position at) {
        Position saved = position;
        position = at;
        try {
            return step() instanceof Step.Ask ask ? Optional.of(ask.question()) : Optional.empty();
        } finally {
            position = saved;
        }
    }

    private Step.Ask ask(Question question) {
        List<Question> path = outcome.path();
        int index = path.indexOf(question);
        Optional<String> title = Optional.empty();
        Section section = sections.get(question.id());
        if (section != null && section.title() != null && !section.title().isBlank()
                && (index == 0 || sections.get(path.get(index - 1).id()) != section)) {
            title = Optional.of(section.title());
        }
        return new Step.Ask(question, index + 1, aboutTotal(), answerTo(question.id()), title, previousAnswered(question).isEmpty());
    }

    /**
     * Answers the question at the cursor. After {@code back} the cursor goes on to the next answered question;
     * otherwise it follows the walk again.
     *
     * @throws IllegalStateException when the cursor is not at a question
     * @throws InvalidAnswerException when the answer does not fit the question (nothing changes)
     */
    public Moved answer(Answer answer) {
        Question question = askedQuestion();
        boolean stepping = position instanceof AtQuestion at && at.stepping();
        Change change = answer(question.id(), answer);
        position = FOLLOWING;
        if (stepping && outcome.end() == Walk.End.COMPLETE) {
            nextAnswered(question).ifPresent(next -> position = new AtQuestion(next.id(), true));
        }
        return new Moved(change.dropped(), step());
    }

    /**
     * Keeps the answer at the cursor and moves on (Enter after {@code back}). A question not yet answered is never
     * answered by this: the cursor stays.
     */
    public Step forward() {
        Step step = step();
        if (!(step instanceof Step.Ask ask) || ask.given().isEmpty()) {
            return step;
        }
        boolean stepping = position instanceof AtQuestion at && at.stepping();
        position = FOLLOWING;
        if (stepping) {
            nextAnswered(ask.question()).ifPresent(next -> position = new AtQuestion(next.id(), true));
        }
        return step();
    }

    /**
     * To the previous answered question: from a question, from the review before the result (its last answer), from
     * a review in the middle (back to where it was), or from the emergency warning (its answer, as
     * {@link #undoEmergency()}). At the first question the cursor stays.
     */
    public Step back() {
        Step step = step();
        if (step instanceof Step.Ask ask) {
            previousAnswered(ask.question()).ifPresent(previous -> position = new AtQuestion(previous.id(), true));
        } else if (step instanceof Step.Review review && review.beforeResult()) {
            List<Step.Answered> answered = review.answers();
            if (!answered.isEmpty()) {
                position = new AtQuestion(answered.get(answered.size() - 1).question().id(), true);
            }
        } else if (step instanceof Step.Review) {
            return leaveReview();
        } else if (step instanceof Step.Emergency) {
            return undoEmergency();
        }
        // the out-of-scope end and the result have nothing before them to go to
        return step();
    }

    /**
     * To an answered question on the path, to change its answer (picked from a review). Answering it, or keeping it,
     * then follows the walk again.
     *
     * @throws IllegalArgumentException when that question is not an answered one on the path
     */
    public Step jumpTo(String questionId) {
        Optional<Question> question = onPath(questionId).filter(q -> answers.containsKey(q.id()));
        if (question.isEmpty()) {
            throw new IllegalArgumentException("no answered question " + questionId + " on the path");
        }
        position = new AtQuestion(questionId, false);
        return step();
    }

    /**
     * From the emergency warning to the answer that raised it ("I answered by mistake"): the question is asked again
     * with that answer shown. A different answer is remembered as an undone emergency answer ({@link #undone()}).
     */
    public Step undoEmergency() {
        if (!(step() instanceof Step.Emergency emergency)) {
            throw new IllegalStateException("there is no emergency to undo");
        }
        position = new AtQuestion(emergency.stoppedAt().id(), false);
        return step();
    }

    /** A look at the answers in the middle of the walk; {@link #leaveReview()} goes back to the question. */
    public Step review() {
        if (!(position instanceof Reviewing)) {
            position = new Reviewing(position);
        }
        return step();
    }

    public Step leaveReview() {
        if (position instanceof Reviewing reviewing) {
            position = reviewing.returnTo();
        }
        return step();
    }

    /** From the review before the result, or from the emergency warning, to the result. */
    public Step finish() {
        Step step = step();
        boolean canFinish = step instanceof Step.Emergency || step instanceof Step.Review review && review.beforeResult();
        if (!canFinish) {
            throw new IllegalStateException("the screening cannot finish here: " + step.getClass().getSimpleName());
        }
        position = new Finished();
        return step();
    }

    private Question askedQuestion() {
        if (step() instanceof Step.Ask ask) {
            return ask.question();
        }
        throw new IllegalStateException("the cursor is not at a question");
    }

    private Optional<Question> onPath(String questionId) {
        return outcome.path().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    private Optional<Question> previousAnswered(Question question) {
        List<Question> path = outcome.path();
        int index = path.indexOf(question);
        for (int i = (index < 0 ? path.size() : index) - 1; i >= 0; i--) {
            if (answers.containsKey(path.get(i).id())) {
                return Optional.of(path.get(i));
            }
        }
        return Optional.empty();
    }

    /** The next question on the path when it is answered already (stepping forward after back); else empty. */
    private Optional<Question> nextAnswered(Question question) {
        List<Question> path = outcome.path();
        int index = path.indexOf(question);
        if (index >= 0 && index + 1 < path.size() && answers.containsKey(path.get(index + 1).id())) {
            return Optional.of(path.get(index + 1));
        }
        return Optional.empty();
    }

    /** The answered questions on the path, in order, with their answers. */
    private List<Step.Answered> answered() {
        List<Step.Answered> answered = new ArrayList<>();
        for (Question q : outcome.path()) {
            Answer answer = answers.get(q.id());
            if (answer != null) {
                answered.add(new Step.Answered(q, answer));
            }
        }
        return answered;
    }
}
