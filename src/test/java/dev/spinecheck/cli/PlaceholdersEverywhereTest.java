package dev.spinecheck.cli;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {emergency_number}} may be used in every text of a questionnaire, and is filled in wherever it is shown. */
class PlaceholdersEverywhereTest {
    @TempDir
    Path dir;

    @Test
    void the_emergency_number_is_filled_in_in_question_texts_and_flag_titles_too() throws IOException {
        Path questionnaire = dir.resolve("tiny.yaml");
        Files.writeString(questionnaire, Files.readString(ValidateCommandTest.resource("/valid-tiny.yaml"))
                .replace("        text: How is the pain?", "        text: How is the pain? If it is unbearable, call {emergency_number}.")
                .replace("    title: Bad pain", "    title: Bad pain (call {emergency_number} if it gets worse)"));
        Path answers = Files.writeString(dir.resolve("answers.yaml"), "answers: {age: 40, pain: bad, symptoms: [none]}\n");

        assertThat(cli().run("validate", questionnaire.toString()).exitCode()).isZero();
        CliRun.Outcome run = cli().run("run", "--questionnaire", questionnaire.toString(), "--answers", answers.toString(),
                "--emergency-number", "999");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = run.out().replaceAll("\\s+", " ");
        assertThat(text).contains("Bad pain (call 999 if it gets worse)")
                .contains("to: How is the pain? If it is unbearable, call 999.")
                .doesNotContain("{emergency_number}");
    }
}
