package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.render.Wrap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line of the prompts and the result wraps to the terminal, 40 columns included. */
class NarrowTerminalTest {
    @TempDir
    Path state;

    private static void everyLineFits(String screen, int columns) {
        for (String line : screen.split("\n")) {
            assertThat(Wrap.columns(line)).as("a line wider than %d columns: \"%s\"", columns, line).isLessThanOrEqualTo(columns);
        }
    }

    @Test
    void at_40_columns_the_questions_the_warning_the_result_and_the_prompts_all_wrap() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).sized(40, 30))) {
            shell.answer("How old are you?", "40");
            shell.answer("Question 2 of", "review");
            shell.waitFor("go back to question 2");
            shell.type("");
            shell.waitFor("Question 2 of");
            shell.reply("3");
            shell.answer("Question 3 of", "1");
            shell.answer("Question 4 of", "?");
            shell.waitFor("very unwell");
            shell.reply("serious");
            shell.waitFor("my result");
            shell.reply("2");
            shell.waitFor("skip:");
            shell.type("");
            shell.exitCode();
            everyLineFits(shell.plainScreen(), 40);
            assertThat(shell.plainScreen()).endsWith("Your answers need emergency help now:\ncall 999.\n");
        }
    }

    @Test
    void at_40_columns_resuming_and_stopping_wrap_too() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).sized(40, 30))) {
            shell.answer("How old are you?", "12");
            shell.waitFor("right?");
            shell.reply("no");
            shell.reply("40");
            shell.answer("Question 2 of", "quit");
            shell.exitCode();
            everyLineFits(shell.plainScreen(), 40);
        }
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).sized(40, 30))) {
            shell.waitFor("Resume? [Y/n]");
            shell.type("no");
            shell.answer("How old are you?", "12");
            shell.waitFor("right?");
            shell.reply("yes");
            shell.exitCode();
            everyLineFits(shell.plainScreen(), 40);
        }
    }
}
