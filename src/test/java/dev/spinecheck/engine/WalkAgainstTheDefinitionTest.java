package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The walk's fast path (compiled conditions by slot, emergency flags that are false skipped, a flag's support marked by
 * slot) gives what the walk's definition gives on the condition trees themselves, on random answers.
 */
class WalkAgainstTheDefinitionTest {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    /** The walk as spec section 5 defines it, on the conditions as written: every emergency flag after every answer. */
    private record Defined(List<Question> path, List<Question> missing, Walk.End end, Question stoppedAt,
            List<FiredFlag> flags, List<String> notAsked, Map<String, Answer> answers) {}

    private Defined defined(Map<String, Answer> answers, boolean stopping) {
        Facts facts = new Facts(questionnaire);
        List<Question> path = new ArrayList<>();
        List<Question> missing = new ArrayList<>();
        Walk.End end = Walk.End.COMPLETE;
        Question stoppedAt = null;
        for (Questionnaire.Step step : questionnaire.steps()) {
            if (step.askWhen().evaluate(facts) == Tri.FALSE) {
                continue;
            }
            Question question = step.question();
            path.add(question);
            Answer answer = answers.get(question.id());
            if (answer == null) {
                missing.add(question);
                continue;
            }
            facts.put(question.id(), answer);
            if (!stopping) {
                continue;
            }
            if (question instanceof Question.IntegerQuestion whole && whole.isOutOfScope(answer)) {
                end = Walk.End.OUT_OF_SCOPE;
                stoppedAt = question;
                break;
            }
            if (questionnaire.flags().stream().anyMatch(f -> f.isEmergency() && f.when().evaluate(facts) == Tri.TRUE)) {
                end = Walk.End.EMERGENCY;
                stoppedAt = question;
                break;
            }
        }
        List<FiredFlag> fired = new ArrayList<>();
        if (end != Walk.End.OUT_OF_SCOPE) {
            for (Flag flag : questionnaire.flags()) {
                if (flag.when().evaluate(facts) != Tri.TRUE) {
                    continue;
                }
                Set<String> read = new HashSet<>();
                flag.when().readQuestions(read);
                Set<String> support = new HashSet<>();
                Condition.support(flag.when(), facts, Tri.TRUE, support);
                fired.add(new FiredFlag(flag, inStepOrder(read, facts), inStepOrder(support, facts)));
            }
            fired.sort(java.util.Comparator.comparing(FiredFlag::level));
        }
        List<String> notAsked = new ArrayList<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            String id = step.question().id();
            if (facts.given(id).isEmpty() && answers.containsKey(id)) {
                notAsked.add(id);
            }
        }
        return new Defined(path, missing, end, stoppedAt, fired, notAsked, facts.asMap());
    }

    private Map<String, Answer> inStepOrder(Set<String> ids, Facts facts) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            String id = step.question().id();
            if (ids.contains(id) && facts.given(id).isPresent()) {
                answers.putIfAbsent(id, facts.given(id).get());
            }
        }
        return answers;
    }

    /** Random answers; for some sets, with codes that are equal to the questionnaire's but other strings. */
    private Map<String, Answer> answers(Random random) {
        Map<String, Answer> answers = RandomAnswers.of(questionnaire, random, random.nextDouble() * 0.5);
        if (random.nextBoolean()) {
            answers.replaceAll((id, answer) -> copied(answer));
        }
        return answers;
    }

    private static Answer copied(Answer answer) {
        if (answer instanceof Answer.Code code) {
            return new Answer.Code(new String(code.code().toCharArray()));
        }
        if (answer instanceof Answer.Codes codes) {
            return new Answer.Codes(codes.codes().stream().map(c -> new String(c.toCharArray())).toList());
        }
        return answer;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_walk_gives_what_its_definition_gives(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(4000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Map<String, Answer> answers = answers(t.random());
            Walk.Outcome outcome = Walk.run(questionnaire, answers);
            Defined defined = defined(answers, true);
            String as = t + ": " + answers;
            assertThat(outcome.path()).as(as).isEqualTo(defined.path());
            assertThat(outcome.missing()).as(as).isEqualTo(defined.missing());
            assertThat(outcome.end()).as(as).isEqualTo(defined.end());
            assertThat(outcome.stoppedAt().orElse(null)).as(as).isEqualTo(defined.stoppedAt());
            assertThat(outcome.notAsked()).as(as).isEqualTo(defined.notAsked());
            assertThat(new ArrayList<>(outcome.answers().entrySet())).as(as).isEqualTo(new ArrayList<>(defined.answers().entrySet()));
            assertThat(outcome.flags()).as(as).hasSameSizeAs(defined.flags());
            for (int f = 0; f < defined.flags().size(); f++) {
                FiredFlag fired = outcome.flags().get(f);
                FiredFlag expected = defined.flags().get(f);
                assertThat(fired.flag()).as(as).isSameAs(expected.flag());
                assertThat(new ArrayList<>(fired.because().entrySet())).as("%s: %s because", as, fired.id())
                        .isEqualTo(new ArrayList<>(expected.because().entrySet()));
                assertThat(new ArrayList<>(fired.raisedBy().entrySet())).as("%s: %s raised by", as, fired.id())
                        .isEqualTo(new ArrayList<>(expected.raisedBy().entrySet()));
                assertThat(fired).as(as).isEqualTo(expected);
            }
            assertThat(Walk.applicable(questionnaire, answers)).as(as).isEqualTo(defined(answers, false).path());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_results_safety_net_is_the_one_its_emergency_action_tells(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(2000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Result result = Result.of(Walk.run(questionnaire, answers(t.random())));
            ActionKind kind = result.emergency().map(EmergencyPlan::kind).orElse(null);
            assertThat(result.safetyNet()).as(t.toString()).isEqualTo(questionnaire.advice().safetyNet().groupsFor(kind));
        }
        assertThat(questionnaire.adviceIndex().safetyNetUnderCall())
                .isEqualTo(questionnaire.advice().safetyNet().groupsFor(ActionKind.CALL))
                .isNotEqualTo(questionnaire.advice().safetyNet().groups());
    }

    @Test
    void a_fired_flags_answers_behave_as_an_unmodifiable_ordered_map() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("age", Answer.number(40));
        answers.put("chest_pain", Answer.code("yes"));
        FiredFlag chest = Walk.run(questionnaire, answers).flags().stream().filter(f -> f.id().equals("chest_pain"))
                .findFirst().orElseThrow();
        Map<String, Answer> because = chest.because();
        Map<String, Answer> expected = Map.of("chest_pain", Answer.code("yes"));
        assertThat(because).isEqualTo(expected).hasSameHashCodeAs(expected).hasToString("{chest_pain=yes}");
        assertThat(expected).isEqualTo(because);
        assertThat(because.get(new String("chest_pain".toCharArray()))).isEqualTo(Answer.code("yes"));
        assertThat(because.containsKey("age")).isFalse();
        assertThat(because.get(null)).isNull();
        assertThat(chest.raisedBy()).isEqualTo(expected);
        assertThatThrownBy(() -> because.put("age", Answer.number(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(because::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> because.remove("chest_pain")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> because.entrySet().iterator().next().setValue(Answer.code("no")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var entries = because.entrySet().iterator();
            entries.next();
            entries.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_fired_flag_made_from_any_map_keeps_a_copy() {
        Flag flag = questionnaire.flags().get(0);
        Map<String, Answer> mine = new LinkedHashMap<>();
        mine.put("b", Answer.code("x"));
        mine.put("a", Answer.code("y"));
        FiredFlag fired = new FiredFlag(flag, mine, mine);
        mine.clear();
        assertThat(fired.because()).containsExactly(Map.entry("b", Answer.code("x")), Map.entry("a", Answer.code("y")));
        assertThatThrownBy(() -> fired.raisedBy().put("c", Answer.code("z"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
