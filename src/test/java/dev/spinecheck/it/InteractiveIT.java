package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged program, driven as a person would drive it: in a real terminal under tmux. */
class InteractiveIT {
    @TempDir
    Path state;

    /** A whole walk for a 40-year-old with lower back pain, night pain answered as given. */
    static List<String[]> walk(String nightPain) {
        return List.of(
                new String[] {"How old are you?", "40"}, new String[] {"Where is your pain?", "3"},
                new String[] {"operation on your spine?", "1"}, new String[] {"accident, a fall or an injury", "none"},
                new String[] {"chest pain now", "no"}, new String[] {"sudden, severe pain", "no"},
                new String[] {"between your legs", "no"}, new String[] {"how your bladder works", "no"},
                new String[] {"control of your bowels", "no"}, new String[] {"both legs", "no"},
                new String[] {"erection", "no"}, new String[] {"down a leg", "no"},
                new String[] {"(pins and needles)", "none"}, new String[] {"arm or leg weak", "no"},
                new String[] {"difficulty walking", "no"}, new String[] {"temperature of 38", "no"},
                new String[] {"Does any of these apply to you?", "none"}, new String[] {"ever had cancer", "no"},
                new String[] {"lost weight", "no"}, new String[] {"worse at night", nightPain},
                new String[] {"lump or swelling", "no"}, new String[] {"osteoporosis", "no"},
                new String[] {"How long have you had this pain?", "less"}, new String[] {"getting better", "better"},
                new String[] {"daily life", "little"}, new String[] {"already tried", "none"},
                new String[] {"Has a doctor told you", "none"});
    }

    String command(String extra) {
        return "XDG_STATE_HOME=" + Packaged.quote(state.toString()) + " " + extra + " " + Packaged.shellCommand(List.of(), "--emergency-number", "999");
    }

    @BeforeAll
    static void tmuxIsThere() throws Exception {
        Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("these tests need tmux (apt-get install tmux; .ci/run installs it)").isTrue();
    }

    /** Answers from step {@code from} to the end of the walk, then reads the result. */
    static String finish(Tmux tmux, List<String[]> walk, int from) throws Exception {
        for (String[] step : walk.subList(from, walk.size())) {
            tmux.answer(step[0], step[1]);
        }
        tmux.waitFor("press Enter to see your result");
        tmux.type("");
        tmux.waitFor("────");
        String result = tmux.waitFor("contact one.");
        tmux.waitFor("type a file name");
        tmux.type("");
        return result;
    }

    @Test
    void a_complete_walk_typing_codes_and_numbers_ends_in_self_care() throws Exception {
        try (Tmux tmux = Tmux.start(command(""))) {
            String result = finish(tmux, walk("no"), 0);
            assertThat(result).contains("SELF-CARE").contains("Stay active").contains("This is not a diagnosis");
            assertThat(tmux.exitCode()).isZero();
        }
        assertThat(state.resolve("spinecheck/spine-screening.progress.yaml")).doesNotExist();
    }

    @Test
    void an_emergency_then_i_answered_by_mistake_then_another_answer_gives_another_result() throws Exception {
        try (Tmux tmux = Tmux.start(command(""))) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "lower");
            tmux.answer("operation on your spine?", "none");
            tmux.answer("accident, a fall or an injury", "serious");
            assertThat(tmux.waitFor("Show my result")).contains("EMERGENCY").contains("Get emergency help now. Call 999 now.").doesNotContain("go to the emergency department");
            tmux.type("1");
            String result = finish(tmux, walk("yes"), 3);
            assertThat(result).contains("URGENT").contains("Pain at night or at rest").doesNotContain("A serious injury");
            assertThat(tmux.exitCode()).isZero();
        }
    }

    @Test
    void back_and_change_removes_the_answers_that_depend_on_it() throws Exception {
        try (Tmux tmux = Tmux.start(command(""))) {
            tmux.answer("How old are you?", "40");
            tmux.answer("Where is your pain?", "neck");
            tmux.answer("operation on your spine?", "none");
            tmux.answer("accident, a fall or an injury", "none");
            tmux.answer("chest pain now", "no");
            tmux.answer("sudden severe headache", "no");
            tmux.answer("between your legs", "back");
            tmux.answer("sudden severe headache", "back");
            tmux.answer("chest pain now", "back");
            tmux.answer("accident, a fall or an injury", "back");
            tmux.answer("operation on your spine?", "back");
            tmux.answer("Where is your pain?", "lower_back");
            assertThat(tmux.waitFor("was removed")).contains("1 later answer no longer applies");
            tmux.key("C-c");
            assertThat(tmux.exitCode()).isEqualTo(130);
        }
    }

    @Test
    void ctrl_c_mid_walk_then_resume_ends_with_the_same_result_as_an_uninterrupted_walk() throws Exception {
        String uninterrupted;
        try (Tmux tmux = Tmux.start(command("XDG_STATE_HOME='" + state.resolve("other") + "'"))) {
            uninterrupted = finish(tmux, walk("yes"), 0);
        }
        List<String[]> walk = walk("yes");
        try (Tmux tmux = Tmux.start(command(""))) {
            for (String[] step : walk.subList(0, 12)) {
                tmux.answer(step[0], step[1]);
            }
            tmux.waitFor(walk.get(12)[0]);
            tmux.waitFor("> ");
            tmux.key("C-c");
            assertThat(tmux.waitFor("Run spinecheck again")).contains("12 answers are saved");
            assertThat(tmux.exitCode()).isEqualTo(130);
        }
        try (Tmux tmux = Tmux.start(command(""))) {
            tmux.waitFor("(12 answers).");
            tmux.waitFor("Resume? [Y/n]");
            tmux.type("y");
            String resumed = finish(tmux, walk, 12);
            assertThat(resumed).isEqualTo(uninterrupted);
            assertThat(tmux.exitCode()).isZero();
        }
    }

    @Test
    void kill_9_mid_walk_then_resume_keeps_every_confirmed_answer() throws Exception {
        List<String[]> walk = walk("no");
        try (Tmux tmux = Tmux.start(command(""))) {
            for (String[] step : walk.subList(0, 9)) {
                tmux.answer(step[0], step[1]);
            }
            tmux.waitFor(walk.get(9)[0]);
            tmux.waitFor("> ");
            ProcessHandle program = tmux.program().orElseThrow();
            assertThat(program.info().command().orElse("")).contains("java");
            program.destroyForcibly();
            program.onExit().get(30, TimeUnit.SECONDS);
            tmux.waitFor("EXIT=");
        }
        String saved = Files.readString(state.resolve("spinecheck/spine-screening.progress.yaml"));
        assertThat(saved).contains("age: 40").contains("bowel_change: no");
        try (Tmux tmux = Tmux.start(command(""))) {
            tmux.waitFor("(9 answers).");
            tmux.waitFor("Resume? [Y/n]");
            tmux.type("");
            assertThat(tmux.waitFor("> ")).contains("Question 10 of about").contains("both legs");
            tmux.type("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void term_dumb_gives_the_plain_mode() throws Exception {
        try (Tmux tmux = Tmux.start(command("TERM=dumb"))) {
            tmux.answer("How old are you?", "40");
            assertThat(tmux.waitFor("You answered: 40 years.")).isNotNull();
            assertThat(tmux.waitFor("3. Lower back")).contains("1. Neck");
            tmux.waitFor("> ");
            tmux.type("quit");
            assertThat(tmux.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void piped_standard_input_without_answers_exits_2_promptly() throws Exception {
        Process process = new ProcessBuilder(Packaged.command(List.of()))
                .redirectErrorStream(true).start();
        process.getOutputStream().write("40\n3\n".getBytes());
        process.getOutputStream().close();
        assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).contains("need a person at a terminal");
    }
}
