package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spinecheck.support.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing kept that should not be (issues 8 and 10): the progress file and its lock go once the result
 * is shown; resuming reads answer by answer; an unreadable file is kept aside; a full disk, a read-only or open state
 * folder and an empty HOME are told as they are. The faults are made for real (a small tmpfs, chmod).
 */
class NothingLostTest {
    @TempDir
    Path state;

    private Path folder() {
        return state.resolve("spinecheck");
    }

    private Path progress() {
        return folder().resolve("spine-screening.progress.yaml");
    }

    private static String flat(String screen) {
        return screen.replace('\n', ' ');
    }

    @Test
    void the_progress_file_and_its_lock_are_gone_once_the_result_is_shown_even_when_ctrl_c_is_pressed_at_the_save_prompt() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            assertThat(progress()).exists();
            shell.type("2");
            shell.waitFor("type a file name");
            assertThat(progress()).doesNotExist();
            shell.press("\u0003");
            String end = shell.rest();
            assertThat(end).doesNotContain("saved in").endsWith("Your answers need emergency help now: call 999.\n");
            assertThat(shell.exitCode()).isEqualTo(130);
        }
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files).as("no progress file, no lock file, no temporary file").isEmpty();
        }
    }

    @Test
    void resuming_leaves_out_the_answers_that_no_longer_fit_and_names_them() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(progress(), "questionnaire: spine-screening\nsaved_at: 2026-11-22T10:15:00Z\nanswers:\n  age: 40\n"
                + "  pain_region: [lower_back]\n  spine_surgery: none\n  injury: moderate\n  old_question: yes\n");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            String offer = flat(shell.waitFor("Resume? [Y/n]"));
            assertThat(offer).contains("(3 answers).").contains("2 saved answers no longer fit this version of the questionnaire"
                    + " and are left out: \"Did the pain start, or get clearly worse, after an ...\" (moderate); old_question"
                    + " (yes).");
            shell.type("yes");
            assertThat(shell.waitFor("> ")).contains("Question 4 of about").contains("accident, a fall or an injury");
            shell.type("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("spine_surgery: none").doesNotContain("moderate");
    }

    @Test
    void an_unreadable_progress_file_is_kept_aside_and_the_person_told() throws Exception {
        Files.createDirectories(folder());
        String broken = "questionnaire: spine-screening\nanswers: [age: 40\n";
        Files.writeString(progress(), broken);
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            String told = flat(shell.waitFor("How old are you?"));
            assertThat(told).contains("Your saved answers in " + progress() + " could not be read (")
                    .contains("The file is kept as " + progress() + ".unreadable, and this screening starts afresh.");
            shell.reply("40");
            shell.answer("Where is your pain?", "quit");
            shell.exitCode();
        }
        assertThat(Files.readString(Path.of(progress() + ".unreadable"))).isEqualTo(broken);
        assertThat(Files.readString(progress())).contains("age: 40");
    }

    @Test
    void a_second_unreadable_file_never_replaces_the_first_one_kept_aside() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(Path.of(progress() + ".unreadable"), "first");
        Files.writeString(progress(), "not: [answers");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            assertThat(flat(shell.waitFor("How old are you?"))).contains("kept as " + progress() + ".unreadable.2");
            shell.reply("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(Path.of(progress() + ".unreadable"))).isEqualTo("first");
        assertThat(Files.readString(Path.of(progress() + ".unreadable.2"))).isEqualTo("not: [answers");
    }

    @Test
    void starting_over_keeps_the_lock_so_that_a_second_screening_still_cannot_share_the_file() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(progress(), "questionnaire: spine-screening\nsaved_at: 2026-11-22T10:15:00Z\nanswers:\n  age: 40\n");
        try (ShellDriver first = new ShellDriver(ShellDriver.Setup.in(state))) {
            first.waitFor("Resume? [Y/n]");
            first.type("no");
            first.waitFor("Starting over.");
            assertThat(progress()).doesNotExist();
            try (ShellDriver second = new ShellDriver(ShellDriver.Setup.in(state))) {
                assertThat(second.waitFor("Finish that one first")).contains("Another spinecheck screening is open");
                assertThat(second.exitCode()).isEqualTo(3);
            }
            first.reply("quit");
            first.exitCode();
        }
    }

    @Test
    void resume_accepts_only_yes_or_no_words_and_asks_again_otherwise() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(progress(), "questionnaire: spine-screening\nsaved_at: 2026-11-22T10:15:00Z\nanswers:\n  age: 40\n");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("1");
            shell.waitFor("Please type yes to carry on, or no to start over.");
            shell.waitFor("Resume? [Y/n]");
            shell.type("nah");
            shell.waitFor("Please type yes to carry on, or no to start over.");
            shell.waitFor("Resume? [Y/n]");
            shell.type("Y");
            assertThat(shell.waitFor("> ")).contains("Where is your pain?");
            shell.type("quit");
            shell.exitCode();
        }
        assertThat(Files.readString(progress())).contains("age: 40");
    }

    @Test
    void a_full_disk_is_told_plainly_and_quit_never_claims_more_answers_saved_than_the_file_holds() throws Exception {
        assumeTrue(Tmpfs.available(), "needs root to mount a small tmpfs");
        Path xdg = state.resolve("xdg");
        try (Tmpfs disk = Tmpfs.mount(xdg, 64)) {
            Path file = xdg.resolve("spinecheck/spine-screening.progress.yaml");
            Map<String, String> env = Map.of("XDG_STATE_HOME", xdg.toString(), "HOME", state.toString());
            try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withEnvironment(env))) {
                shell.answer("How old are you?", "40");
                shell.answer("Where is your pain?", "3");
                shell.waitFor("operation on your spine?");
                disk.fill();
                shell.reply("1");
                String told = flat(shell.waitFor("will not be kept."));
                assertThat(told).contains("Not saved: your answer to \"Have you had an operation on your spine?\" could not be"
                        + " written to " + file + " (no space left on device).");
                shell.answer("accident, a fall or an injury", "none");
                assertThat(flat(shell.waitFor("will not be kept."))).contains("your answers to \"Have you had an operation on your"
                        + " spine?\", \"Did the pain start");
                shell.answer("chest pain now", "quit");
                String end = flat(shell.rest());
                assertThat(end).contains("Only 2 of your 4 answers are saved in " + file + ". Not saved: your answers to \"Have"
                        + " you had an operation on your spine?\", \"Did the pain start").doesNotContain("Your 4 answers are saved");
                assertThat(shell.exitCode()).isEqualTo(3);
            }
            assertThat(Files.readString(file)).contains("age: 40").contains("pain_region: [lower_back]").doesNotContain("spine_surgery");
            try (Stream<Path> files = Files.list(file.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @Test
    void a_read_only_state_folder_still_offers_its_saved_answers_and_says_nothing_new_is_kept() throws Exception {
        assumeTrue(Tmpfs.available(), "needs root to mount a small tmpfs");
        Path xdg = state.resolve("xdg");
        try (Tmpfs disk = Tmpfs.mount(xdg, 64)) {
            Path file = xdg.resolve("spinecheck/spine-screening.progress.yaml");
            Map<String, String> env = Map.of("XDG_STATE_HOME", xdg.toString(), "HOME", state.toString());
            try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withEnvironment(env))) {
                shell.answer("How old are you?", "40");
                shell.answer("Where is your pain?", "3");
                shell.answer("operation on your spine?", "quit");
                shell.exitCode();
            }
            String before = Files.readString(file);
            disk.readOnly();
            try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withEnvironment(env))) {
                String offer = flat(shell.waitFor("Resume? [Y/n]"));
                assertThat(offer).contains("Your answers cannot be saved as you go in " + file.getParent() + ": read-only file"
                        + " system.").contains("(2 answers).");
                shell.type("");
                assertThat(shell.waitFor("> ")).contains("operation on your spine?");
                shell.type("1");
                shell.answer("accident, a fall or an injury", "quit");
                String end = flat(shell.rest());
                assertThat(end).contains("Your answers were not saved (read-only file system); " + file + " still holds 2 answers"
                        + " from before.").doesNotContain("are saved in");
                assertThat(shell.exitCode()).isEqualTo(3);
            }
            assertThat(Files.readString(file)).isEqualTo(before);
        }
    }

    @Test
    void a_state_folder_open_to_others_is_made_private() throws Exception {
        Files.createDirectories(folder());
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxrwxrwx"));
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            assertThat(flat(shell.waitFor("How old are you?"))).contains("The folder " + folder() + " could be opened by other"
                    + " users (rwxrwxrwx); it is now private to you (rwx------).");
            shell.reply("40");
            shell.answer("Where is your pain?", "quit");
            assertThat(flat(shell.rest())).contains("Your 1 answer is saved in " + progress());
            assertThat(shell.exitCode()).isEqualTo(3);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
        assertThat(Files.readString(progress())).contains("age: 40");
    }

    @Test
    void a_state_folder_that_cannot_be_used_says_why() throws Exception {
        Files.writeString(state.resolve("spinecheck"), "a file where the folder should be");
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            assertThat(flat(shell.waitFor("How old are you?"))).contains("Your answers cannot be saved as you go in " + folder()
                    + ": " + folder() + " is a file, not a folder.");
            shell.reply("40");
            shell.answer("Where is your pain?", "quit");
            assertThat(flat(shell.rest())).contains("Your answers were not saved (" + folder() + " is a file, not a folder), so"
                    + " they are not kept.");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
        assertThat(Files.readString(state.resolve("spinecheck"))).isEqualTo("a file where the folder should be");
    }

    @Test
    void home_set_but_empty_never_puts_state_under_the_current_folder() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        boolean hadLocal = Files.exists(here.resolve(".local"));
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withEnvironment(Map.of("HOME", "")))) {
            assertThat(flat(shell.waitFor("How old are you?"))).contains("Your answers cannot be saved as you go: HOME is empty,"
                    + " so there is no home folder to keep them in.").contains("(nothing is kept on disk)");
            shell.reply("40");
            shell.answer("Where is your pain?", "quit");
            assertThat(flat(shell.rest())).contains("Your answers were not saved (HOME is empty").doesNotContain("saved in");
            assertThat(shell.exitCode()).isEqualTo(3);
        }
        assertThat(Files.exists(here.resolve(".local"))).isEqualTo(hadLocal);
        assertThat(here.resolve(".local/state/spinecheck")).doesNotExist();
    }

    @Test
    void a_summary_name_with_a_tilde_is_saved_in_the_home_folder_and_its_full_path_shown() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type("~/for-the-doctor");
            assertThat(shell.waitFor("Saved your summary to " + state.resolve("for-the-doctor.md") + ".")).isNotNull();
            shell.exitCode();
        }
        assertThat(Files.readString(state.resolve("for-the-doctor.md"))).contains("A serious injury");
    }

    @Test
    void a_summary_that_cannot_be_saved_says_why_and_asks_again() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.seriousAccident();
            shell.waitFor("Show my result");
            shell.type("2");
            shell.waitFor("type a file name");
            shell.type(state.resolve("no-such-folder/summary.md").toString());
            assertThat(flat(shell.waitFor("type a file name"))).contains("The summary could not be saved to "
                    + state.resolve("no-such-folder/summary.md") + ": the folder " + state.resolve("no-such-folder") + " does not exist.");
            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void a_summary_on_a_read_only_disk_says_so() throws Exception {
        assumeTrue(Tmpfs.available(), "needs root to mount a small tmpfs");
        Path place = state.resolve("ro");
        try (Tmpfs disk = Tmpfs.mount(place, 64)) {
            disk.readOnly();
            try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
                shell.seriousAccident();
                shell.waitFor("Show my result");
                shell.type("2");
                shell.waitFor("type a file name");
                shell.type(place.resolve("summary").toString());
                assertThat(flat(shell.waitFor("type a file name"))).contains("The summary could not be saved to " + place.resolve("summary.md")
                        + ": read-only file system.");
                shell.type("");
                shell.exitCode();
            }
        }
    }
}
