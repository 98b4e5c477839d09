package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive screening on an in-memory terminal: what a person sees and can do at each step. */
class InteractiveScreeningTest {
    @TempDir
    Path state;

    private Path progress() {
        return state.resolve("spinecheck/spine-screening.progress.yaml");
    }

    @Test
    void it_opens_with_the_title_the_scope_the_emergency_number_and_the_keys() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            String intro = shell.waitFor("Question 1 of about 37");
            assertThat(intro).contains("Back and neck pain check").contains("adults (16 or older)").contains("not a diagnosis")
                    .contains("call 999").contains("? for help").contains("back").contains("review").contains("quit")
                    .contains("your answers are kept so you can carry on later");
            shell.type("quit");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void a_section_title_is_shown_when_its_section_starts() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            assertThat(shell.waitFor("Question 1 of about")).contains("About you and your pain");
            shell.answer("How old are you?", "40");
            assertThat(shell.waitFor("Where is your pain?")).doesNotContain("About you and your pain");
            shell.waitFor("> ");
            shell.type("3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "none");
            assertThat(shell.waitFor("chest pain now")).contains("Warning signs\n\nQuestion 5 of about");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void a_complete_harmless_walk_ends_in_self_care_with_the_safety_net_and_the_disclaimer() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.harmlessStart().harmlessRest();
            String review = shell.waitFor("press Enter to see your result");
            assertThat(review).contains("Your answers").contains("How old are you? — 40 years");
            shell.type("");
            String result = shell.waitFor("contact one.");
            assertThat(result).contains("SELF-CARE").contains("Stay active").contains("at once:")
                    .contains("This is not a diagnosis");
            shell.waitFor("type a file name");
            assertThat(progress()).as("removed once the result is shown").doesNotExist();
            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void every_accepted_answer_is_repeated_back_in_words() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            assertThat(shell.waitFor("You answered: 40 years.")).isNotNull();
            shell.answer("Where is your pain?", "neck, 3");
            assertThat(shell.waitFor("You answered: Neck; Lower back.")).isNotNull();
            shell.answer("operation on your spine?", "YES, MORE");
            assertThat(shell.waitFor("You answered: Yes, more than 3 months ago.")).isNotNull();
            shell.waitFor("accident, a fall or an injury");
            shell.waitFor("> ");
            shell.press("no\t\r");
            assertThat(shell.waitFor("You answered: No (a strain")).isNotNull();
            shell.answer("chest pain now", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("spine_surgery: earlier").contains("injury: none")
                .contains("pain_region: [neck, lower_back]");
    }

    @Test
    void anything_else_gets_one_plain_line_and_the_same_question_again() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "forty");
            assertThat(shell.waitFor("Please type a whole number (years), like 45.")).isNotNull();
            shell.type("130");
            assertThat(shell.waitFor("Please type a whole number from 16 to 120.")).isNotNull();
            shell.type("40");
            shell.answer("Where is your pain?", "7");
            assertThat(shell.waitFor("There is no answer 7.")).isNotNull();
            shell.type("3");
            shell.answer("operation on your spine?", "yes");
            assertThat(shell.waitFor("could be \"Yes, in the last 3 months\" or \"Yes, more than 3 months ago\"")).isNotNull();
            shell.type("quit");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void back_returns_to_the_previous_question_and_enter_keeps_the_answer() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "back");
            assertThat(shell.waitFor("Press Enter to keep it")).contains("Where is your pain?").contains("Your answer was: Lower back");
            shell.type("");
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void back_at_the_first_question_says_so() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "back");
            assertThat(shell.waitFor("This is the first question.")).isNotNull();
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void changing_an_earlier_answer_removes_the_answers_that_no_longer_apply_and_says_so() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "recent");
            shell.answer("accident, a fall or an injury", "none");
            shell.answer("chest pain now", "no");
            shell.answer("sudden, severe pain", "no");
            shell.answer("swollen, painful calf", "no");
            shell.answer("operation wound", "none");
            shell.answer("not controlled by the painkillers", "back");
            shell.answer("operation wound", "back");
            shell.answer("swollen, painful calf", "back");
            shell.answer("sudden, severe pain", "back");
            shell.answer("chest pain now", "back");
            shell.answer("accident, a fall or an injury", "back");
            shell.answer("operation on your spine?", "none");
            assertThat(shell.waitFor("were removed:")).contains("2 later answers no longer apply");
            shell.answer("Question", "review");
            assertThat(shell.waitFor("press Enter to go back to question")).doesNotContain("swollen, painful calf");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void an_emergency_answer_interrupts_at_once_and_a_mistake_can_be_undone() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            String warning = shell.waitFor("Show my result");
            assertThat(warning).contains("EMERGENCY").contains("Get emergency help now. Call 999 now.")
                    .contains("Keep your neck still if it hurts").contains("Do not drive yourself")
                    .doesNotContain("go to the emergency department")
                    .contains("because you answered \"Yes, a serious one")
                    .contains("I answered by mistake");
            shell.type("1");
            assertThat(shell.waitFor("Press Enter to keep it")).contains("Your answer was: Yes, a serious one");
            shell.waitFor("> ");
            shell.type("none");
            shell.answer("chest pain now", "yes");
            shell.waitFor("Show my result");
            shell.type("2");
            String result = shell.waitFor("contact one.");
            assertThat(result).contains("────").contains("EMERGENCY — now").contains("Chest pain")
                    .contains("You first answered \"Yes, a serious one");
            shell.waitFor("type a file name");
            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void review_before_the_result_lets_a_person_change_an_answer() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.harmlessStart().harmlessRest();
            shell.waitFor("press Enter to see your result");
            shell.type("20");
            shell.answer("worse at night", "yes");
            shell.waitFor("press Enter to see your result");
            shell.type("");
            assertThat(shell.waitFor("contact one.")).contains("URGENT").contains("Pain at night or at rest");
            shell.waitFor("type a file name");
            shell.type("");
            shell.exitCode();
        }
    }

    @Test
    void a_number_typed_at_the_review_in_the_middle_changes_that_answer_and_never_answers_the_current_question() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.harmlessStart();
            shell.answer("sudden, severe pain", "review");
            assertThat(shell.waitFor("press Enter to go back to question 6")).contains("1. How old are you? — 40 years")
                    .contains("5. Do you have chest pain now");
            shell.type("1");
            assertThat(shell.waitFor("Press Enter to keep it")).contains("How old are you?").contains("Your answer was: 40 years");
            shell.type("41");
            assertThat(shell.waitFor("You answered: 41 years.")).isNotNull();
            assertThat(shell.waitFor("> ")).contains("sudden, severe pain");
            shell.type("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("age: 41").doesNotContain("sudden_severe_pain");
    }

    @Test
    void enter_at_the_review_in_the_middle_goes_back_to_the_same_question() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "review");
            shell.waitFor("press Enter to go back to question 2");
            shell.type("9");
            assertThat(shell.waitFor("Please type a number from 1 to 1, or just press Enter.")).isNotNull();
            shell.type("");
            assertThat(shell.waitFor("> ")).contains("Where is your pain?");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void the_result_can_be_saved_as_a_markdown_summary_and_an_existing_file_is_never_replaced() throws Exception {
        Path existing = state.resolve("taken.md");
        Files.writeString(existing, "mine");
        Path summary = state.resolve("summary.md");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "70");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "minor");
            shell.answer("how bad has the pain been", "3");
            shell.answer("chest pain now", "yes");
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type(existing.toString());
            assertThat(shell.waitFor("it was not replaced")).contains("already exists");
            shell.type(summary.toString());
            assertThat(shell.waitFor("Saved your summary to " + summary + ".")).isNotNull();
            assertThat(shell.exitCode()).isZero();
        }
        assertThat(Files.readString(existing)).isEqualTo("mine");
        String md = Files.readString(summary);
        assertThat(md).contains("## EMERGENCY — now").contains("Questionnaire: spine-screening 2.0.0").contains("## Your answers")
                .contains("How old are you? **70 years**").contains("This is not a diagnosis");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(summary))).isEqualTo("rw-------");
    }

    @Test
    void report_option_writes_the_summary_without_asking() throws Exception {
        Path summary = state.resolve("r.md");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).reportingTo(summary, false))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("Saved your summary to " + summary.toAbsolutePath());
            assertThat(shell.exitCode()).isZero();
        }
        assertThat(Files.readString(summary)).contains("A serious injury");
    }

    @Test
    void progress_is_saved_privately_after_every_answer_and_offered_again_on_the_next_start() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.waitFor("operation on your spine?");
            assertThat(Files.readString(progress())).contains("age: 40").contains("pain_region: [lower_back]").contains("saved_at:");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(progress()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(progress().getParent()))).isEqualTo("rwx------");
            shell.waitFor("> ");
            shell.type("quit");
            shell.waitFor("Run spinecheck again");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("(2 answers).");
            shell.waitFor("Resume? [Y/n]");
            shell.type("");
            assertThat(shell.waitFor("> ")).contains("Question 3 of about").contains("operation on your spine?");
            shell.type("quit");
            shell.exitCode();
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("n");
            assertThat(shell.waitFor("How old are you?")).contains("Starting over.");
            assertThat(progress()).doesNotExist();
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void ctrl_c_saves_says_how_to_resume_and_exits_130() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u0003");
            assertThat(shell.waitFor("Run spinecheck again")).contains("1 answer is saved");
            assertThat(shell.exitCode()).isEqualTo(130);
        }
        assertThat(Files.readString(progress())).contains("age: 40");
    }

    @Test
    void ctrl_d_on_an_empty_prompt_saves_and_exits_3() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u0004");
            shell.waitFor("Run spinecheck again");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void no_save_keeps_nothing_on_disk_and_never_promises_to() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withoutSaving())) {
            String intro = shell.waitFor("How old are you?");
            assertThat(intro).contains("(nothing is kept on disk)").doesNotContain("kept so you can carry on");
            shell.waitFor("> ");
            shell.type("?");
            assertThat(shell.waitFor("If you feel very unwell")).contains("quit (stop; nothing is").doesNotContain("answers are kept");
            shell.type("40");
            shell.answer("Where is your pain?", "quit");
            assertThat(shell.waitFor("Nothing was saved (you chose --no-save).")).isNotNull();
            assertThat(shell.rest()).doesNotContain("saved in");
        }
        try (var files = Files.walk(state)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void save_names_the_file_and_keeps_it_after_the_result() throws Exception {
        Path kept = state.resolve("mine.yaml");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).savingTo(kept))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("Your answers are kept in " + kept);
            shell.waitFor("type a file name");
            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
        assertThat(Files.readString(kept)).contains("injury: serious");
    }

    @Test
    void two_screenings_never_share_one_progress_file() throws Exception {
        try (ShellDriver first = new ShellDriver(ShellDriver.Setup.in(state))) {
            first.waitFor("How old are you?");
            try (ShellDriver second = new ShellDriver(ShellDriver.Setup.in(state))) {
                assertThat(second.waitFor("Finish that one first")).contains("Another spinecheck screening is open");
                assertThat(second.exitCode()).isEqualTo(3);
            }
            first.type("quit");
            first.exitCode();
        }
    }

    @Test
    void plain_mode_numbers_every_option_echoes_each_answer_and_never_colours_or_draws_lines() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).inPlainMode())) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type("");
            shell.exitCode();
            String screen = shell.plainScreen();
            assertThat(screen).contains("You answered: 40 years.").contains("3. Lower back").contains("1. Neck");
            assertThat(screen).doesNotContain("─").doesNotContain("* ").doesNotContain("TAB").doesNotContain("Up and Down");
            assertThat(shell.rawScreen()).doesNotContain("\u001b[1m").doesNotContain("\u001b[41m");
        }
    }

    @Test
    void colour_is_only_emphasis_the_level_is_always_a_word() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withColour())) {
            shell.seriousAccident();
            assertThat(shell.waitFor("Show my result")).contains("EMERGENCY");
            assertThat(shell.rawScreen()).contains("\u001b[1;97;41m EMERGENCY ");
            shell.type("quit");
        }
    }

    @Test
    void ask_missing_starts_from_the_answers_given_and_asks_only_what_is_missing() throws Exception {
        Map<String, Answer> given = Map.of("age", Answer.number(40), "pain_region", Answer.codes("lower_back"),
                "spine_surgery", Answer.code("none"));
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).startingWith(given))) {
            assertThat(shell.waitFor("> ")).contains("Question 4 of about").contains("accident");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void a_symlink_planted_at_the_progress_file_is_replaced_never_followed() throws Exception {
        Path victim = state.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Files.createDirectories(progress().getParent());
        Files.createSymbolicLink(progress(), victim);
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.type("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(progress())).isFalse();
        assertThat(Files.readString(progress())).contains("age: 40");
    }

    @Test
    void a_symlink_planted_at_the_report_path_is_never_followed() throws Exception {
        Path victim = state.resolve("victim.md");
        Files.writeString(victim, "keep me");
        Path report = state.resolve("report.md");
        Files.createSymbolicLink(report, victim);
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type(report.toString());
            assertThat(shell.waitFor("it was not replaced")).contains("already exists");
            shell.type("");
            shell.exitCode();
        }
        assertThat(Files.readString(victim)).isEqualTo("keep me");
    }

    @Test
    void quit_works_at_the_review_before_the_result() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.harmlessStart().harmlessRest();
            shell.waitFor("press Enter to see your result");
            shell.type("quit");
            shell.waitFor("Run spinecheck again");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
        assertThat(Files.readString(progress())).contains("diagnosis: [none_or_unsure]");
    }

    @Test
    void ask_missing_never_overwrites_another_unfinished_screening() throws Exception {
        Files.createDirectories(progress().getParent());
        Files.writeString(progress(), "questionnaire: spine-screening\nanswers:\n  age: 70\n");
        Map<String, Answer> given = Map.of("age", Answer.number(40));
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).startingWith(given))) {
            assertThat(shell.waitFor("> ")).contains("not saved as you go").contains("Where is your pain?");
            shell.type("3");
            shell.waitFor("operation on your spine?");
            shell.waitFor("> ");
            shell.type("quit");
            assertThat(shell.rest()).contains("Your answers were not saved").doesNotContain("saved in");
        }
        assertThat(Files.readString(progress())).contains("age: 70").doesNotContain("pain_region");
    }
}
