package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The engine's invariants, over thousands of random answer sets for the bundled questionnaire. */
class WalkProperties {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    @Provide
    Arbitrary<Map<String, Answer>> answerSets() {
        return Arbitraries.randomValue(random -> RandomAnswers.of(questionnaire, random, 0.08));
    }

    @Provide
    Arbitrary<Map<String, Answer>> completeAnswerSets() {
        return Arbitraries.randomValue(random -> RandomAnswers.of(questionnaire, random, 0.0));
    }

    @Property(tries = 2000)
    void every_walk_ends_in_questionnaire_order(@ForAll("answerSets") Map<String, Answer> answers) {
        Walk.Outcome outcome = Walk.run(questionnaire, answers);
        List<Question> path = outcome.path();
        assertThat(path.size()).isLessThanOrEqualTo(questionnaire.steps().size());
        int last = -1;
        for (Question question : path) {
            int index = questionnaire.step(question.id()).orElseThrow().index();
            assertThat(index).isGreaterThan(last);
            last = index;
        }
    }

    @Property(tries = 2000)
    void an_emergency_always_ends_the_walk_at_the_answer_that_raised_it(@ForAll("answerSets") Map<String, Answer> answers) {
        Walk.Outcome outcome = Walk.run(questionnaire, answers);
        boolean emergency = outcome.flags().stream().anyMatch(f -> f.level() == Level.EMERGENCY);
        assertThat(outcome.stoppedEarly()).isEqualTo(emergency);
        if (emergency) {
            assertThat(outcome.level()).isEqualTo(Level.EMERGENCY);
            assertThat(outcome.path().get(outcome.path().size() - 1)).isEqualTo(outcome.stoppedAt().orElseThrow());
            Map<String, Answer> before = new LinkedHashMap<>(outcome.answers());
            before.remove(outcome.stoppedAt().orElseThrow().id());
            assertThat(Walk.run(questionnaire, before).stoppedEarly())
                    .as("the walk stops at the first emergency, not later").isFalse();
        }
    }

    @Property(tries = 2000)
    void the_result_depends_only_on_the_answers_that_were_asked(@ForAll("answerSets") Map<String, Answer> answers) {
        Walk.Outcome full = Walk.run(questionnaire, answers);
        Walk.Outcome asked = Walk.run(questionnaire, full.answers());
        assertThat(asked.level()).isEqualTo(full.level());
        assertThat(ids(asked)).isEqualTo(ids(full));
        assertThat(asked.stoppedEarly()).isEqualTo(full.stoppedEarly());
        assertThat(asked.missing()).isEqualTo(full.missing());
        assertThat(asked.notAsked()).isEmpty();
    }

    @Property(tries = 1000)
    void removing_an_answer_never_makes_an_emergency_appear(@ForAll("answerSets") Map<String, Answer> answers) {
        Walk.Outcome full = Walk.run(questionnaire, answers);
        if (full.level() == Level.EMERGENCY) {
            return;
        }
        for (String id : full.answers().keySet()) {
            Map<String, Answer> fewer = new LinkedHashMap<>(full.answers());
            fewer.remove(id);
            assertThat(Walk.run(questionnaire, fewer).level()).as("without %s", id).isNotEqualTo(Level.EMERGENCY);
        }
    }

    @Property(tries = 1000)
    void an_unanswered_question_is_never_taken_as_no(@ForAll("answerSets") Map<String, Answer> answers) {
        // Removing an answer turns it into "unknown": no flag may fire that the full answers do not fire.
        Walk.Outcome full = Walk.run(questionnaire, answers);
        Set<String> fired = new HashSet<>(ids(full));
        for (String id : full.answers().keySet()) {
            Map<String, Answer> fewer = new LinkedHashMap<>(full.answers());
            fewer.remove(id);
            assertThat(fired).as("without %s", id).containsAll(ids(Walk.run(questionnaire, fewer)));
        }
    }

    @Property(tries = 1000)
    void answering_one_by_one_gives_the_same_result_as_a_scripted_run(@ForAll("completeAnswerSets") Map<String, Answer> answers) {
        Screening screening = Screening.start(questionnaire);
        while (screening.current().isPresent()) {
            Question next = screening.current().get();
            screening.answer(next.id(), answers.get(next.id()));
        }
        Walk.Outcome scripted = Walk.run(questionnaire, answers);
        assertThat(screening.outcome().level()).isEqualTo(scripted.level());
        assertThat(ids(screening.outcome())).isEqualTo(ids(scripted));
        assertThat(screening.outcome().stoppedEarly()).isEqualTo(scripted.stoppedEarly());
        assertThat(screening.outcome().end()).isEqualTo(scripted.end());
    }

    @Property(tries = 500)
    void changing_an_earlier_answer_gives_the_result_of_the_new_answers(
            @ForAll("completeAnswerSets") Map<String, Answer> answers, @ForAll("completeAnswerSets") Map<String, Answer> other) {
        Screening screening = Screening.resume(questionnaire, Walk.run(questionnaire, answers).answers());
        List<Question> asked = screening.outcome().path();
        Question changed = asked.get(new Random(answers.hashCode()).nextInt(asked.size()));
        Screening.Change change = screening.answer(changed.id(), other.get(changed.id()));
        for (String dropped : change.dropped()) {
            assertThat(Walk.applicable(questionnaire, screening.answers()).stream().map(Question::id)).doesNotContain(dropped);
        }
        Walk.Outcome scripted = Walk.run(questionnaire, screening.answers());
        assertThat(ids(screening.outcome())).isEqualTo(ids(scripted));
    }

    private static List<String> ids(Walk.Outcome outcome) {
        return outcome.flags().stream().map(FiredFlag::id).toList();
    }
}
