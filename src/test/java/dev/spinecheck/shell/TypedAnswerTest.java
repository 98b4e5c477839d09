package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.support.Bundled;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a typed answer means, by the rules of spec sections 3a and 10. */
class TypedAnswerTest {

    private static Question question(String id) {
        return Bundled.questionnaire().question(id).orElseThrow();
    }

    private static TypedAnswer.Parsed parse(String id, String typed) {
        return TypedAnswer.parse(question(id), typed);
    }

    private static Answer ok(String id, String typed) {
        TypedAnswer.Parsed parsed = parse(id, typed);
        assertThat(parsed).as("\"%s\" at %s", typed, id).isInstanceOf(TypedAnswer.Ok.class);
        return ((TypedAnswer.Ok) parsed).answer();
    }

    private static String retry(String id, String typed) {
        TypedAnswer.Parsed parsed = parse(id, typed);
        assertThat(parsed).as("\"%s\" at %s", typed, id).isInstanceOf(TypedAnswer.Retry.class);
        return ((TypedAnswer.Retry) parsed).message();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"yes,yes", "y,yes", "YES,yes", "Yes.,yes", "no,no", "n,no", "N,no", "' no ',no"})
    void a_yes_no_question_takes_yes_y_no_and_n_in_any_case(String typed, String code) {
        assertThat(ok("chest_pain", typed)).isEqualTo(Answer.code(code));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource({"1", "2", "0", "yeah", "nope", "ye", "true", "''"})
    void a_yes_no_question_refuses_numbers_and_every_other_word(String typed) {
        assertThat(retry("chest_pain", typed)).isEqualTo("Please type yes or no.");
    }

    @Test
    void ne_is_not_taken_as_new_because_a_start_of_a_code_never_matches() {
        assertThat(retry("saddle_numbness", "ne")).contains("\"ne\" is not one of the answers");
        assertThat(retry("saddle_numbness", "lon")).contains("not one of the answers");
    }

    @Test
    void a_full_code_may_be_typed_though_it_is_not_shown() {
        assertThat(ok("saddle_numbness", "new")).isEqualTo(Answer.code("new"));
        assertThat(ok("saddle_numbness", "longstanding")).isEqualTo(Answer.code("longstanding"));
        assertThat(ok("pain_duration", "6_to_12_weeks")).isEqualTo(Answer.code("6_to_12_weeks"));
    }

    @Test
    void an_unambiguous_start_of_the_visible_text_from_its_first_word_matches() {
        assertThat(ok("spine_surgery", "yes, more")).isEqualTo(Answer.code("earlier"));
        assertThat(ok("spine_surgery", "YES MORE THAN")).isEqualTo(Answer.code("earlier"));
        assertThat(ok("saddle_numbness", "yes, and")).isEqualTo(Answer.code("new"));
        assertThat(ok("pain_region", "lower")).isEqualTo(Answer.codes("lower_back"));
        assertThat(ok("pain_region", "low")).isEqualTo(Answer.codes("lower_back"));
    }

    @Test
    void a_word_from_inside_the_text_does_not_match() {
        assertThat(retry("pain_region", "back")).contains("\"back\" is not one of the answers");
        assertThat(retry("saddle_numbness", "it is new")).contains("not one of the answers");
    }

    @Test
    void an_ambiguous_start_names_the_answers_it_could_be() {
        assertThat(retry("saddle_numbness", "yes")).isEqualTo("\"yes\" could be \"Yes, and it is new\" or \"Yes, for more than 2"
                + " weeks and not getting worse\". Please type more of the answer, or its number.");
    }

    @Test
    void a_full_code_or_a_whole_text_wins_over_a_start_of_another_option() {
        assertThat(ok("sexual_change", "yes")).isEqualTo(Answer.code("yes"));
        assertThat(ok("sexual_change", "no")).isEqualTo(Answer.code("no"));
        assertThat(ok("numbness", "no")).isEqualTo(Answer.code("none"));
    }

    @Test
    void a_choice_takes_its_option_numbers() {
        assertThat(ok("spine_surgery", "1")).isEqualTo(Answer.code("none"));
        assertThat(retry("spine_surgery", "4")).startsWith("There is no answer 4. Please type a number from 1 to 3");
    }

    @Test
    void a_multi_takes_a_whole_text_of_several_words_as_one_answer() {
        assertThat(ok("pain_region", "lower back")).isEqualTo(Answer.codes("lower_back"));
        assertThat(ok("pain_region", "Lower back.")).isEqualTo(Answer.codes("lower_back"));
        assertThat(ok("infection_risk", "none of these")).isEqualTo(Answer.codes("none"));
        assertThat(ok("diagnosis", "None of these, or I am not sure")).isEqualTo(Answer.codes("none_or_unsure"));
    }

    @Test
    void a_multi_is_split_at_commas_and_the_word_and_and_numbers_at_spaces() {
        assertThat(ok("pain_region", "neck and lower back")).isEqualTo(Answer.codes("neck", "lower_back"));
        assertThat(ok("pain_region", "lower back, neck")).isEqualTo(Answer.codes("neck", "lower_back"));
        assertThat(ok("pain_region", "1 3")).isEqualTo(Answer.codes("neck", "lower_back"));
        assertThat(ok("pain_region", "1,3")).isEqualTo(Answer.codes("neck", "lower_back"));
        assertThat(ok("pain_region", "neck, 3")).isEqualTo(Answer.codes("neck", "lower_back"));
        assertThat(ok("pain_region", "middle and lower")).isEqualTo(Answer.codes("mid_back", "lower_back"));
    }

    @Test
    void a_multi_names_the_part_it_did_not_understand() {
        assertThat(retry("pain_region", "neck, shoulder")).startsWith("\"shoulder\" is not one of the answers.");
        assertThat(retry("pain_region", "1 7")).startsWith("There is no answer 7.");
        assertThat(retry("pain_region", "neck lower back")).startsWith("\"neck lower back\" is not one of the answers.");
    }

    @Test
    void an_exclusive_answer_cannot_be_combined() {
        assertThat(retry("infection_risk", "none, I inject")).contains("\"None of these\" cannot be chosen with other answers");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "3 days,under_2_weeks", "10 days,under_2_weeks", "a week,under_2_weeks", "13 days,under_2_weeks",
        "2 weeks,2_to_6_weeks", "14 days,2_to_6_weeks", "4 weeks,2_to_6_weeks", "6 weeks,2_to_6_weeks", "42 days,2_to_6_weeks",
        "43 days,6_to_12_weeks", "1.5 months,6_to_12_weeks", "'1,5 months',6_to_12_weeks", "2 months,6_to_12_weeks",
        "12 weeks,6_to_12_weeks", "84 days,6_to_12_weeks",
        "85 days,over_12_weeks", "3 months,over_12_weeks", "5 months,over_12_weeks", "a year,over_12_weeks", "2 years,over_12_weeks",
        "about 3 weeks,2_to_6_weeks", "less than 2 weeks,under_2_weeks", "more than 6 weeks,6_to_12_weeks", "three weeks,2_to_6_weeks",
        "5 Weeks.,2_to_6_weeks"})
    void a_length_with_its_unit_is_placed_in_its_band_by_the_day_counts_of_section_10(String typed, String code) {
        TypedAnswer.Parsed parsed = parse("pain_duration", typed);
        assertThat(parsed).as(typed).isInstanceOf(TypedAnswer.Ok.class);
        TypedAnswer.Ok ok = (TypedAnswer.Ok) parsed;
        assertThat(ok.answer()).as(typed).isEqualTo(Answer.code(code));
        if (!typed.equals("less than 2 weeks")) {
            assertThat(ok.typedLength()).as(typed).isPresent();
        }
    }

    @Test
    void the_whole_text_of_a_band_is_that_band() {
        assertThat(ok("pain_duration", "6 to 12 weeks")).isEqualTo(Answer.code("6_to_12_weeks"));
        assertThat(ok("pain_duration", "more than 12")).isEqualTo(Answer.code("over_12_weeks"));
    }

    @Test
    void a_range_is_asked_again_with_a_hint() {
        assertThat(retry("pain_duration", "3 to 4 weeks")).startsWith("Please type one length, not a range");
        assertThat(retry("pain_duration", "3-4 weeks")).startsWith("Please type one length, not a range");
    }

    @Test
    void a_bare_number_at_the_duration_is_confirmed_first() {
        TypedAnswer.Parsed parsed = parse("pain_duration", "3");
        assertThat(parsed).isEqualTo(new TypedAnswer.Confirm(Answer.code("6_to_12_weeks"),
                "Did you mean option 3, 6 to 12 weeks? Type yes, or type how long with its unit, like 3 days"));
        assertThat(retry("pain_duration", "8")).isEqualTo("There is no answer 8. To say how long, type it with its unit, like 8 weeks.");
    }

    @Test
    void only_a_choice_of_contiguous_bands_of_time_reads_lengths() {
        assertThat(DurationBands.of(question("pain_duration"))).isPresent();
        assertThat(DurationBands.of(question("trend"))).isEmpty();
        assertThat(retry("trend", "3 weeks")).contains("not one of the answers");
    }

    @Test
    void a_whole_number_takes_its_unit_and_its_bounds() {
        assertThat(ok("age", "40")).isEqualTo(Answer.number(40));
        assertThat(ok("age", "40 years")).isEqualTo(Answer.number(40));
        assertThat(ok("pain_score", "7 out of 10")).isEqualTo(Answer.number(7));
        assertThat(ok("age", "12")).isEqualTo(Answer.number(12));
        assertThat(retry("age", "130")).isEqualTo("Please type a whole number from 16 to 120.");
        assertThat(retry("age", "forty")).isEqualTo("Please type a whole number (years), like 45.");
        assertThat(retry("age", "")).isEqualTo("Please type a whole number (years), like 45.");
    }

    @Test
    void an_arrow_key_typed_where_it_does_nothing_gets_a_plain_message() {
        assertThat(retry("chest_pain", "\u001b[B")).isEqualTo("The arrow keys do not work here. Please type your answer.");
        assertThat(retry("age", "\u001b[A")).isEqualTo("The arrow keys do not work here. Please type your answer.");
    }

    @Test
    void empty_input_answers_nothing() {
        assertThat(retry("spine_surgery", "")).startsWith("Please choose an answer");
        assertThat(retry("pain_region", "  ")).startsWith("Please choose one or more answers");
        assertThat(TypedAnswer.yesOrNo("")).isEqualTo(Optional.empty());
    }
}
