package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.render.Wrap;
import dev.spinecheck.support.Bundled;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arrow-key list: nothing chosen when it opens, every option whole, the question on top, within the terminal. */
class ListPromptTest {
    @TempDir
    Path state;

    private static Question question(String id) {
        return Bundled.questionnaire().question(id).orElseThrow();
    }

    private static List<String> shown(ListPrompt list, int width, int rows) {
        return list.lines(width, rows).stream().map(AttributedString::toString).toList();
    }

    @Test
    void it_opens_with_nothing_chosen_and_enter_chooses_nothing_until_the_person_moved() {
        ListPrompt list = ListPrompt.opening(question("injury"), Optional.empty());
        assertThat(shown(list, 79, 30)).noneMatch(line -> line.startsWith(">"));
        assertThat(list.chosen()).isEmpty();
        list.move(1);
        assertThat(shown(list, 79, 30)).anyMatch(line -> line.startsWith("> No (a strain"));
        assertThat(list.chosen()).contains(Answer.code("none"));
    }

    @Test
    void a_multi_opens_with_nothing_ticked_and_enter_takes_the_option_moved_to() {
        ListPrompt list = ListPrompt.opening(question("pain_region"), Optional.empty());
        assertThat(shown(list, 79, 30)).noneMatch(line -> line.contains("[x]"));
        assertThat(list.chosen()).isEmpty();
        list.move(-1);
        assertThat(list.chosen()).contains(Answer.codes("lower_back"));
    }

    @Test
    void every_option_is_wrapped_whole_and_no_line_is_as_wide_as_a_40_column_terminal() {
        ListPrompt list = ListPrompt.opening(question("injury"), Optional.empty());
        list.move(1);
        list.move(1);
        List<String> lines = shown(list, 39, 60);
        assertThat(lines).allSatisfy(line -> assertThat(Wrap.columns(line)).isLessThanOrEqualTo(39));
        String joined = String.join(" ", lines).replaceAll("\\s+", " ");
        for (var option : question("injury").options()) {
            assertThat(joined).contains(option.text().strip().replaceAll("\\s+", " ").substring(0, 30));
        }
        assertThat(joined).contains("something heavy falling on you");
    }

    @Test
    void in_a_short_terminal_the_list_scrolls_keeps_the_question_and_the_chosen_option_whole() {
        ListPrompt list = ListPrompt.opening(question("injury"), Optional.empty());
        list.move(1);
        list.move(1);
        list.move(1);
        List<String> lines = shown(list, 39, 14);
        assertThat(lines).hasSizeLessThanOrEqualTo(14);
        assertThat(lines.get(0)).startsWith("Did the pain start");
        String joined = String.join(" ", lines).replaceAll("\\s+", " ");
        assertThat(joined).contains("> Yes, a minor one — for example a low-speed collision").contains("sitting down hard, or a knock")
                .contains("(more above)");
    }

    @Test
    void the_list_never_holds_more_lines_than_the_terminal_whichever_option_is_chosen() {
        for (String id : List.of("injury", "infection_risk", "diagnosis", "walking_balance")) {
            ListPrompt list = ListPrompt.opening(question(id), Optional.empty());
            for (int i = 0; i < question(id).options().size(); i++) {
                list.move(1);
                for (int rows : new int[] {10, 14, 24}) {
                    assertThat(shown(list, 39, rows)).as("%s, option %d, %d rows", id, i + 1, rows).hasSizeLessThanOrEqualTo(rows);
                }
            }
        }
    }

    @Test
    void the_arrow_key_list_answers_a_choice_and_a_multi_and_writes_no_marker_into_the_line() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u001b[B");
            shell.waitFor("Space to tick");
            shell.press("\u001b[B").press(" ").press("\u001b[B").press("\u001b[B").press(" ").press("\r");
            assertThat(shell.waitFor("You answered: Neck; Lower back.")).isNotNull();
            shell.waitFor("operation on your spine?");
            shell.waitFor("> ");
            shell.press("\u001b[B");
            shell.waitFor("Enter to choose");
            shell.press("\r");
            shell.waitFor(ListPrompt.NOTHING_CHOSEN);
            shell.press("\u001b[A").press("\r");
            assertThat(shell.waitFor("You answered: Yes, more than 3 months ago.")).isNotNull();
            shell.answer("accident, a fall or an injury", "quit");
            shell.exitCode();
            assertThat(shell.rawScreen()).doesNotContain("\u0000").doesNotContain("^@").doesNotContain("list>");
        }
    }

    @Test
    void esc_in_the_list_goes_back_to_typing() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u001b[B");
            shell.waitFor("Esc to type instead");
            shell.press("\u001b");
            shell.waitFor("> ");
            shell.type("3");
            shell.waitFor("You answered: Lower back.");
            shell.answer("operation on your spine?", "quit");
            shell.exitCode();
        }
    }

    @Test
    void ctrl_c_in_the_arrow_key_list_still_saves_and_leaves() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.waitFor("Where is your pain?");
            shell.waitFor("> ");
            shell.press("\u001b[B");
            shell.waitFor("Space to tick");
            shell.press("\u0003");
            assertThat(shell.waitFor("Run spinecheck again")).contains("1 answer is saved");
            assertThat(shell.exitCode()).isEqualTo(130);
        }
    }

    @Test
    void up_or_down_at_a_yes_no_question_opens_no_list() throws Exception {
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state))) {
            shell.answer("How old are you?", "40");
            shell.answer("Where is your pain?", "3");
            shell.answer("operation on your spine?", "1");
            shell.answer("accident, a fall or an injury", "1");
            shell.waitFor("chest pain now");
            shell.waitFor("> ");
            shell.press("\u001b[B").press("no\r");
            assertThat(shell.waitFor("You answered: No.")).doesNotContain("Up/Down");
            shell.answer("sudden, severe pain", "quit");
            shell.exitCode();
        }
    }
}
