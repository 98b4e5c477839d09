package dev.spinecheck.engine;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec section 6 item 3 and section 10: every result gives one action. An emergency is call or go (call beats go; go
 * becomes call with difficulty walking or a newly weak limb) with the fired flags' short instructions once each; below
 * an emergency, the level's sentence for the most specific person that a flag of the result's own level names.
 */
class TheOneActionTest {
    private static final Questionnaire BUNDLED = Bundled.questionnaire();

    private static Result result(Scenario s) {
        return Result.of(s.walk());
    }

    private static EmergencyPlan plan(Scenario s) {
        return result(s).emergency().orElseThrow();
    }

    @Nested
    class InAnEmergency {
        @ParameterizedTest(name = "{0} = {1} → {2}")
        @CsvSource({
            "bladder_change, new, GO",
            "sexual_change, yes, GO",
            "injury, serious, CALL",
            "chest_pain, yes, CALL",
            "walking_balance, fast, CALL",
            "sudden_severe_pain, with_faintness, CALL"})
        void each_emergency_flag_gives_its_action_kind(String question, String code, ActionKind kind) {
            assertThat(plan(harmless().answer(question, code)).kind()).isEqualTo(kind);
        }

        @Test
        void spinal_cord_fast_and_infection_with_nerve_symptoms_are_call() {
            assertThat(plan(harmless().answer("walking_balance", "fast")).kind()).isEqualTo(ActionKind.CALL);
            assertThat(plan(harmless().answer("fever", "yes").answer("numbness", "stable")).kind()).isEqualTo(ActionKind.CALL);
        }

        @Test
        void call_beats_go_when_both_fire_a_fall_with_new_symptoms_in_both_legs_is_call() {
            Scenario s = harmless().answer("injury", "minor").answer("both_legs", "new");
            assertThat(s.flags()).contains("cauda_equina", "injury_with_nerve_symptoms");
            assertThat(plan(s).kind()).isEqualTo(ActionKind.CALL);
        }

        @Test
        void go_becomes_call_when_walking_is_hard_or_a_limb_is_newly_weak() {
            Scenario cancer = harmless().answer("cancer_history", "yes").answer("radiating_pain", "yes");
            assertThat(plan(cancer).kind()).as("cancer with sciatica alone").isEqualTo(ActionKind.GO);
            assertThat(plan(harmless().answer("cancer_history", "yes").answer("walking_balance", "gradual")).kind())
                    .isEqualTo(ActionKind.CALL);
            assertThat(plan(harmless().answer("cancer_history", "yes").answer("weakness", "new")).kind()).isEqualTo(ActionKind.CALL);
            assertThat(plan(harmless().answer("cancer_history", "yes").answer("weakness", "longstanding")).kind())
                    .as("a longstanding weakness is not a newly weak limb").isEqualTo(ActionKind.GO);
        }

        @Test
        void a_go_stays_go_while_walking_is_unknown() {
            // The walk stops at bladder_change, before walking_balance is asked: unknown is never a yes.
            assertThat(plan(harmless().answer("bladder_change", "new")).kind()).isEqualTo(ActionKind.GO);
        }

        @Test
        void the_call_line_and_the_go_line_are_the_questionnaires() {
            Emergency emergency = BUNDLED.emergency();
            assertThat(plan(harmless().answer("chest_pain", "yes")).line()).isEqualTo(emergency.action(ActionKind.CALL).line())
                    .isEqualTo("Call {emergency_number} now. Do not drive yourself, and move about no more than you must.");
            assertThat(plan(harmless().answer("bladder_change", "new")).line()).isEqualTo(emergency.action(ActionKind.GO).line())
                    .startsWith("Go to the emergency department now — not to your family doctor or a minor injuries unit.");
        }

        @Test
        void a_serious_injury_alone_says_keep_the_neck_still_if_it_hurts() {
            assertThat(plan(harmless().answer("injury", "serious")).instructions())
                    .containsExactly("Keep your neck still if it hurts or your arms or legs tingle.");
        }

        @Test
        void a_neck_injury_at_65_says_keep_the_neck_still_once_even_with_a_serious_injury() {
            Scenario s = harmless().age(70).codes("pain_region", "neck").answer("injury", "serious");
            assertThat(s.flags()).contains("serious_injury", "neck_injury_older");
            assertThat(plan(s).instructions()).containsExactly("Keep your neck still.");
        }

        @Test
        void after_an_operation_then_tell_the_surgical_team_and_after_cancer_tell_them() {
            assertThat(plan(harmless().answer("spine_surgery", "recent").answer("calf_or_breath", "yes")).instructions())
                    .containsExactly("Then tell your surgical team.");
            assertThat(plan(harmless().answer("cancer_history", "yes").answer("numbness", "stable")).instructions())
                    .containsExactly("Tell them you have had cancer.");
        }

        @Test
        void the_next_step_is_the_action_line_with_its_instructions() {
            Result r = result(harmless().answer("injury", "serious"));
            assertThat(r.nextStep()).isEqualTo("Call {emergency_number} now. Do not drive yourself, and move about no more than you"
                    + " must. Keep your neck still if it hurts or your arms or legs tingle.");
        }

        @Test
        void every_emergency_flag_tells_the_one_action_never_its_own() {
            Scenario s = harmless().answer("injury", "minor").answer("both_legs", "new");
            Result r = result(s);
            for (FiredFlag flag : r.flags()) {
                assertThat(r.action(flag)).as(flag.id()).isEqualTo(r.emergency().orElseThrow().line()).doesNotContain("Go to");
            }
        }

        @Test
        void under_call_the_safety_net_never_says_go_and_keeps_every_sign() {
            Result r = result(harmless().answer("injury", "serious"));
            assertThat(r.safetyNet()).noneMatch(g -> g.kind() == ActionKind.GO);
            int all = BUNDLED.advice().safetyNet().groups().stream().mapToInt(g -> g.items().size()).sum();
            assertThat(r.safetyNet().stream().mapToInt(g -> g.items().size()).sum()).isEqualTo(all);
            assertThat(result(harmless().answer("bladder_change", "new")).safetyNet()).anyMatch(g -> g.kind() == ActionKind.GO);
            assertThat(result(harmless()).safetyNet()).isEqualTo(BUNDLED.advice().safetyNet().groups());
        }

        @Test
        void the_go_note_about_a_declined_answer_is_left_out_under_call() {
            Scenario declinedThenChestPain = harmless().answer("sexual_change", "prefer_not_to_say").answer("walking_balance", "fast");
            assertThat(result(declinedThenChestPain).notes()).isEmpty();
            assertThat(result(harmless().answer("sexual_change", "prefer_not_to_say")).notes()).hasSize(1);
        }
    }

    @Nested
    class BelowAnEmergency {
        @ParameterizedTest(name = "{0} = {1} → {2}")
        @CsvSource({
            "fever, yes, doctor",
            "weakness, new, spine_specialist",
            "numbness, worsening, spine_specialist",
            "pain_duration, 6_to_12_weeks, spine_specialist",
            "trend, worse, doctor",
            "spine_surgery, recent, surgical_team"})
        void the_one_action_names_whom_the_levels_flags_send_the_person_to(String question, String code, String person) {
            Result r = result(harmless().answer(question, code));
            assertThat(r.nextStep()).isEqualTo(BUNDLED.level(r.level()).nextStepFor().get(person));
        }

        @Test
        void a_minor_injury_at_55_is_a_doctor_within_1_to_2_weeks() {
            Result r = result(harmless().age(55).answer("injury", "minor").answer("pain_score", 3));
            assertThat(r.level()).isEqualTo(Level.SOON);
            assertThat(r.nextStep()).isEqualTo("See a doctor within 1 to 2 weeks.");
        }

        @Test
        void the_surgical_team_comes_before_a_spine_specialist() {
            Result r = result(harmless().answer("spine_surgery", "recent").answer("weakness", "longstanding")
                    .codes("wound", "leaking"));
            assertThat(r.level()).isEqualTo(Level.URGENT);
            assertThat(r.nextStep()).isEqualTo(BUNDLED.level(Level.URGENT).nextStepFor().get("surgical_team"));
        }

        @Test
        void a_spine_specialist_comes_before_a_doctor_at_the_same_level() {
            Result r = result(harmless().answer("fever", "yes").answer("very_unwell", "no").answer("both_legs", "longstanding"));
            assertThat(r.flags()).extracting(FiredFlag::id).contains("cauda_equina_longstanding", "fever");
            assertThat(r.nextStep()).isEqualTo(BUNDLED.level(Level.URGENT).nextStepFor().get("spine_specialist"))
                    .contains("spine specialist");
        }

        @Test
        void only_flags_of_the_results_own_level_count() {
            // long_duration (ROUTINE, a spine specialist) must not change an URGENT result's action for a doctor.
            Result r = result(harmless().answer("night_pain", "yes").answer("pain_duration", "over_12_weeks"));
            assertThat(r.level()).isEqualTo(Level.URGENT);
            assertThat(r.nextStep()).isEqualTo(BUNDLED.level(Level.URGENT).nextStepFor().get("doctor"));
        }

        @Test
        void a_spine_specialist_comes_before_a_rheumatologist() {
            Result r = result(harmless().answer("pain_duration", "over_12_weeks")
                    .codes("inflammatory_signs", "morning_stiffness", "better_with_exercise", "wakes_late_night"));
            assertThat(r.flags()).extracting(FiredFlag::id).containsExactly("long_duration", "inflammatory_pattern");
            assertThat(r.nextStep()).isEqualTo(BUNDLED.level(Level.ROUTINE).nextStepFor().get("spine_specialist"));
        }

        @Test
        void urgent_names_an_out_of_hours_route() {
            assertThat(BUNDLED.level(Level.URGENT).headline()).contains("out-of-hours").contains("NHS 111");
            assertThat(BUNDLED.level(Level.URGENT).nextStepFor().values()).allMatch(s -> s.contains("out-of-hours"));
        }

        @Test
        void self_care_names_no_specialist() {
            assertThat(result(harmless()).nextStep()).doesNotContain("specialist").doesNotContain("surgical team");
        }
    }
}
