package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --save FILE never replaces a file that is not a progress file of this questionnaire, unless --force says so (issue 10). */
class SaveOptionTest {
    @TempDir
    Path dir;

    @Test
    void save_refuses_a_file_that_is_not_a_progress_file_with_exit_2_and_leaves_it_alone() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my own notes\n");
        CliRun.Outcome run = cli().run("--save", notes.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("spinecheck: --save " + notes + ": " + notes + " is not a progress file of the"
                + " questionnaire spine-screening, so it is not replaced — choose another file, or add --force to replace it");
        assertThat(Files.readString(notes)).isEqualTo("my own notes\n");
    }

    @Test
    void save_refuses_the_questionnaire_itself_and_an_answer_file_that_is_not_a_progress_file() throws Exception {
        Path questionnaire = dir.resolve("q.yaml");
        Files.copy(Path.of("questionnaires/spine-screening.yaml"), questionnaire);
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "questionnaire: spine-screening\nanswers:\n  age: 40\n");
        assertThat(cli().run("--save", questionnaire.toString()).exitCode()).isEqualTo(2);
        assertThat(cli().run("run", "--save", answers.toString()).err()).contains("is not a progress file");
        assertThat(Files.readString(questionnaire)).isEqualTo(Files.readString(Path.of("questionnaires/spine-screening.yaml")));
    }

    @Test
    void save_refuses_a_progress_file_of_another_questionnaire() throws Exception {
        Path other = dir.resolve("other.progress.yaml");
        Files.writeString(other, "questionnaire: another-check\nsaved_at: 2026-11-22T10:15:00Z\nanswers: {}\n");
        assertThat(cli().run("--save", other.toString()).err()).contains("is not a progress file of the questionnaire spine-screening");
    }

    @Test
    void save_takes_a_missing_file_an_empty_one_or_a_progress_file_of_this_questionnaire() throws Exception {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        Path ours = dir.resolve("ours.yaml");
        Files.writeString(ours, "# An unfinished spinecheck screening.\nquestionnaire: spine-screening\nsaved_at: 2026-11-22T10:15:00Z\n"
                + "answers:\n  age: 40\n");
        for (Path file : new Path[] {dir.resolve("new.yaml"), empty, ours}) {
            CliRun.Outcome run = cli().run("--save", file.toString());
            assertThat(run.err()).as(file.toString()).doesNotContain("not a progress file").contains("need a person at a terminal");
        }
    }

    @Test
    void force_lets_save_use_a_file_that_is_not_a_progress_file() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "my own notes\n");
        CliRun.Outcome run = cli().run("--save", notes.toString(), "--force");
        assertThat(run.err()).doesNotContain("not a progress file").contains("need a person at a terminal");
        assertThat(Files.readString(notes)).isEqualTo("my own notes\n");
    }

    @Test
    void save_in_a_folder_that_does_not_exist_is_refused_before_any_question_with_exit_73() {
        CliRun.Outcome run = cli().run("--save", dir.resolve("missing/progress.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(73);
        assertThat(run.err()).contains("the folder " + dir.resolve("missing") + " does not exist — create it first");
    }

    @Test
    void save_refuses_a_folder() {
        assertThat(cli().run("--save", dir.toString()).err()).contains(dir + " is a folder");
    }
}
