package dev.spinecheck.engine;

import static dev.spinecheck.engine.Tiny.exclusive;
import static dev.spinecheck.engine.Tiny.option;
import static dev.spinecheck.engine.Tiny.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reachability proof and the check of a condition on its own, on questionnaires of the tests' own. */
class ReachabilityTest {

    static Tiny withPlainQuestions(int count) {
        Tiny tiny = Tiny.questionnaire()
                .choice("trend", option("better"), option("same"), option("worse"))
                .multi("symptoms", exclusive("none"), option("numb"), option("weak"), unknown("unsure"))
                .whole("age", 16, 120);
        for (int i = 0; i < count; i++) {
            tiny.yesNo("extra_" + i);
        }
        return tiny;
    }

    static Condition trend(String code) {
        return new Condition.Equals("trend", code);
    }

    @Test
    void a_condition_that_contradicts_itself_is_impossible_however_late_its_question() {
        Questionnaire q = withPlainQuestions(300)
                .flag("worse_and_better", Level.SOON, new Condition.All(List.of(trend("worse"), trend("better"))))
                .build();
        Reachability.Report report = Reachability.analyse(q, 200_000);
        assertThat(report.flags().get("worse_and_better"))
                .isEqualTo(new Reachability.Impossible("its when can never be true, whatever the answers"));
        assertThat(report.questions().values()).allMatch(Reachability.Proved.class::isInstance);
    }

    @Test
    void each_condition_is_checked_on_its_own_with_the_answers_to_one_question_tied_together() {
        Questionnaire q = withPlainQuestions(0).build();
        assertThat(Satisfiability.of(q, new Condition.All(List.of(trend("worse"), trend("better"))), 1000))
                .isInstanceOf(Satisfiability.NeverTrue.class);
        assertThat(Satisfiability.of(q, new Condition.All(List.of(trend("worse"), new Condition.Not(trend("better")))), 1000))
                .isInstanceOf(Satisfiability.CanBeTrue.class);
        assertThat(Satisfiability.of(q, new Condition.Compare("age", Condition.Comparison.AT_LEAST, 200), 1000))
                .as("beyond the question's max").isInstanceOf(Satisfiability.NeverTrue.class);
        assertThat(Satisfiability.of(q, new Condition.All(List.of(new Condition.Compare("age", Condition.Comparison.AT_LEAST, 50),
                new Condition.Compare("age", Condition.Comparison.BELOW, 50))), 1000)).isInstanceOf(Satisfiability.NeverTrue.class);
        assertThat(Satisfiability.of(q, new Condition.All(List.of(new Condition.Has("symptoms", "none"),
                new Condition.Has("symptoms", "numb"))), 1000)).as("an exclusive code is alone").isInstanceOf(Satisfiability.NeverTrue.class);
        assertThat(Satisfiability.of(q, new Condition.CountAtLeast("symptoms", 3), 1000))
                .as("only two known codes can be chosen together").isInstanceOf(Satisfiability.NeverTrue.class);
        assertThat(Satisfiability.of(q, new Condition.Not(new Condition.Answered("trend")), 1000))
                .as("not answered is unknown or false, never true").isInstanceOf(Satisfiability.NeverTrue.class);
    }

    @Test
    void a_witness_makes_the_condition_true() {
        Questionnaire q = withPlainQuestions(0).build();
        Condition condition = new Condition.All(List.of(new Condition.NotEquals("trend", "better"),
                new Condition.Has("symptoms", "weak"), new Condition.Compare("age", Condition.Comparison.AT_LEAST, 65)));
        Satisfiability.Verdict verdict = Satisfiability.of(q, condition, 1000);
        assertThat(verdict).isInstanceOf(Satisfiability.CanBeTrue.class);
        Facts facts = new Facts(q);
        ((Satisfiability.CanBeTrue) verdict).answers().forEach(facts::put);
        assertThat(condition.evaluate(facts)).isEqualTo(Tri.TRUE);
    }

    @Test
    void a_flag_behind_an_emergency_that_stops_the_walk_first_can_never_fire() {
        Questionnaire q = Tiny.questionnaire()
                .choice("pain", option("mild"), option("bad"))
                .yesNo("numb")
                .flag("bad_pain", Level.EMERGENCY, new Condition.Equals("pain", "bad"))
                .flag("bad_and_numb", Level.SOON, new Condition.All(List.of(new Condition.Equals("pain", "bad"),
                        new Condition.Equals("numb", "yes"))))
                .build();
        Reachability.Report report = Reachability.analyse(q, 200_000);
        assertThat(report.flags().get("bad_and_numb")).isInstanceOf(Reachability.Impossible.class);
        assertThat(report.flags().get("bad_pain")).isInstanceOf(Reachability.Proved.class);
    }

    @Test
    void the_example_of_a_flag_answers_harmlessly_everywhere_it_does_not_need() {
        Questionnaire q = withPlainQuestions(20)
                .flag("worse", Level.SOON, trend("worse"))
                .flag("extra", Level.ROUTINE, new Condition.Equals("extra_7", "yes"))
                .build();
        Reachability.Proved proved = (Reachability.Proved) Reachability.analyse(q, 200_000).flags().get("worse");
        assertThat(proved.example().get("trend")).isEqualTo(Answer.code("worse"));
        assertThat(proved.example().get("extra_7")).as("the other flag is not raised").isEqualTo(Answer.code("no"));
        assertThat(Walk.run(q, proved.example()).flags()).extracting(f -> f.flag().id()).containsExactly("worse");
    }

    @Test
    void every_step_counts_against_the_budget_so_a_tiny_budget_decides_nothing_and_claims_nothing() {
        Questionnaire q = withPlainQuestions(50).flag("worse", Level.SOON, trend("worse")).build();
        Reachability.Report report = Reachability.analyse(q, 10);
        assertThat(report.flags().get("worse")).isEqualTo(new Reachability.Undecided("the search budget ran out", true));
        assertThat(report.questions().get("extra_49")).isInstanceOf(Reachability.Undecided.class);
    }

    @Test
    void a_long_search_reports_what_it_is_doing() {
        Questionnaire q = withPlainQuestions(3).flag("worse", Level.SOON, trend("worse")).build();
        List<String> seen = new java.util.ArrayList<>();
        Reachability.analyse(q, 200_000, (target, done, total, steps) -> seen.add(target + " " + done + "/" + total));
        assertThat(seen).startsWith("question trend 0/7").endsWith("flag worse 6/7");
    }
}
