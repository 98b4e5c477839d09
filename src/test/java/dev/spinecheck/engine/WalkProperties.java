package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's invariants, over thousands of random answer sets for the bundled questionnaire. Each property runs its
 * number of tries spread over the seeds of {@link Seeds}; every message names the seed and the set.
 */
class WalkProperties {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    /** An answer set with about 8% of the answers left out. */
    private Map<String, Answer> answerSet(Seeds.Try t) {
        return RandomAnswers.of(questionnaire, t.random(), 0.08);
    }

    private Map<String, Answer> completeAnswerSet(Random random) {
        return RandomAnswers.of(questionnaire, random, 0.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void every_walk_ends_in_questionnaire_order(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(2000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Walk.Outcome outcome = Walk.run(questionnaire, answerSet(t));
            List<Question> path = outcome.path();
            assertThat(path.size()).as("%s: path length", t).isLessThanOrEqualTo(questionnaire.steps().size());
            int last = -1;
            for (Question question : path) {
                int index = questionnaire.step(question.id()).orElseThrow().index();
                assertThat(index).as("%s: %s comes after the question before it", t, question.id()).isGreaterThan(last);
                last = index;
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void an_emergency_always_ends_the_walk_at_the_answer_that_raised_it(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(2000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Walk.Outcome outcome = Walk.run(questionnaire, answerSet(t));
            boolean emergency = outcome.flags().stream().anyMatch(f -> f.level() == Level.EMERGENCY);
            assertThat(outcome.stoppedEarly()).as("%s: stopped early exactly when an emergency fired", t).isEqualTo(emergency);
            if (emergency) {
                assertThat(outcome.level()).as("%s: level", t).isEqualTo(Level.EMERGENCY);
                assertThat(outcome.path().get(outcome.path().size() - 1)).as("%s: the last question asked", t)
                        .isEqualTo(outcome.stoppedAt().orElseThrow());
                Map<String, Answer> before = new LinkedHashMap<>(outcome.answers());
                before.remove(outcome.stoppedAt().orElseThrow().id());
                assertThat(Walk.run(questionnaire, before).stoppedEarly())
                        .as("%s: the walk stops at the first emergency, not later", t).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_result_depends_only_on_the_answers_that_were_asked(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(2000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Walk.Outcome full = Walk.run(questionnaire, answerSet(t));
            Walk.Outcome asked = Walk.run(questionnaire, full.answers());
            assertThat(asked.level()).as("%s: level", t).isEqualTo(full.level());
            assertThat(ids(asked)).as("%s: flags", t).isEqualTo(ids(full));
            assertThat(asked.stoppedEarly()).as("%s: stopped_early", t).isEqualTo(full.stoppedEarly());
            assertThat(asked.missing()).as("%s: missing", t).isEqualTo(full.missing());
            assertThat(asked.notAsked()).as("%s: not_asked", t).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void removing_an_answer_never_makes_an_emergency_appear(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(1000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Walk.Outcome full = Walk.run(questionnaire, answerSet(t));
            if (full.level() == Level.EMERGENCY) {
                continue;
            }
            for (String id : full.answers().keySet()) {
                Map<String, Answer> fewer = new LinkedHashMap<>(full.answers());
                fewer.remove(id);
                assertThat(Walk.run(questionnaire, fewer).level()).as("%s: without %s", t, id).isNotEqualTo(Level.EMERGENCY);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void an_unanswered_question_is_never_taken_as_no(long seed) {
        // Removing an answer turns it into "unknown": no flag may fire that the full answers do not fire.
        for (int i = 0; i < Seeds.triesPerSeed(1000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Walk.Outcome full = Walk.run(questionnaire, answerSet(t));
            Set<String> fired = new HashSet<>(ids(full));
            for (String id : full.answers().keySet()) {
                Map<String, Answer> fewer = new LinkedHashMap<>(full.answers());
                fewer.remove(id);
                assertThat(fired).as("%s: without %s", t, id).containsAll(ids(Walk.run(questionnaire, fewer)));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void answering_one_by_one_gives_the_same_result_as_a_scripted_run(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(1000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Map<String, Answer> answers = completeAnswerSet(t.random());
            Screening screening = Screening.start(questionnaire);
            while (screening.current().isPresent()) {
                Question next = screening.current().get();
                screening.answer(next.id(), answers.get(next.id()));
            }
            Walk.Outcome scripted = Walk.run(questionnaire, answers);
            assertThat(screening.outcome().level()).as("%s: level", t).isEqualTo(scripted.level());
            assertThat(ids(screening.outcome())).as("%s: flags", t).isEqualTo(ids(scripted));
            assertThat(screening.outcome().stoppedEarly()).as("%s: stopped_early", t).isEqualTo(scripted.stoppedEarly());
            assertThat(screening.outcome().end()).as("%s: end", t).isEqualTo(scripted.end());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void changing_an_earlier_answer_gives_the_result_of_the_new_answers(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(500); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Random random = t.random();
            Map<String, Answer> answers = completeAnswerSet(random);
            Map<String, Answer> other = completeAnswerSet(random);
            Screening screening = Screening.resume(questionnaire, Walk.run(questionnaire, answers).answers());
            List<Question> asked = screening.outcome().path();
            Question changed = asked.get(random.nextInt(asked.size()));
            Screening.Change change = screening.answer(changed.id(), other.get(changed.id()));
            for (String dropped : change.dropped()) {
                assertThat(Walk.applicable(questionnaire, screening.answers()).stream().map(Question::id))
                        .as("%s: %s was dropped after changing %s", t, dropped, changed.id()).doesNotContain(dropped);
            }
            Walk.Outcome scripted = Walk.run(questionnaire, screening.answers());
            assertThat(ids(screening.outcome())).as("%s: flags after changing %s", t, changed.id()).isEqualTo(ids(scripted));
        }
    }

    private static List<String> ids(Walk.Outcome outcome) {
        return outcome.flags().stream().map(FiredFlag::id).toList();
    }
}
