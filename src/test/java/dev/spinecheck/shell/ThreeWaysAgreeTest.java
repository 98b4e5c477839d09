package dev.spinecheck.shell;

import static dev.spinecheck.support.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.render.AnswerFileText;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.Json;
import dev.spinecheck.support.RandomAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The same answers give the same result whichever way they arrive: by {@code run}, by {@code batch}, or typed one
 * by one into the interactive screening.
 */
class ThreeWaysAgreeTest {
    @TempDir
    Path dir;

    private final Questionnaire questionnaire = Bundled.questionnaire();

    @Test
    void run_batch_and_the_interactive_walk_give_the_same_level_and_flags() throws Exception {
        Random random = new Random(7);
        List<Map<String, Answer>> sets = new ArrayList<>();
        while (sets.size() < 25) {
            Map<String, Answer> set = RandomAnswers.of(questionnaire, random, 0.0);
            if (Walk.run(questionnaire, set).outOfScopeMessage().isEmpty()) {
                sets.add(set);
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            Path file = dir.resolve(String.format("set-%02d.yaml", i));
            Files.writeString(file, AnswerFileText.write(questionnaire, sets.get(i), List.of(), null));
            files.add(file);
        }
        List<String> batchArgs = new ArrayList<>(List.of("batch"));
        files.forEach(f -> batchArgs.add(f.toString()));
        List<JsonNode> batch = Json.lines(cli().run(batchArgs.toArray(String[]::new)).out());

        for (int i = 0; i < sets.size(); i++) {
            JsonNode run = Json.parse(cli().run("run", "--answers", files.get(i).toString(), "--format", "json").out());
            String shell = walkInteractively(sets.get(i), dir.resolve("state-" + i));

            assertThat(batch.get(i).path("level").asString()).as("set %d: batch", i).isEqualTo(run.path("level").asString());
            assertThat(Json.flagIds(batch.get(i))).as("set %d: batch", i).isEqualTo(Json.flagIds(run));
            String label = questionnaire.level(dev.spinecheck.engine.Level.valueOf(run.path("level").asString())).label();
            assertThat(shell).as("set %d: the interactive result", i).startsWith(label + " — ");
            List<String> titlesShown = new ArrayList<>();
            for (JsonNode flag : run.path("flags")) {
                titlesShown.add(flag.path("title").asString());
                assertThat(shell).as("set %d", i).contains("- " + flag.path("title").asString() + " (");
            }
            assertThat(shell.lines().filter(l -> l.startsWith("  - ") && l.matches(".*\\((EMERGENCY|URGENT|SOON|ROUTINE)\\)$")).count())
                    .as("set %d: no other flag", i)
                    .isEqualTo(titlesShown.size());
        }
    }

    /** Types the answers in the order the walk asks them; returns the result as shown. */
    private String walkInteractively(Map<String, Answer> answers, Path state) throws Exception {
        Walk.Outcome outcome = Walk.run(questionnaire, answers);
        try (ShellDriver shell = new ShellDriver(ShellDriver.Setup.in(state).withoutSaving())) {
            for (Question question : outcome.path()) {
                String text = question.text();
                shell.waitFor(text.substring(0, Math.min(30, text.length())));
                shell.waitFor("> ");
                Answer answer = answers.get(question.id());
                shell.type(answer instanceof Answer.Codes codes ? String.join(", ", codes.codes()) : answer.toString());
            }
            if (outcome.stoppedEarly()) {
                shell.waitFor("Show my result");
                shell.type("2");
            } else {
                shell.waitFor("press Enter to see your result");
                shell.type("");
            }
            shell.waitFor("────\n");
            String result = shell.waitFor("contact one.");
            shell.waitFor("type a file name");
            shell.type("");
            assertThat(shell.exitCode()).isZero();
            return result;
        }
    }
}
