package dev.spinecheck.engine;

import static dev.spinecheck.engine.Tiny.exclusive;
import static dev.spinecheck.engine.Tiny.option;
import static dev.spinecheck.engine.Tiny.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomAnswers;
import dev.spinecheck.support.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The walk finds where an emergency stops it by walking to the end first and looking at the emergency flags there
 * (a flag not certainly true at the end was never certainly true on the way); it must stop exactly where evaluating
 * the flags after every answer stops, with the same flags — on conditions under "not", on flags that read the age, and
 * when the age puts the person out of scope after an emergency.
 */
class EmergencyStopTest {
    private static final Condition.Comparison BELOW = Condition.Comparison.BELOW;
    private static final Condition.Comparison AT_LEAST = Condition.Comparison.AT_LEAST;

    private static final Questionnaire NESTED = Tiny.questionnaire()
            .choice("a", option("x"), option("y"), unknown("dunno"))
            .multi("m", option("p"), option("q"), option("r"), exclusive("none"), unknown("unsure"))
            .scopedWhole("age", 16, 120)
            .yesNo("b", new Condition.Not(new Condition.Equals("a", "x")))
            .yesNo("c")
            .choice("d", new Condition.Any(List.of(new Condition.Equals("b", "yes"), new Condition.Has("m", "p"))),
                    option("x"), option("z"))
            .flag("under_not", Level.EMERGENCY, new Condition.All(List.of(new Condition.Not(new Condition.Equals("a", "y")),
                    new Condition.Has("m", "q"))))
            .flag("reads_the_age", Level.EMERGENCY, new Condition.Any(List.of(new Condition.Equals("c", "yes"),
                    new Condition.All(List.of(new Condition.Compare("age", BELOW, 30), new Condition.Equals("d", "x"))))))
            .flag("not_of_any", Level.EMERGENCY, new Condition.Not(new Condition.Any(List.of(new Condition.Equals("b", "no"),
                    new Condition.Answered("c")))))
            .flag("many_and_older", Level.EMERGENCY, new Condition.All(List.of(new Condition.CountAtLeast("m", 2),
                    new Condition.Compare("age", AT_LEAST, 60))))
            .flag("b_yes", Level.URGENT, new Condition.Equals("b", "yes"))
            .flag("c_not_no", Level.SOON, new Condition.Not(new Condition.Equals("c", "no")))
            .build();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_walk_stops_where_checking_every_answer_stops_on_nested_conditions(long seed) {
        int emergencies = 0;
        int outOfScope = 0;
        for (int i = 0; i < Seeds.triesPerSeed(8000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            Map<String, Answer> answers = RandomAnswers.of(NESTED, t.random(), t.random().nextDouble() * 0.4);
            Walk.Outcome outcome = sameWalks(NESTED, answers, t);
            emergencies += outcome.end() == Walk.End.EMERGENCY ? 1 : 0;
            outOfScope += outcome.end() == Walk.End.OUT_OF_SCOPE ? 1 : 0;
        }
        // The answer sets reach both kinds of stop often, so that the comparison means something.
        assertThat(emergencies).isGreaterThan(Seeds.triesPerSeed(8000) / 10);
        assertThat(outOfScope).isGreaterThan(Seeds.triesPerSeed(8000) / 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_walk_stops_where_checking_every_answer_stops_on_the_bundled_questionnaire(long seed) {
        Questionnaire bundled = Bundled.questionnaire();
        for (int i = 0; i < Seeds.triesPerSeed(4000); i++) {
            Seeds.Try t = new Seeds.Try(seed, i);
            sameWalks(bundled, RandomAnswers.of(bundled, t.random(), t.random().nextDouble() * 0.3), t);
        }
    }

    private static Walk.Outcome sameWalks(Questionnaire questionnaire, Map<String, Answer> answers, Seeds.Try t) {
        Walk.Outcome outcome = Walk.run(questionnaire, answers);
        Walk.Outcome checked = Walk.runCheckingEveryAnswer(questionnaire, answers);
        String as = t + ": " + answers;
        assertThat(outcome.end()).as(as).isEqualTo(checked.end());
        assertThat(outcome.stoppedAt()).as(as).isEqualTo(checked.stoppedAt());
        assertThat(outcome.path()).as(as).isEqualTo(checked.path());
        assertThat(outcome.missing()).as(as).isEqualTo(checked.missing());
        assertThat(outcome.notAsked()).as(as).isEqualTo(checked.notAsked());
        assertThat(new ArrayList<>(outcome.answers().entrySet())).as(as).isEqualTo(new ArrayList<>(checked.answers().entrySet()));
        assertThat(outcome.flags()).as(as).isEqualTo(checked.flags());
        return outcome;
    }
}
