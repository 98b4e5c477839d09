package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import dev.spinecheck.support.SpecOracle;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled questionnaire, walked by the engine, against an independent plain-Java transcription of the clinical
 * specification: the level, the exact flags in order, the emergency stop, the missing and the off-path answers must
 * agree on every random answer set, complete or not (20,000 sets over the seeds of {@link Seeds}).
 */
class SpecOracleProperties {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_engine_agrees_with_the_specification(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(20_000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Random random = t.random();
            Map<String, Answer> answers = RandomAnswers.of(questionnaire, random, random.nextDouble() * 0.3);

            Walk.Outcome engine = Walk.run(questionnaire, answers);
            SpecOracle.Outcome spec = SpecOracle.walk(answers);

            assertThat(engine.outOfScopeMessage().isPresent()).as("%s: out of scope, answers %s", t, answers).isEqualTo(spec.outOfScope());
            assertThat(engine.level().name()).as("%s: level, answers %s", t, answers).isEqualTo(spec.level());
            assertThat(engine.flags().stream().map(FiredFlag::id).toList()).as("%s: flags, answers %s", t, answers).isEqualTo(spec.flags());
            assertThat(engine.stoppedEarly()).as("%s: stopped_early, answers %s", t, answers).isEqualTo(spec.stoppedEarly());
            assertThat(engine.missing().stream().map(Question::id).toList()).as("%s: missing, answers %s", t, answers)
                    .isEqualTo(spec.missing());
            assertThat(engine.notAsked()).as("%s: not_asked, answers %s", t, answers).isEqualTo(spec.notAsked());
            Result result = Result.of(engine);
            if (spec.level().equals("EMERGENCY")) {
                assertThat(result.emergency().orElseThrow().kind().code()).as("%s: the one emergency action, answers %s", t, answers)
                        .isEqualTo(spec.action());
            } else if (!spec.level().equals("SELF_CARE")) {
                assertThat(result.nextStep()).as("%s: the one action names %s, answers %s", t, spec.action(), answers)
                        .isEqualTo(questionnaire.level(engine.level()).nextStepFor().get(spec.action()));
            } else {
                assertThat(result.nextStep()).as("%s: self-care names no one, answers %s", t, answers)
                        .isEqualTo(questionnaire.level(Level.SELF_CARE).nextStep());
            }
        }
    }
}
