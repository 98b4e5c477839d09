package dev.spinecheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.SpecOracle;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bundled questionnaire, walked by the engine, against an independent plain-Java transcription of the clinical
 * specification: the level, the exact flags in order, the emergency stop, the missing and the off-path answers must
 * agree on every random answer set, complete or not.
 */
class SpecOracleProperties {
    private final Questionnaire questionnaire = Bundled.questionnaire();

    @Provide
    Arbitrary<Map<String, Answer>> answerSets() {
        return Arbitraries.doubles().between(0, 0.3)
                .flatMap(missing -> Arbitraries.randomValue(random -> RandomAnswers.of(questionnaire, random, missing)));
    }

    @Property(tries = 20_000)
    void the_engine_agrees_with_the_specification(@ForAll("answerSets") Map<String, Answer> answers) {
        Walk.Outcome engine = Walk.run(questionnaire, answers);
        SpecOracle.Outcome spec = SpecOracle.walk(answers);

        assertThat(engine.outOfScopeMessage().isPresent()).as("out of scope").isEqualTo(spec.outOfScope());
        assertThat(engine.level().name()).as("level").isEqualTo(spec.level());
        assertThat(engine.flags().stream().map(FiredFlag::id).toList()).as("flags").isEqualTo(spec.flags());
        assertThat(engine.stoppedEarly()).as("stopped_early").isEqualTo(spec.stoppedEarly());
        assertThat(engine.missing().stream().map(Question::id).toList()).as("missing").isEqualTo(spec.missing());
        assertThat(engine.notAsked()).as("not_asked").isEqualTo(spec.notAsked());
        Result result = Result.of(engine);
        if (spec.level().equals("EMERGENCY")) {
            assertThat(result.emergency().orElseThrow().kind().code()).as("the one emergency action").isEqualTo(spec.action());
        } else if (!spec.level().equals("SELF_CARE")) {
            assertThat(result.nextStep()).as("the one action names " + spec.action())
                    .isEqualTo(questionnaire.level(engine.level()).nextStepFor().get(spec.action()));
        } else {
            assertThat(result.nextStep()).as("self-care names no one").isEqualTo(questionnaire.level(Level.SELF_CARE).nextStep());
        }
    }
}
