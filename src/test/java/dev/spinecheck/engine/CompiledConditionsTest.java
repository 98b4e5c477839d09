package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.List;
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

    /** A random condition over the questions of {@link #TINY}, leaves and nested all / any / not alike. */
    private static Condition randomCondition(Random random, int depth) {
        int pick = random.nextInt(depth > 2 ? 7 : 10);
        switch (pick) {
            case 0: return new Condition.Equals("cough", random.nextBoolean() ? "yes" : "no");
            case 1: return new Condition.NotEquals("pain", random.nextBoolean() ? "mild" : "unsure");
            case 2: return new Condition.Has("where", random.nextBoolean() ? "neck" : "unsure");
            case 3: return new Condition.CountAtLeast("where", random.nextInt(3));
            case 4: return new Condition.Compare("age", Condition.Comparison.values()[random.nextInt(Condition.Comparison.values().length)],
                    30 + random.nextInt(40));
            case 5: return new Condition.Answered(random.nextBoolean() ? "cough" : "nowhere");
            case 6: return new Condition.Equals("nowhere", "yes");
            case 7: return new Condition.Not(randomCondition(random, depth + 1));
            default: {
                List<Condition> parts = new java.util.ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    parts.add(randomCondition(random, depth + 1));
                }
                return pick == 8 ? new Condition.All(parts) : new Condition.Any(parts);
            }
        }
    }

    private static final Questionnaire TINY = Tiny.questionnaire().yesNo("cough").choice("pain", Tiny.option("mild"),
            Tiny.option("bad"), Tiny.unknown("unsure")).multi("where", Tiny.option("neck"), Tiny.option("back"),
            Tiny.unknown("unsure")).whole("age", 16, 120).build();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void any_shape_of_condition_compiles_to_the_same_three_values(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(8000); i++) {
            Random random = new Seeds.Try(seed, i).random();
            Condition condition = randomCondition(random, random.nextInt(3));
            Facts facts = new Facts(TINY);
            for (Map.Entry<String, Answer> answer : RandomAnswers.of(TINY, random, 0.4).entrySet()) {
                facts.put(answer.getKey(), answer.getValue());
            }
            assertThat(Compiled.of(condition, TINY.walkIndex()).evaluate(facts)).as("seed %d, try %d: %s", seed, i, condition)
                    .isEqualTo(condition.evaluate(facts));
        }
    }
}
