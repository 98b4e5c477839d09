package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.support.Bundled;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while the real progress writer saves version after version: the file left behind is
 * always the last saved version or the one being written — complete, and loadable.
 */
class CrashSafetyIT {
    @TempDir
    Path dir;

    @Test
    void a_kill_at_any_moment_leaves_the_previous_or_the_next_complete_version() throws Exception {
        Path file = dir.resolve("spinecheck/spine-screening.progress.yaml");
        String java = ProcessHandle.current().info().command().orElse("java");
        Random random = new Random(20261122);
        int kills = 40;
        for (int round = 0; round < kills; round++) {
            Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    ProgressWriterLoop.class.getName(), file.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the writer started").isEqualTo("1");
            Thread.sleep(random.nextInt(150));
            long lastSaved = 1;
            child.toHandle().destroyForcibly();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("\\d+")) {
                    lastSaved = Long.parseLong(line);
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            ProgressStore store = new ProgressStore(file, true);
            ProgressStore.Reading reading = store.read(Bundled.questionnaire());
            assertThat(reading).as("round %d: the file loads", round).isInstanceOf(ProgressStore.Found.class);
            ProgressStore.Saved saved = ((ProgressStore.Found) reading).saved();
            assertThat(saved.leftOut()).as("round %d: nothing left out", round).isEmpty();
            Answer age = saved.answers().get("age");
            assertThat(age).as("round %d: version %d or %d", round, lastSaved, lastSaved + 1)
                    .isIn(ProgressWriterLoop.answers(lastSaved).get("age"), ProgressWriterLoop.answers(lastSaved + 1).get("age"));
            long version = age.equals(ProgressWriterLoop.answers(lastSaved).get("age")) ? lastSaved : lastSaved + 1;
            assertThat(saved.answers()).as("round %d: complete", round).isEqualTo(ProgressWriterLoop.answers(version));
            assertThat(store.lock()).as("the lock went with the killed process").isTrue();
            store.close();
            try (var files = Files.list(file.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                        .as("a stranded temporary file is removed on the next start").isEmpty();
            }
        }
    }
}
