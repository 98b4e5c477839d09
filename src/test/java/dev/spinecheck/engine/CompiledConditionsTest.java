package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compiled condition of the bundled questionnaire (the walk's and the result's) gives what the condition itself
 * gives, on random answers.
 */
class CompiledConditionsTest {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_compiled_condition_agrees_with_the_condition(long seed) {
        WalkIndex index = questionnaire.walkIndex();
        for (int i = 0; i < Seeds.triesPerSeed(3000); i++) {
            Random random = new Seeds.Try(seed, i).random();
            Map<String, Answer> answers = RandomAnswers.of(questionnaire, random, random.nextDouble() * 0.6);
            Facts facts = new Facts(questionnaire);
            answers.forEach(facts::put);
            for (int s = 0; s < questionnaire.steps().size(); s++) {
                Condition condition = questionnaire.steps().get(s).askWhen();
                assertThat(index.askWhen(s).evaluate(facts)).as("seed %d, set %d, step %d: %s", seed, i, s, answers)
                        .isEqualTo(condition.evaluate(facts));
            }
            for (int f = 0; f < questionnaire.flags().size(); f++) {
                Condition condition = questionnaire.flags().get(f).when();
                assertThat(index.flagWhen(f).evaluate(facts)).as("seed %d, set %d, flag %d: %s", seed, i, f, answers)
                        .isEqualTo(condition.evaluate(facts));
            }
            String as = "seed " + seed + ", set " + i + ": " + answers;
            AdviceIndex advice = questionnaire.adviceIndex();
            assertThat(advice.care(facts)).as(as).isEqualTo(questionnaire.advice().care().when().evaluate(facts).isTrue());
            assertThat(advice.fusion(facts)).as(as).isEqualTo(questionnaire.advice().fusion().when().evaluate(facts).isTrue());
            assertThat(advice.callWhen(facts)).as(as).isEqualTo(questionnaire.emergency().callWhen().evaluate(facts).isTrue());
            for (int r = 0; r < questionnaire.advice().readMore().size(); r++) {
                Condition when = questionnaire.advice().readMore().get(r).when();
                assertThat(advice.readMore(r, facts)).as("%s, read more %d", as, r)
                        .isEqualTo(when != null && when.evaluate(facts).isTrue());
            }
        }
    }
}
