package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the last prompt of the interactive screening offers the topics the result links to ("type learn"). */
class LearnAtTheLastPromptTest {
    @TempDir
    Path state;

    /** A harmless walk for a 40-year-old with lower back pain: SELF-CARE, with the care and its link to try-first. */
    private static void harmlessWalk(ShellDriver shell) throws Exception {
        List<String[]> steps = List.of(
                new String[] {"How old are you?", "40"}, new String[] {"Where is your pain?", "3"},
                new String[] {"operation on your spine?", "1"}, new String[] {"accident, a fall or an injury", "none"},
                new String[] {"chest pain now", "no"}, new String[] {"sudden, severe pain", "no"},
                new String[] {"numbness or tingling between your legs", "no"}, new String[] {"change in how your bladder works", "no"},
                new String[] {"lost control of your bowels", "no"}, new String[] {"both legs", "no"},
                new String[] {"erection", "no"}, new String[] {"spread down a leg", "no"},
                new String[] {"(pins and needles)", "no"}, new String[] {"Is an arm or leg weak", "no"},
                new String[] {"difficulty walking", "no"}, new String[] {"temperature of 38", "no"},
                new String[] {"Does any of these apply to you?", "none"}, new String[] {"ever had cancer", "no"},
                new String[] {"lost weight", "no"}, new String[] {"worse at night", "no"},
                new String[] {"lump or swelling", "no"}, new String[] {"osteoporosis", "no"},
                new String[] {"How long have you had this pain?", "less"}, new String[] {"better, staying the same", "better"},
                new String[] {"get in the way of your daily life", "a little"}, new String[] {"already tried", "none"},
                new String[] {"Has a doctor told you", "none"});
        for (String[] step : steps) {
            shell.answer(step[0], step[1]);
        }
        shell.waitFor("press Enter to see your result");
        shell.type("");
    }

    @Test
    void the_last_prompt_offers_the_linked_topics_and_learn_shows_them() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            harmlessWalk(shell);
            String result = shell.waitFor("contact one.");
            assertThat(result).contains("To read more: spinecheck learn try-first");
            String offer = shell.waitFor("Enter to skip").replace('\n', ' ');
            assertThat(offer).contains("Type learn to read about: what to try before an operation.")
                    .contains("type learn to read more,");

            shell.type("learn");
            String topic = shell.waitFor("call your emergency number.");
            assertThat(topic).contains("What to try before an operation").contains("Questions to ask your doctor or specialist")
                    .contains("Last checked: 2 December 2026");
            shell.waitFor("Enter to skip");

            shell.type("learn risks");
            assertThat(shell.waitFor("call your emergency number.")).contains("Risks of spinal fusion, and when to call")
                    .contains("Call 999 at once");
            shell.waitFor("Enter to skip");

            shell.type("learn fussion");
            assertThat(shell.waitFor("Enter to skip")).contains("There is no topic 'fussion' — did you mean 'fusion'?");

            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
    }

    @Test
    void an_emergency_result_never_offers_reading() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "recent");
            shell.answer("accident, a fall or an injury", "none");
            shell.answer("chest pain now", "no");
            shell.answer("sudden, severe pain", "no");
            shell.answer("swollen, painful calf", "yes");
            shell.waitFor("Show my result");
            shell.type("2");
            String result = shell.waitFor("Enter to skip");
            assertThat(result).contains("EMERGENCY").doesNotContain("type learn").doesNotContain("Type learn");
            shell.type("");
            assertThat(shell.exitCode()).isZero();
        }
    }
}
