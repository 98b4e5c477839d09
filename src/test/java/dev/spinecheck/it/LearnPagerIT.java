package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spinecheck learn} in a real terminal (tmux, 100 by 50): a long topic goes through the pager, a short one does not. */
class LearnPagerIT {
    static final String DISCLAIMER_END = "in an emergency, call your emergency number.";

    @TempDir
    Path dir;

    @BeforeAll
    static void tmuxAndLessAreThere() throws Exception {
        for (String tool : List.of("tmux", "less")) {
            Process p = new ProcessBuilder(tool, "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                    .as("these tests need %s (apt-get install %s; .ci/run installs it)", tool, tool).isTrue();
        }
    }

    /** The packaged program's {@code learn} with these arguments, without any pager set but those in {@code env}. */
    static String learn(String env, String... args) {
        List<String> words = new java.util.ArrayList<>(List.of("learn"));
        words.addAll(List.of(args));
        return "env -u PAGER -u SPINECHECK_PAGER " + env + " " + Packaged.shellCommand(List.of(), words.toArray(String[]::new));
    }

    @Test
    void a_topic_longer_than_the_screen_opens_in_less_and_q_leaves_it() throws Exception {
        try (Tmux tmux = Tmux.start(learn("COLUMNS=40", "risks", "--emergency-number", "999"))) {
            tmux.waitFor("Risks of spinal fusion, and when");
            tmux.waitFor("The main risks are:");
            assertThat(tmux.screen()).as("the pager holds the rest").doesNotContain(DISCLAIMER_END).doesNotContain("EXIT=");
            tmux.key("G");
            tmux.waitFor("emergency number.");
            tmux.key("q");
            assertThat(tmux.exitCode()).isZero();
        }
    }

    @Test
    void pager_is_used_on_a_terminal_and_gets_the_whole_topic() throws Exception {
        Path paged = dir.resolve("paged.txt");
        try (Tmux tmux = Tmux.start(learn("NO_COLOR=1 LINES=10 PAGER=\"cat > '" + paged + "'\"", "recovery"))) {
            assertThat(tmux.exitCode()).isZero();
        }
        List<String> lines = Files.readAllLines(paged, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("Recovering after spinal fusion");
        assertThat(String.join(" ", lines)).contains("Last checked: 2 December 2026").endsWith(DISCLAIMER_END);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void no_pager_on_a_terminal_prints_the_topic_straight_out() throws Exception {
        Path paged = dir.resolve("paged.txt");
        try (Tmux tmux = Tmux.start(learn("LINES=10 PAGER=\"cat > '" + paged + "'\"", "recovery", "--no-pager"))) {
            tmux.waitFor(DISCLAIMER_END);
            assertThat(tmux.exitCode()).isZero();
        }
        assertThat(paged).doesNotExist();
    }

    @Test
    void text_that_fits_the_screen_is_not_paged() throws Exception {
        Path paged = dir.resolve("paged.txt");
        try (Tmux tmux = Tmux.start(learn("PAGER=\"cat > '" + paged + "'\""))) {
            String list = tmux.waitFor("specialist — When to see a spine specialist");
            assertThat(tmux.exitCode()).isZero();
            assertThat(list).contains("fusion — What spinal fusion is");
        }
        assertThat(paged).doesNotExist();
    }
}
