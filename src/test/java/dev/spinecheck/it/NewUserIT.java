package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program in a real terminal (tmux), walked as a new user would: a fresh home folder, no state and no
 * cache yet. These are the checks of issue 8's "done when", one test each, and the terminal faults of issues 8 and 10.
 */
class NewUserIT {
    @TempDir
    Path dir;

    private Path home() throws Exception {
        return Files.createDirectories(dir.resolve("home"));
    }

    private Path progress() throws Exception {
        return home().resolve(".local/state/spinecheck/spine-screening.progress.yaml");
    }

    /** The program with HOME in the test's folder and no XDG folders, as for someone who never ran it. */
    private String command(String env, List<String> jvmOptions, String java) throws Exception {
        String program = Packaged.shellCommand(jvmOptions, "--emergency-number", "999");
        if (java != null) {
            program = Packaged.quote(java) + program.substring(program.indexOf(' '));
        }
        return "cd " + Packaged.quote(dir.toString()) + " && env -u XDG_STATE_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_HOME HOME="
                + Packaged.quote(home().toString()) + " " + env + " " + program;
    }

    private String command() throws Exception {
        return command("", List.of(), null);
    }

    @BeforeAll
    static void tmuxIsThere() throws Exception {
        Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("these tests need tmux (apt-get install tmux; .ci/run installs it)").isTrue();
    }

    private static void toChestPain(Tmux tmux) throws Exception {
        tmux.answer("How old are you?", "40");
        tmux.answer("Where is your pain?", "3");
        tmux.answer("operation on your spine?", "1");
        tmux.answer("accident, a fall or an injury", "none");
    }

    /** The last line with text before the shell printed the exit code (call once the exit code is read). */
    private static String lastLine(Tmux tmux) throws Exception {
        String screen = tmux.screen();
        List<String> lines = screen.substring(0, screen.lastIndexOf("EXIT=")).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void a_number_typed_at_a_yes_no_question_is_refused() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            toChestPain(tmux);
            tmux.answer("chest pain now", "1");
            assertThat(tmux.waitFor("Please type yes or no.")).doesNotContain("You answered").doesNotContain("EMERGENCY");
            tmux.reply("no");
            assertThat(tmux.waitFor("You answered: No.")).isNotNull();
            tmux.answer("sudden, severe pain", "quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
        }
        assertThat(Files.readString(progress())).contains("chest_pain: no");
    }

    @Test
    void ne_at_saddle_numbness_is_not_taken_as_new() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            toChestPain(tmux);
            tmux.answer("chest pain now", "no");
            tmux.answer("sudden, severe pain", "no");
            tmux.answer("between your legs", "ne");
            assertThat(tmux.waitFor("\"ne\" is not one of the answers.")).doesNotContain("EMERGENCY");
            tmux.waitFor("> ");
            tmux.type("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
            assertThat(tmux.screen()).doesNotContain("EMERGENCY");
        }
        assertThat(Files.readString(progress())).doesNotContain("saddle_numbness");
    }

    @Test
    void lower_back_answers_where_is_your_pain() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "lower back");
            assertThat(tmux.waitFor("You answered: Lower back.")).isNotNull();
            tmux.answer("operation on your spine?", "quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
        }
        assertThat(Files.readString(progress())).contains("pain_region: [lower_back]");
    }

    @Test
    void age_12_asks_for_confirmation() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            tmux.answer("How old are you?", "12");
            assertThat(tmux.waitFor("You typed 12. This check is for people aged 16 or older. Is 12 right? (yes or no)"))
                    .doesNotContain("This screening is for adults");
            tmux.reply("no");
            tmux.answer("your age again", "12");
            tmux.waitFor("Is 12 right? (yes or no)");
            tmux.reply("yes");
            assertThat(tmux.waitFor("contact one.")).contains("This screening is for adults").contains("If any of these start");
            assertThat(tmux.exitCode()).isZero();
        }
    }

    @Test
    void a_serious_injurys_screen_never_says_go_to_the_emergency_department() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "3");
            tmux.answer("operation on your spine?", "1");
            tmux.answer("accident, a fall or an injury", "serious");
            assertThat(tmux.waitFor("Show my result")).contains("Get emergency help now. Call 999 now.");
            tmux.reply("2");
            tmux.waitFor("type a file name");
            tmux.type("");
            assertThat(tmux.exitCode()).isZero();
            assertThat(lastLine(tmux)).isEqualTo("Your answers need emergency help now: call 999.");
            assertThat(tmux.screen().toLowerCase()).doesNotContain("go to the emergency department");
        }
    }

    @Test
    void after_an_emergency_quit_ends_with_the_emergency_action() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            toChestPain(tmux);
            tmux.answer("chest pain now", "yes");
            tmux.waitFor("Show my result");
            tmux.reply("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
            assertThat(lastLine(tmux)).isEqualTo("Your answers need emergency help now: call 999.");
        }
    }

    @Test
    void the_progress_file_is_gone_after_the_result_even_when_ctrl_c_is_pressed_at_the_save_prompt() throws Exception {
        try (Tmux tmux = Tmux.start(command())) {
            toChestPain(tmux);
            tmux.answer("chest pain now", "yes");
            tmux.waitFor("Show my result");
            assertThat(progress()).exists();
            tmux.reply("2");
            tmux.waitFor("type a file name");
            tmux.key("C-c");
            assertThat(tmux.exitCode()).isEqualTo(130);
            assertThat(lastLine(tmux)).isEqualTo("Your answers need emergency help now: call 999.");
        }
        try (Stream<Path> files = Files.list(progress().getParent())) {
            assertThat(files).as("no progress file and no lock file").isEmpty();
        }
    }

    @Test
    void the_arrow_key_list_in_a_40_by_12_terminal_keeps_the_question_and_leaves_nothing_behind() throws Exception {
        try (Tmux tmux = Tmux.start(command(), 40, 12)) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Question 2 of", "3");
            tmux.answer("Question 3 of", "1");
            tmux.waitFor("Question 4 of");
            tmux.waitFor("> ");
            tmux.key("Down");
            tmux.waitFor("Up/Down");
            tmux.key("Down");
            tmux.key("Down");
            tmux.key("Down");
            Thread.sleep(400);
            String open = tmux.visible();
            assertThat(open).contains("Did the pain start").contains("> Yes, a minor one").contains("  a knock");
            assertThat(open.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(40));
            tmux.key("Enter");
            tmux.fromTheTop().waitFor("You answered: Yes, a minor");
            tmux.waitFor("out of 10");
            Thread.sleep(300);
            assertThat(tmux.visible()).doesNotContain("Up/Down").doesNotContain("Esc to type").doesNotContain("(more")
                    .doesNotContain("> Yes").doesNotContain("  No (a strain");
            tmux.reply("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
        }
        assertThat(Files.readString(progress())).contains("injury: minor");
    }

    @Test
    void in_term_dumb_an_arrow_key_gives_a_plain_message() throws Exception {
        try (Tmux tmux = Tmux.start(command("TERM=dumb", List.of(), null))) {
            tmux.answer("How old are you?", "40");
            tmux.waitFor("Where is your pain?");
            tmux.waitFor("> ");
            tmux.key("Down");
            tmux.key("Enter");
            assertThat(tmux.waitFor("The arrow keys do not work here. Please type your answer.")).doesNotContain("\\u001B");
            tmux.reply("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
            assertThat(tmux.screen()).doesNotContain("\\u001B").doesNotContain("────");
        }
    }

    @Test
    void no_native_library_is_left_in_the_temporary_folder_even_after_kill_9() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (Tmux tmux = Tmux.start(command("", List.of("-Djava.io.tmpdir=" + tmp), null))) {
            tmux.answer("How old are you?", "40");
            tmux.waitFor("Where is your pain?");
            tmux.waitFor("> ");
            ProcessHandle program = tmux.program().orElseThrow();
            program.destroyForcibly();
            program.onExit().get(30, TimeUnit.SECONDS);
            tmux.waitFor("EXIT=");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).as("left in the temporary folder").isEmpty();
        }
        Path cache = home().resolve(".cache/spinecheck");
        if (Files.exists(cache)) {
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.filter(Files::isDirectory)).allSatisfy(folder -> assertThat(
                        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------"));
            }
        }
    }

    @Test
    void the_native_library_is_unpacked_once_and_reused() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < 22, "JDK 22+ uses FFM and unpacks nothing");
        for (int run = 0; run < 2; run++) {
            try (Tmux tmux = Tmux.start(command())) {
                tmux.answer("How old are you?", "quit");
                tmux.exitCode();
            }
            if (run == 0) {
                Thread.sleep(1100);
            }
        }
        try (Stream<Path> files = Files.walk(home().resolve(".cache/spinecheck"))) {
            List<Path> libraries = files.filter(Files::isRegularFile).toList();
            assertThat(libraries).singleElement().satisfies(library -> {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rw-------");
                assertThat(Files.getLastModifiedTime(library).toMillis()).as("not written again").isLessThan(System.currentTimeMillis() - 1000);
            });
        }
    }

    @Test
    void on_jdk_25_the_screening_runs_and_unpacks_nothing() throws Exception {
        Optional<Path> jdk25 = Stream.of(System.getenv("JAVA25_HOME"), "/usr/lib/jvm/temurin-25-jdk-amd64")
                .filter(p -> p != null && Files.isExecutable(Path.of(p, "bin", "java"))).map(Path::of).findFirst();
        Assumptions.assumeTrue(jdk25.isPresent(), "no JDK 25 here (set JAVA25_HOME): SKIPPED");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = jdk25.get().resolve("bin/java").toString();
        try (Tmux tmux = Tmux.start(command("", List.of("-Djava.io.tmpdir=" + tmp), java))) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "lower back");
            tmux.waitFor("You answered: Lower back.");
            tmux.waitFor("operation on your spine?");
            tmux.waitFor("> ");
            tmux.key("C-c");
            assertThat(tmux.waitFor("EXIT=")).contains("2 answers are saved");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
        assertThat(home().resolve(".cache/spinecheck")).doesNotExist();
    }

    @Test
    void with_home_set_but_empty_nothing_is_kept_in_the_current_folder_and_the_person_is_told() throws Exception {
        String command = "cd " + Packaged.quote(dir.toString()) + " && env -u XDG_STATE_HOME -u XDG_CACHE_HOME HOME= "
                + Packaged.shellCommand(List.of(), "--emergency-number", "999");
        try (Tmux tmux = Tmux.start(command)) {
            assertThat(tmux.waitFor("How old are you?")).contains("HOME is empty");
            tmux.reply("40");
            tmux.answer("Where is your pain?", "quit");
            assertThat(tmux.waitFor("EXIT=")).contains("Your answers were not saved");
        }
        assertThat(dir.resolve(".local")).doesNotExist();
        assertThat(dir.resolve(".cache")).doesNotExist();
    }
}
