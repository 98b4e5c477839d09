package dev.spinecheck.engine;

import static dev.spinecheck.support.Scenario.harmless;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Scenario;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec section 4, rule by rule: each flag fires on its condition, stays quiet just outside it, and an unknown answer
 * never counts as "no". Every scenario starts from the harmless answers (age 40, lower back) and changes only what
 * the rule is about.
 */
class ClinicalRulesTest {

    @Test
    void the_harmless_answers_give_self_care_and_no_flag() {
        Scenario s = harmless();
        assertThat(s.level()).isEqualTo(Level.SELF_CARE);
        assertThat(s.flags()).isEmpty();
        assertThat(s.missing()).isEmpty();
    }

    @Nested
    class Emergencies {
        @ParameterizedTest(name = "{0} = new")
        @CsvSource({"saddle_numbness", "bladder_change", "bowel_change", "both_legs"})
        void cauda_equina_fires_on_any_new_symptom_and_stops_the_walk_there(String question) {
            Scenario s = harmless().answer(question, "new");
            assertThat(s.flags()).containsExactly("cauda_equina");
            assertThat(s.walk().stoppedAt()).map(Question::id).contains(question);
            assertThat(s.level()).isEqualTo(Level.EMERGENCY);
        }

        @Test
        void serious_injury_fires_at_the_injury_question() {
            Scenario s = harmless().answer("injury", "serious");
            assertThat(s.flags()).containsExactly("serious_injury");
            assertThat(s.walk().stoppedAt()).map(Question::id).contains("injury");
        }

        @ParameterizedTest(name = "age {0}, {1} injury, neck → fires: {2}")
        @CsvSource({"64, minor, false", "65, minor, true", "65, serious, true", "90, none, false"})
        void neck_injury_older_starts_at_65(int age, String injury, boolean fires) {
            Scenario s = harmless().age(age).codes("pain_region", "neck").answer("injury", injury);
            assertThat(s.flags().contains("neck_injury_older")).isEqualTo(fires);
        }

        @Test
        void neck_injury_older_needs_neck_pain() {
            assertThat(harmless().age(80).answer("injury", "minor").flags()).doesNotContain("neck_injury_older");
        }

        @Test
        void a_new_sexual_problem_is_an_emergency_right_after_cauda_equina() {
            Scenario s = harmless().answer("sexual_change", "yes");
            assertThat(s.flags()).containsExactly("sexual_change");
            assertThat(s.level()).isEqualTo(Level.EMERGENCY);
            assertThat(s.walk().stoppedAt()).map(Question::id).contains("sexual_change");
        }

        @ParameterizedTest(name = "{0} = {1} after a minor injury → injury_with_nerve_symptoms")
        @CsvSource({"saddle_numbness, new", "bladder_change, new", "bowel_change, new", "both_legs, new", "walking_balance, fast"})
        void new_cauda_equina_signs_and_fast_walking_trouble_after_an_injury_are_the_injury_emergency(String question, String code) {
            Scenario s = harmless().answer("injury", "minor").answer(question, code);
            assertThat(s.flags()).contains("injury_with_nerve_symptoms");
            assertThat(harmless().answer(question, code).flags()).doesNotContain("injury_with_nerve_symptoms");
        }

        @Test
        void fast_hand_trouble_after_a_neck_injury_is_the_injury_emergency_but_gradual_is_not() {
            assertThat(harmless().codes("pain_region", "neck").answer("injury", "minor").answer("hand_clumsiness", "fast").flags())
                    .contains("injury_with_nerve_symptoms", "spinal_cord_fast");
            assertThat(harmless().codes("pain_region", "neck").answer("injury", "minor").answer("hand_clumsiness", "gradual").flags())
                    .doesNotContain("injury_with_nerve_symptoms");
            assertThat(harmless().answer("injury", "minor").answer("walking_balance", "gradual").flags())
                    .doesNotContain("injury_with_nerve_symptoms");
        }

        @ParameterizedTest(name = "numbness {0}, weakness {1} after a minor injury → fires: {2}")
        @CsvSource({"stable, none, true", "none, longstanding, true", "none, none, false", "worsening, none, true"})
        void injury_with_nerve_symptoms(String numbness, String weakness, boolean fires) {
            Scenario s = harmless().answer("injury", "minor").answer("numbness", numbness).answer("weakness", weakness);
            assertThat(s.flags().contains("injury_with_nerve_symptoms")).isEqualTo(fires);
        }

        @Test
        void chest_pain_fires_and_stops_at_once() {
            Scenario s = harmless().answer("chest_pain", "yes");
            assertThat(s.flags()).containsExactly("chest_pain");
            assertThat(s.asked()).endsWith("chest_pain");
        }

        @ParameterizedTest(name = "age {0}, {1} → aortic: {2}")
        @CsvSource({"49, without_faintness, false", "50, without_faintness, true", "20, with_faintness, true", "80, no, false"})
        void aortic_fires_with_faintness_or_from_50(int age, String pain, boolean fires) {
            Scenario s = harmless().age(age).answer("sudden_severe_pain", pain);
            assertThat(s.flags().contains("aortic")).isEqualTo(fires);
        }

        @Test
        void sudden_severe_pain_is_not_asked_for_neck_pain_alone() {
            Scenario s = harmless().codes("pain_region", "neck").answer("sudden_severe_pain", "with_faintness");
            assertThat(s.flags()).doesNotContain("aortic");
            assertThat(s.walk().notAsked()).contains("sudden_severe_pain");
        }

        @Test
        void neck_warning_signs_fire_for_neck_pain() {
            Scenario s = harmless().codes("pain_region", "neck").answer("neck_warning_signs", "yes");
            assertThat(s.flags()).containsExactly("neck_warning_signs");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({"calf_or_breath, yes", "weakness, new", "weakness, worsening", "numbness, worsening"})
        void after_surgery_emergency_needs_a_recent_operation(String question, String code) {
            assertThat(harmless().answer("spine_surgery", "recent").answer(question, code).flags()).contains("after_surgery_emergency");
            assertThat(harmless().answer("spine_surgery", "earlier").answer(question, code).flags()).doesNotContain("after_surgery_emergency");
        }

        @Test
        void spinal_cord_fast_fires_on_walking_or_hands_getting_worse_over_days() {
            assertThat(harmless().answer("walking_balance", "fast").flags()).containsExactly("spinal_cord_fast");
            assertThat(harmless().codes("pain_region", "neck").answer("hand_clumsiness", "fast").flags()).containsExactly("spinal_cord_fast");
        }

        @Test
        void sepsis_is_asked_after_a_fever_and_fires_on_yes() {
            Scenario s = harmless().answer("fever", "yes").answer("very_unwell", "yes");
            assertThat(s.flags()).containsExactly("sepsis", "fever");
            assertThat(harmless().answer("very_unwell", "yes").walk().notAsked()).containsExactly("very_unwell");
        }

        @Test
        void infection_with_nerve_symptoms_needs_a_fever_and_a_nerve_symptom() {
            assertThat(harmless().answer("fever", "yes").answer("walking_balance", "gradual").flags())
                    .contains("infection_with_nerve_symptoms");
            assertThat(harmless().answer("fever", "yes").flags()).doesNotContain("infection_with_nerve_symptoms");
        }

        @ParameterizedTest(name = "cancer with {0} = {1}")
        @CsvSource({"weakness, longstanding", "numbness, stable", "walking_balance, gradual", "radiating_pain, yes",
            "saddle_numbness, longstanding", "bladder_change, longstanding", "bowel_change, longstanding", "both_legs, longstanding"})
        void cancer_with_nerve_symptoms(String question, String code) {
            assertThat(harmless().answer("cancer_history", "yes").answer(question, code).flags()).contains("cancer_with_nerve_symptoms");
        }

        @Test
        void cancer_with_neck_symptoms_fires_through_the_neck_questions() {
            Scenario s = harmless().codes("pain_region", "neck").answer("cancer_history", "yes").answer("neck_shock", "yes");
            assertThat(s.flags()).contains("cancer_with_nerve_symptoms");
        }

        @Test
        void an_emergency_shows_every_flag_that_is_certain_at_the_stop_whatever_its_level() {
            Scenario s = harmless().age(73).codes("pain_region", "mid_back").answer("injury", "minor").answer("chest_pain", "yes");
            assertThat(s.flags()).containsExactly("chest_pain", "mid_back_pain", "fragility_fracture", "minor_injury_over_50");
            assertThat(s.walk().stoppedEarly()).isTrue();
        }

        @Test
        void answers_after_an_emergency_stop_are_not_asked() {
            Scenario s = harmless().answer("chest_pain", "yes").answer("fever", "yes");
            assertThat(s.flags()).doesNotContain("fever");
            assertThat(s.walk().notAsked()).containsExactly("fever");
        }
    }

    @Nested
    class UrgentAndBelow {
        @Test
        void longstanding_cauda_equina_symptoms_are_urgent() {
            assertThat(harmless().answer("both_legs", "longstanding").flags()).containsExactly("cauda_equina_longstanding");
        }

        @Test
        void prefer_not_to_say_about_sexual_problems_is_unknown_but_noted() {
            Scenario declined = harmless().answer("sexual_change", "prefer_not_to_say");
            assertThat(declined.flags()).isEmpty();
            assertThat(Result.of(declined.walk()).notes()).singleElement().asString().contains("emergency department");
        }

        @ParameterizedTest(name = "pain score {0} after a minor injury → severe_pain_after_injury: {1}")
        @CsvSource({"6, false", "7, true", "10, true", "0, false"})
        void severe_pain_after_a_minor_injury_starts_at_7(int score, boolean fires) {
            Scenario s = harmless().answer("injury", "minor").answer("pain_score", score);
            assertThat(s.flags().contains("severe_pain_after_injury")).isEqualTo(fires);
            assertThat(s.level()).isEqualTo(fires ? Level.URGENT : Level.SELF_CARE);
        }

        @Test
        void the_pain_score_is_asked_right_after_a_minor_injury_and_only_then() {
            assertThat(harmless().answer("injury", "minor").asked()).containsSubsequence("injury", "pain_score", "chest_pain");
            assertThat(harmless().answer("injury", "minor").asked().indexOf("pain_score"))
                    .isEqualTo(harmless().answer("injury", "minor").asked().indexOf("injury") + 1);
            assertThat(harmless().asked()).doesNotContain("pain_score");
            assertThat(harmless().answer("injury", "serious").asked()).doesNotContain("pain_score");
        }

        @Test
        void an_unknown_pain_score_is_never_taken_as_mild() {
            Scenario s = harmless().answer("injury", "minor").without("pain_score");
            assertThat(s.missing()).containsExactly("pain_score");
            assertThat(s.flags()).doesNotContain("severe_pain_after_injury");
        }

        @Test
        void pain_that_does_not_get_in_the_way_at_all_is_an_answer() {
            Scenario s = harmless().answer("daily_impact", "not_at_all");
            assertThat(s.missing()).isEmpty();
            assertThat(s.level()).isEqualTo(Level.SELF_CARE);
        }

        @ParameterizedTest(name = "weakness {0} → {1}")
        @CsvSource({"new, true", "worsening, true", "longstanding, false"})
        void new_or_worsening_weakness(String weakness, boolean fires) {
            assertThat(harmless().answer("weakness", weakness).flags().contains("new_or_worsening_weakness")).isEqualTo(fires);
        }

        @ParameterizedTest(name = "after a recent operation: {0} = {1}")
        @CsvSource({"fever, yes", "pain_uncontrolled, yes"})
        void after_surgery_wound_fires_on_a_fever_or_uncontrolled_pain(String question, String code) {
            assertThat(harmless().answer("spine_surgery", "recent").answer(question, code).flags()).contains("after_surgery_wound");
        }

        @Test
        void after_surgery_wound_fires_on_any_wound_problem_but_not_on_none() {
            assertThat(harmless().answer("spine_surgery", "recent").codes("wound", "opening").flags()).contains("after_surgery_wound");
            assertThat(harmless().answer("spine_surgery", "recent").flags()).containsExactly("recent_surgery");
        }

        @ParameterizedTest(name = "{0} → infection_risk_new_pain: {1}")
        @CsvSource({"under_2_weeks, true", "2_to_6_weeks, true", "6_to_12_weeks, false", "over_12_weeks, false"})
        void infection_risk_with_new_pain_is_urgent(String duration, boolean urgent) {
            Scenario s = harmless().codes("infection_risk", "recent_infection").answer("pain_duration", duration);
            assertThat(s.flags().contains("infection_risk_new_pain")).isEqualTo(urgent);
            assertThat(s.flags()).contains("infection_risk");
        }

        @ParameterizedTest(name = "{0} = yes")
        @CsvSource({"cancer_history", "weight_loss", "night_pain", "lump_or_shape_change"})
        void yes_alone_is_urgent(String question) {
            Scenario s = harmless().answer(question, "yes");
            assertThat(s.flags()).containsExactly(question);
            assertThat(s.level()).isEqualTo(Level.URGENT);
        }

        @Test
        void mid_back_pain_is_urgent() {
            assertThat(harmless().codes("pain_region", "mid_back").flags()).containsExactly("mid_back_pain");
        }

        @ParameterizedTest(name = "age {0}, injury {1}, bone_risk {2}, {3} → fragility_fracture: {4}")
        @CsvSource({
            "69, minor, no, 2_to_6_weeks, false",
            "70, minor, no, 2_to_6_weeks, true",
            "40, minor, yes, 2_to_6_weeks, true",
            "40, none, yes, under_2_weeks, true",
            "40, none, yes, 2_to_6_weeks, false",
            "40, none, no, under_2_weeks, false"})
        void fragility_fracture(int age, String injury, String boneRisk, String duration, boolean fires) {
            Scenario s = harmless().age(age).answer("injury", injury).answer("bone_risk", boneRisk).answer("pain_duration", duration);
            assertThat(s.flags().contains("fragility_fracture")).isEqualTo(fires);
        }

        @Test
        void worsening_numbness_is_soon() {
            assertThat(harmless().answer("numbness", "worsening").flags()).containsExactly("worsening_numbness");
        }

        @Test
        void spinal_cord_gradual_fires_on_walking_hands_or_neck_shock() {
            assertThat(harmless().answer("walking_balance", "gradual").flags()).containsExactly("spinal_cord_gradual");
            assertThat(harmless().codes("pain_region", "neck").answer("neck_shock", "yes").flags()).containsExactly("spinal_cord_gradual");
        }

        @ParameterizedTest(name = "age {0} minor injury → minor_injury_over_50: {1}")
        @CsvSource({"49, false", "50, true"})
        void minor_injury_over_50(int age, boolean fires) {
            assertThat(harmless().age(age).answer("injury", "minor").flags().contains("minor_injury_over_50")).isEqualTo(fires);
        }

        @ParameterizedTest(name = "{0} → long_duration: {1}")
        @CsvSource({"2_to_6_weeks, false", "6_to_12_weeks, true", "over_12_weeks, true"})
        void long_duration(String duration, boolean fires) {
            assertThat(harmless().answer("pain_duration", duration).flags().contains("long_duration")).isEqualTo(fires);
        }

        @Test
        void daily_life_and_getting_worse_are_routine() {
            assertThat(harmless().answer("daily_impact", "a_lot").flags()).containsExactly("daily_life");
            assertThat(harmless().answer("daily_impact", "some").flags()).isEmpty();
            assertThat(harmless().answer("trend", "worse").flags()).containsExactly("getting_worse");
        }

        @ParameterizedTest(name = "age {0} → inflammatory_signs asked: {1}")
        @CsvSource({"49, true", "50, false"})
        void inflammatory_signs_are_asked_only_under_50_after_12_weeks(int age, boolean asked) {
            Scenario s = harmless().age(age).answer("pain_duration", "over_12_weeks")
                    .codes("inflammatory_signs", "morning_stiffness", "better_with_exercise", "wakes_late_night");
            assertThat(s.asked().contains("inflammatory_signs")).isEqualTo(asked);
            assertThat(s.flags().contains("inflammatory_pattern")).isEqualTo(asked);
        }

        @Test
        void two_inflammatory_signs_are_not_enough() {
            Scenario s = harmless().answer("pain_duration", "over_12_weeks").codes("inflammatory_signs", "morning_stiffness", "wakes_late_night");
            assertThat(s.flags()).containsExactly("long_duration");
        }

        @Test
        void new_pain_near_an_earlier_operation_is_routine() {
            Scenario s = harmless().answer("spine_surgery", "earlier").answer("new_pain_near_surgery", "yes");
            assertThat(s.flags()).containsExactly("after_surgery_new_pain");
            assertThat(s.level()).isEqualTo(Level.ROUTINE);
        }
    }

    @Nested
    class UnknownIsNeverNo {
        @Test
        void a_missing_answer_on_the_path_is_missing_not_no() {
            Scenario s = harmless().without("weakness");
            assertThat(s.missing()).containsExactly("weakness");
            assertThat(s.flags()).isEmpty();
        }

        @Test
        void not_equal_on_an_unknown_answer_is_unknown() {
            Scenario s = harmless().answer("injury", "minor").without("numbness").without("weakness");
            assertThat(s.flags()).doesNotContain("injury_with_nerve_symptoms");
            assertThat(s.missing()).containsExactly("numbness", "weakness");
        }

        @Test
        void a_question_that_was_not_asked_stays_unknown_in_a_rule() {
            // hand_clumsiness is asked only for neck pain: for cancer_with_nerve_symptoms it stays unknown, not "no".
            Scenario s = harmless().answer("cancer_history", "yes");
            assertThat(s.flags()).containsExactly("cancer_history");
        }

        @Test
        void an_unknown_ask_when_counts_as_asked() {
            Scenario s = harmless().without("pain_region");
            assertThat(s.missing()).containsExactly("pain_region");
            assertThat(s.asked()).contains("sudden_severe_pain", "neck_warning_signs", "sexual_change", "hand_clumsiness", "neck_shock");
        }

        @Test
        void an_emergency_that_is_certain_despite_missing_answers_still_stops_the_walk() {
            Scenario s = harmless().without("saddle_numbness").answer("bladder_change", "new");
            assertThat(s.walk().stoppedEarly()).isTrue();
            assertThat(s.flags()).containsExactly("cauda_equina");
            assertThat(s.missing()).containsExactly("saddle_numbness");
        }

        @Test
        void an_emergency_before_the_first_missing_answer_leaves_nothing_missing() {
            Scenario s = harmless().answer("chest_pain", "yes").without("weakness").without("fever");
            assertThat(s.missing()).isEmpty();
            assertThat(s.walk().stoppedEarly()).isTrue();
        }

        @Test
        void prefer_not_to_say_is_never_a_yes() {
            Scenario s = harmless().answer("sexual_change", "prefer_not_to_say");
            assertThat(s.level()).isEqualTo(Level.SELF_CARE);
        }
    }

    @Nested
    class TheResult {
        @Test
        void fusion_note_shows_for_a_named_condition_after_12_weeks_without_surgery() {
            Scenario s = harmless().age(55).answer("pain_duration", "over_12_weeks").codes("diagnosis", "stenosis");
            Result result = Result.of(s.walk());
            assertThat(result.level()).isEqualTo(Level.ROUTINE);
            assertThat(result.fusion()).isPresent();
            assertThat(Result.of(harmless().age(55).answer("pain_duration", "over_12_weeks").walk()).fusion()).isEmpty();
            assertThat(Result.of(harmless().age(55).answer("pain_duration", "over_12_weeks").codes("diagnosis", "stenosis")
                    .answer("spine_surgery", "earlier").walk()).fusion()).isEmpty();
        }

        @Test
        void fusion_note_never_shows_above_routine() {
            Scenario s = harmless().age(55).answer("pain_duration", "over_12_weeks").codes("diagnosis", "stenosis").answer("night_pain", "yes");
            assertThat(Result.of(s.walk()).fusion()).isEmpty();
        }

        @Test
        void conservative_care_marks_what_was_tried_and_is_never_shown_after_a_recent_operation() {
            Result result = Result.of(harmless().codes("tried", "physiotherapy", "weight_or_smoking").walk());
            assertThat(result.care()).isPresent();
            assertThat(result.care().get().lines()).filteredOn(Result.CareLine::tried).hasSize(2);
            assertThat(Result.of(harmless().answer("spine_surgery", "recent").walk()).care()).isEmpty();
            assertThat(Result.of(harmless().answer("night_pain", "yes").walk()).care()).isEmpty();
        }

        @Test
        void flags_come_most_urgent_first_and_in_table_order_within_a_level() {
            Scenario s = harmless().age(75).answer("injury", "minor").answer("numbness", "none").answer("trend", "worse")
                    .answer("pain_duration", "over_12_weeks").answer("bone_risk", "yes").answer("night_pain", "yes");
            assertThat(s.flags()).containsExactly("night_pain", "fragility_fracture", "minor_injury_over_50", "long_duration", "getting_worse");
        }

        @Test
        void because_lists_every_answered_question_the_rule_reads() {
            FiredFlag aortic = harmless().age(68).answer("sudden_severe_pain", "without_faintness").walk().flags().get(0);
            assertThat(aortic.because()).containsOnlyKeys("age", "sudden_severe_pain");
            assertThat(aortic.because().get("sudden_severe_pain")).isEqualTo(Answer.code("without_faintness"));
        }
    }
}
