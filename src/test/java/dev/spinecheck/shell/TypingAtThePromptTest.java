package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person types, on the in-memory terminal: spec sections 3a and 10 — no answer by habit, no default, every
 * answer repeated back, an age under 16 and a bare number at "how long" confirmed first.
 */
class TypingAtThePromptTest {
    @TempDir
    Path state;

    private Path progress() {
        return state.resolve("spinecheck/spine-screening.progress.yaml");
    }

    private ShellDriver shell() throws Exception {
        return new ShellDriver(ShellDriver.Setup.in(state));
    }

    /** Up to saddle_numbness on a harmless lower-back walk. */
    private static void toSaddleNumbness(ShellDriver shell) throws Exception {
        shell.harmlessStart();
        shell.answer("sudden, severe pain", "no");
        shell.waitFor("numbness or tingling between your legs");
    }

    @Test
    void a_yes_no_question_shows_no_numbered_list_and_ends_yes_or_no() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "none");
            String asked = shell.waitFor("> ");
            assertThat(asked).contains("Do you have chest pain now, with or without the back pain? (yes or no)")
                    .doesNotContain("1. Yes").doesNotContain("2. No");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void a_number_typed_at_a_yes_no_question_is_refused() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "none");
            shell.answer("chest pain now", "1");
            assertThat(shell.waitFor("Please type yes or no.")).doesNotContain("You answered");
            shell.waitFor("> ");
            shell.type("2");
            assertThat(shell.waitFor("Please type yes or no.")).doesNotContain("You answered");
            shell.waitFor("> ");
            shell.type("n");
            assertThat(shell.waitFor("You answered: No.")).isNotNull();
            shell.answer("sudden, severe pain", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("chest_pain: no");
    }

    @Test
    void ne_at_saddle_numbness_is_not_taken_as_new() throws Exception {
        try (ShellDriver shell = shell()) {
            toSaddleNumbness(shell);
            shell.waitFor("> ");
            shell.type("ne");
            assertThat(shell.waitFor("\"ne\" is not one of the answers.")).doesNotContain("EMERGENCY").doesNotContain("You answered");
            shell.waitFor("> ");
            shell.type("quit");
            assertThat(shell.rest()).doesNotContain("EMERGENCY").doesNotContain("emergency help now");
        }
        assertThat(Files.readString(progress())).doesNotContain("saddle_numbness");
    }

    @Test
    void tab_completes_the_visible_words_never_a_code() throws Exception {
        try (ShellDriver shell = shell()) {
            toSaddleNumbness(shell);
            shell.waitFor("> ");
            shell.press("ne\t\r");
            assertThat(shell.waitFor("is not one of the answers.")).doesNotContain("You answered");
            shell.reply("quit");
            shell.exitCode();
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state.resolve("b")))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("low\t\r");
            assertThat(shell.waitFor("You answered: Lower back.")).isNotNull();
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void lower_back_answers_where_is_your_pain() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "lower back");
            assertThat(shell.waitFor("You answered: Lower back.")).isNotNull();
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("pain_region: [lower_back]");
    }

    @Test
    void back_is_always_the_command_even_where_options_say_back() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "back");
            assertThat(shell.waitFor("Press Enter to keep it")).contains("How old are you?");
            shell.type("");
            shell.answer("Where is your pain?", "middle of the back and lower back");
            assertThat(shell.waitFor("You answered: Middle of the back (between the shoulder blades); Lower back.")).isNotNull();
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void enter_never_answers_a_question_not_yet_answered() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "");
            assertThat(shell.waitFor("Please type a whole number")).doesNotContain("You answered");
            shell.reply("40");
            shell.answer("Where is your pain?", "");
            assertThat(shell.waitFor("Please choose one or more answers")).doesNotContain("You answered");
            shell.reply("3");
            shell.answer("operation on your spine?", "");
            assertThat(shell.waitFor("Please choose an answer")).doesNotContain("You answered");
            shell.reply("1");
            shell.answer("accident, a fall or an injury", "1");
            shell.answer("chest pain now", "");
            assertThat(shell.waitFor("Please type yes or no.")).doesNotContain("You answered");
            shell.reply("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).doesNotContain("chest_pain");
    }

    @Test
    void a_multi_answer_not_understood_is_asked_again_naming_the_part() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "neck, shoulders");
            assertThat(shell.waitFor("\"shoulders\" is not one of the answers.")).doesNotContain("You answered");
            shell.reply("neck and lower");
            assertThat(shell.waitFor("You answered: Neck; Lower back.")).isNotNull();
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void an_apostrophe_never_makes_the_prompt_wait_for_more() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "don't know");
            assertThat(shell.waitFor("\"don't know\" is not one of the answers.")).isNotNull();
            shell.reply("quit");
            shell.exitCode();
        }
    }

    @Test
    void a_bare_number_at_how_long_is_confirmed_before_it_is_taken() throws Exception {
        try (ShellDriver shell = shell()) {
            toHowLong(shell);
            shell.answer("How long have you had this pain?", "3");
            assertThat(shell.waitFor("Did you mean option 3, 6 to 12 weeks? Type yes, or type how long with its unit, like 3 days"))
                    .doesNotContain("You answered");
            shell.reply("");
            assertThat(shell.waitFor("Please type yes, or how long with its unit, like 3 days.")).isNotNull();
            shell.reply("yes");
            assertThat(shell.waitFor("You answered: 6 to 12 weeks.")).isNotNull();
            shell.answer("better, staying the same", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("pain_duration: 6_to_12_weeks");
    }

    @Test
    void a_length_typed_instead_of_yes_is_placed_in_its_band_and_repeated_with_what_was_typed() throws Exception {
        try (ShellDriver shell = shell()) {
            toHowLong(shell);
            shell.answer("How long have you had this pain?", "2");
            shell.waitFor("Did you mean option 2, 2 to 6 weeks?");
            shell.reply("3 months");
            assertThat(shell.waitFor("You answered: More than 12 weeks (you typed \"3 months\").")).isNotNull();
            shell.answer("better, staying the same", "back");
            shell.answer("How long have you had this pain?", "6 weeks");
            assertThat(shell.waitFor("You answered: 2 to 6 weeks (you typed \"6 weeks\").")).isNotNull();
            shell.answer("better, staying the same", "back");
            shell.answer("How long have you had this pain?", "3 to 4 weeks");
            assertThat(shell.waitFor("Please type one length, not a range")).doesNotContain("You answered");
            shell.reply("12 weeks");
            assertThat(shell.waitFor("You answered: 6 to 12 weeks (you typed \"12 weeks\").")).isNotNull();
            shell.answer("better, staying the same", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("pain_duration: 6_to_12_weeks");
    }

    private static void toHowLong(ShellDriver shell) throws Exception {
        shell.harmlessStart();
        for (String[] step : new String[][] {{"sudden, severe pain", "no"}, {"between your legs", "no"}, {"bladder works", "no"},
                {"control of your bowels", "no"}, {"both legs", "no"}, {"erection", "no"}, {"down a leg", "no"},
                {"(pins and needles)", "no"}, {"arm or leg weak", "no"}, {"difficulty walking", "no"}, {"temperature of 38", "no"},
                {"Does any of these apply to you?", "none"}, {"ever had cancer", "no"}, {"lost weight", "no"},
                {"worse at night", "no"}, {"lump or swelling", "no"}, {"osteoporosis", "no"}}) {
            shell.answer(step[0], step[1]);
        }
    }

    @Test
    void age_12_asks_for_confirmation_and_no_asks_the_age_again() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "12");
            assertThat(shell.waitFor("You typed 12. This check is for people aged 16 or older. Is 12 right? (yes or no)"))
                    .doesNotContain("for adults");
            shell.reply("");
            assertThat(shell.waitFor("Please type yes or no.")).isNotNull();
            shell.reply("n");
            assertThat(shell.waitFor("Then please type your age again.")).isNotNull();
            shell.reply("42");
            assertThat(shell.waitFor("You answered: 42 years.")).isNotNull();
            shell.answer("Where is your pain?", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("age: 42");
    }

    @Test
    void a_number_typed_at_the_age_confirmation_is_the_corrected_age() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "12");
            shell.waitFor("Is 12 right? (yes or no)");
            shell.reply("21");
            assertThat(shell.waitFor("You answered: 21 years.")).isNotNull();
            shell.answer("Where is your pain?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void a_confirmed_age_under_16_ends_with_the_out_of_scope_message_the_safety_net_and_the_disclaimer() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "12");
            shell.waitFor("Is 12 right? (yes or no)");
            shell.reply("yes");
            String end = shell.waitFor("contact one.");
            assertThat(end).contains("This screening is for adults").contains("show this to a parent")
                    .contains("If any of these start, or get worse").contains("This is not a diagnosis");
            assertThat(shell.exitCode()).isZero();
        }
        assertThat(progress()).doesNotExist();
    }

    @Test
    void question_mark_gives_the_instruction_for_each_type_of_question() throws Exception {
        try (ShellDriver shell = shell()) {
            shell.answer("How old are you?", "?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("Type a whole number from 16 to 120 (years)");
            shell.reply("40");
            shell.answer("Where is your pain?", "?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("The middle of the back means")
                    .contains("Type the numbers of all the answers that apply, like 1 3");
            shell.reply("3");
            shell.answer("operation on your spine?", "?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("Any operation on the spine counts")
                    .contains("Type the number of your answer, or its first words");
            shell.reply("1");
            shell.answer("accident, a fall or an injury", "1");
            shell.answer("chest pain now", "?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("Any pain, pressure, tightness")
                    .contains("Type yes or no (or y or n).").doesNotContain("number of your answer");
            shell.reply("quit");
            shell.exitCode();
        }
    }

    @Test
    void question_mark_at_how_long_says_a_length_may_be_typed() throws Exception {
        try (ShellDriver shell = shell()) {
            toHowLong(shell);
            shell.answer("How long have you had this pain?", "?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("You can also type how long");
            shell.reply("quit");
            shell.exitCode();
        }
    }

    @Test
    void in_a_dumb_terminal_an_arrow_key_gives_a_plain_message() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).inPlainMode())) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u001b[B\r");
            assertThat(shell.waitFor("The arrow keys do not work here. Please type your answer.")).isNotNull();
            shell.reply("quit");
            shell.exitCode();
            assertThat(shell.plainScreen()).doesNotContain("\\u001B").doesNotContain("[B\"");
        }
    }
}
