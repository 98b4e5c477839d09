package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What the quicker interactive start does beside JLine: the same encoding, the head start, the rehearsal. */
class TerminalStartTest {

    @Test
    void the_encoding_said_outright_is_the_one_jline_would_choose_itself() {
        TerminalBuilder own = TerminalBuilder.builder().system(true);
        TerminalBuilder said = TerminalBuilder.builder().system(true);
        ShellLauncher.defaultEncoding(said);
        assertThat(said.computeEncoding()).isEqualTo(own.computeEncoding());
        assertThat(said.computeStdinEncoding()).isEqualTo(own.computeStdinEncoding());
        assertThat(said.computeStdoutEncoding()).isEqualTo(own.computeStdoutEncoding());
        assertThat(said.computeStderrEncoding()).isEqualTo(own.computeStderrEncoding());
    }

    @Test
    void the_terminal_waits_for_the_head_start_to_be_over() {
        AtomicBoolean over = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            TerminalHeadStart.begin(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                over.set(true);
                return false;
            }, () -> "xterm-256color");
            TerminalHeadStart.await();
            assertThat(over).isTrue();
            TerminalHeadStart.await();
        });
    }

    @Test
    void with_no_person_at_a_terminal_nothing_is_looked_up_and_the_head_start_ends_with_its_logging() {
        AtomicBoolean asked = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            TerminalHeadStart.begin(() -> false, () -> {
                asked.set(true);
                return "xterm-256color";
            });
            TerminalHeadStart.await();
        });
        assertThat(asked).as("the terminal type is not even asked").isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).as("no thread of the head start is left, the logging's included")
                .noneMatch(t -> t.getName().startsWith(TerminalHeadStart.THREAD) && t.isAlive());
    }

    @Test
    void the_head_start_is_only_for_command_lines_that_may_ask() {
        // Nothing is started for these (and nothing asked of the terminal): prepare returns at once.
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"batch", "x.jsonl"},
                new String[] {"run", "--answers", "a.yaml"}, new String[] {"run", "-a", "a.yaml"}, new String[] {"help"})) {
            ShellLauncher.prepare(args);
            assertThat(headStartRunning()).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void every_class_the_rehearsal_loads_by_name_is_there() throws ClassNotFoundException {
        for (String name : Rehearsal.SYSTEM_TERMINAL) {
            assertThat(Class.forName(name, false, getClass().getClassLoader())).as(name).isNotNull();
        }
    }

    @Test
    void the_rehearsal_keeps_only_a_lock_in_its_own_new_folder_and_ends(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Rehearsal.main(new String[] {state.toString()}));
        List<Path> kept = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).forEach(kept::add);
        }
        assertThat(kept).as("no progress file, only the screening's lock").allMatch(f -> f.getFileName().toString().endsWith(".lock"));
    }

    @Test
    void the_rehearsal_never_writes_into_a_folder_that_exists(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rehearsal.main(new String[] {dir.toString()}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    private static boolean headStartRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> TerminalHeadStart.THREAD.equals(t.getName()) && t.isAlive());
    }
}
