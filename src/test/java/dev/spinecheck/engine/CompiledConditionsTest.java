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

    /**
     * A choice whose code comes twice (a questionnaire the loader refuses, which the engine still reads as written), the
     * second time as another string object.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final Questionnaire TWICE = Tiny.questionnaire().choice("pain", Tiny.option("mild"), Tiny.option(new String("mild")),
            Tiny.option("bad")).yesNo("cough").build();

    /**
     * An answer as a reader may give it: the question's own code string or an equal one of its own, a code the
     * question does not have, or a value of another type.
     */
    private static Answer anyAnswer(Random random, Answer answer) {
        if (!(answer instanceof Answer.Code code) || random.nextInt(3) > 0) {
            return answer;
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Answer.Code(new String(code.code()));
            case 1 -> new Answer.Code("maybe");
            case 2 -> new Answer.Number(40);
            default -> new Answer.Codes(List.of(code.code()));
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_code_is_compared_by_what_it_says_whatever_string_holds_it_and_whether_or_not_the_question_has_it(long seed) {
        for (Questionnaire questionnaire : List.of(TINY, TWICE)) {
            for (int i = 0; i < Seeds.triesPerSeed(4000); i++) {
                Random random = new Seeds.Try(seed, i).random();
                Facts facts = new Facts(questionnaire);
                for (Map.Entry<String, Answer> answer : RandomAnswers.of(questionnaire, random, 0.3).entrySet()) {
                    facts.put(answer.getKey(), anyAnswer(random, answer.getValue()));
                }
                String question = random.nextBoolean() ? "pain" : "cough";
                String code = List.of("mild", "bad", "unsure", "yes", "no", "maybe").get(random.nextInt(6));
                String wanted = random.nextBoolean() ? code : new String(code);
                Condition condition = random.nextBoolean() ? new Condition.Equals(question, wanted) : new Condition.NotEquals(question, wanted);
                assertThat(Compiled.of(condition, questionnaire.walkIndex()).evaluate(facts)).as("seed %d, try %d: %s", seed, i, condition)
                        .isEqualTo(condition.evaluate(facts));
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
