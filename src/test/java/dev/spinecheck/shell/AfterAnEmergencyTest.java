package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an emergency (spec section 6 after item 8, section 10): whatever ends the program ends with the emergency's
 * last line, it comes first on resuming, starting over says what it deletes, and a call emergency never offers to go.
 */
class AfterAnEmergencyTest {
    static final String CALL_LAST_LINE = "Your answers need emergency help now: call 999.";
    static final String GO_LAST_LINE = "Your answers need emergency help now: go to the emergency department (do not drive"
            + " yourself), or call 999 if you cannot get there quickly and safely.";

    @TempDir
    Path state;

    private Path progress() {
        return state.resolve("spinecheck/spine-screening.progress.yaml");
    }

    /** The screen's last line with text, wrapped lines joined. */
    private static String lastWords(String screen) {
        List<String> paragraphs = List.of(screen.strip().split("\n\n"));
        return paragraphs.get(paragraphs.size() - 1).replace("\n", " ").strip();
    }

    private static void newBladderTrouble(ShellDriver shell) throws Exception {
        shell.harmlessStart();
        shell.answer("sudden, severe pain", "no");
        shell.answer("between your legs", "no");
        shell.answer("how your bladder works", "yes, and");
    }

    @Test
    void a_serious_injury_is_a_call_and_nothing_on_screen_says_go_to_the_emergency_department() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type("");
            String screen = shell.rest();
            assertThat(shell.plainScreen().toLowerCase()).doesNotContain("go to the emergency department")
                    .doesNotContain("go to a&e");
            assertThat(lastWords(screen)).isEqualTo(CALL_LAST_LINE);
        }
    }

    @Test
    void after_an_emergency_quit_ends_with_the_emergency_action() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("quit");
            String end = shell.rest();
            assertThat(end).contains("You left the screening. Your 4 answers are saved in");
            assertThat(lastWords(end)).isEqualTo(CALL_LAST_LINE);
            assertThat(end).doesNotContain("did not finish");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void after_an_emergency_ctrl_c_ends_with_the_emergency_action() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.waitFor("> ");
            shell.press("\u0003");
            assertThat(lastWords(shell.rest())).isEqualTo(CALL_LAST_LINE);
            assertThat(shell.exitCode()).isEqualTo(130);
        }
    }

    @Test
    void after_an_emergency_ctrl_d_ends_with_the_emergency_action() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            newBladderTrouble(shell);
            shell.waitFor("Show my result");
            shell.waitFor("> ");
            shell.press("\u0004");
            assertThat(lastWords(shell.rest())).isEqualTo(GO_LAST_LINE);
            assertThat(shell.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void after_undoing_the_answer_the_warning_stays_while_the_answer_still_stands() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("1");
            shell.waitFor("Press Enter to keep it");
            shell.reply("quit");
            assertThat(lastWords(shell.rest())).isEqualTo(CALL_LAST_LINE);
        }
    }

    @Test
    void the_result_ends_with_the_last_line_after_the_save_prompt() throws Exception {
        Path summary = state.resolve("s.md");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            newBladderTrouble(shell);
            String warning = shell.waitFor("Show my result");
            assertThat(warning).contains("Get emergency help now. Go to the emergency department now");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type(summary.toString());
            shell.waitFor("Saved your summary");
            String end = shell.rest();
            assertThat(lastWords(end)).isEqualTo(GO_LAST_LINE);
        }
        assertThat(Files.readString(summary)).contains("EMERGENCY");
    }

    /** A serious injury answered, undone ("I answered by mistake"), changed to none, then quit at the next question. */
    private static String changeTheSeriousInjuryToNoneAndQuit(ShellDriver shell) throws Exception {
        shell.seriousAccident();
        shell.waitFor("Show my result");
        shell.type("1");
        shell.waitFor("Press Enter to keep it");
        shell.reply("none");
        shell.answer("chest pain now", "quit");
        return shell.rest().replace('\n', ' ');
    }

    @Test
    void a_changed_emergency_answer_is_remembered_and_the_last_line_is_not_shown() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            String end = changeTheSeriousInjuryToNoneAndQuit(shell);
            assertThat(end).contains("You first answered \"Yes, a serious one").contains("If your first answer was right, get"
                    + " emergency help now: call 999.");
            assertThat(end).doesNotContain(CALL_LAST_LINE).contains("This is not a diagnosis");
        }
    }

    @Test
    void a_changed_emergency_answer_is_saved_with_the_progress_and_still_named_after_resuming() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            changeTheSeriousInjuryToNoneAndQuit(shell);
        }
        Path progress = state.resolve("spinecheck").resolve("spine-screening.progress.yaml");
        assertThat(Files.readString(progress)).contains("  injury: none\n").endsWith("undone_emergencies:\n  injury: serious\n");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("yes");
            shell.answer("chest pain now", "quit");
            String end = shell.rest().replace('\n', ' ');
            assertThat(end).contains("You first answered \"Yes, a serious one").contains("If your first answer was right, get"
                    + " emergency help now: call 999.");
        }
    }

    @Test
    void resuming_an_emergency_shows_its_last_line_first_and_resuming_shows_the_warning_again() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("quit");
            shell.exitCode();
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            String before = shell.waitFor("Resume? [Y/n]");
            assertThat(before.indexOf(CALL_LAST_LINE)).isGreaterThan(0).isLessThan(before.indexOf("You have an unfinished screening"));
            shell.type("y");
            assertThat(shell.waitFor("Show my result")).contains("Get emergency help now. Call 999 now.");
            shell.type("quit");
            shell.exitCode();
        }
    }

    @Test
    void starting_over_from_an_emergency_says_what_is_deleted_and_asks_first() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("quit");
            shell.exitCode();
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("n");
            assertThat(shell.waitFor("Delete these answers? (yes or no)")).contains("Starting over deletes your 4 saved answers,"
                    + " among them your answer \"Yes, a serious one");
            shell.type("");
            shell.waitFor("Please type yes or no.");
            shell.type("no");
            assertThat(shell.waitFor("Show my result")).contains("EMERGENCY");
            shell.type("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("injury: serious");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("n");
            shell.waitFor("Delete these answers? (yes or no)");
            shell.type("yes");
            assertThat(shell.waitFor("How old are you?")).contains("Your saved answers were deleted. Starting over.");
            assertThat(progress()).doesNotExist();
            shell.reply("quit");
            assertThat(shell.rest()).doesNotContain(CALL_LAST_LINE);
        }
    }

    @Test
    void declining_to_resume_an_emergency_then_stopping_ends_with_its_last_line() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            newBladderTrouble(shell);
            shell.waitFor("Show my result");
            shell.type("quit");
            shell.exitCode();
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("n");
            shell.waitFor("Delete these answers? (yes or no)");
            shell.press("\u0003");
            String end = shell.rest();
            assertThat(end).contains("Your saved answers are kept as they were.");
            assertThat(lastWords(end)).isEqualTo(GO_LAST_LINE);
            assertThat(shell.exitCode()).isEqualTo(130);
        }
        assertThat(Files.readString(progress())).contains("bladder_change: new");
    }

    @Test
    void stopping_early_without_an_emergency_shows_the_safety_net_and_what_was_not_checked() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.harmlessStart();
            shell.answer("sudden, severe pain", "quit");
            String end = shell.rest().replace('\n', ' ');
            assertThat(end).contains("The screening did not finish, so the warning-sign questions after question 5 were not"
                    + " checked.").contains("If any of these start, or get worse").contains("Call 999 at once:")
                    .contains("Go to the emergency department now").contains("This is not a diagnosis");
            assertThat(end).doesNotContain("emergency help now:");
        }
    }

    @Test
    void ctrl_c_before_any_answer_still_shows_the_safety_net() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("How old are you?");
            shell.waitFor("> ");
            shell.press("\u0003");
            String end = shell.rest();
            assertThat(end).contains("Nothing was saved.").contains("the warning-sign questions were not checked")
                    .contains("This is not a diagnosis");
        }
    }
}
