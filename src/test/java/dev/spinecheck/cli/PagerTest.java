package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which pager {@code spinecheck learn} uses, and when: as git chooses. */
class PagerTest {
    @TempDir
    Path dir;

    private Path withLess() throws Exception {
        Path less = dir.resolve("less");
        Files.writeString(less, "#!/bin/sh\ncat\n");
        Files.setPosixFilePermissions(less, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    @Test
    void spinecheck_pager_wins_over_pager() {
        assertThat(Pager.command(Map.of("SPINECHECK_PAGER", "more", "PAGER", "most"))).contains("more");
    }

    @Test
    void pager_is_used_when_set() {
        assertThat(Pager.command(Map.of("PAGER", "most -s"))).contains("most -s");
    }

    @Test
    void an_empty_pager_or_cat_means_no_pager() throws Exception {
        Map<String, String> path = Map.of("PATH", withLess().toString());
        assertThat(Pager.command(Map.of("PAGER", "", "PATH", path.get("PATH")))).isEmpty();
        assertThat(Pager.command(Map.of("PAGER", " cat ", "PATH", path.get("PATH")))).isEmpty();
        assertThat(Pager.command(Map.of("SPINECHECK_PAGER", "", "PAGER", "less", "PATH", path.get("PATH")))).isEmpty();
    }

    @Test
    void without_a_pager_set_less_is_used_when_it_is_installed() throws Exception {
        assertThat(Pager.command(Map.of("PATH", "/no/such/dir:" + withLess()))).contains("less -FRX");
        assertThat(Pager.command(Map.of("PATH", "/no/such/dir"))).isEmpty();
        assertThat(Pager.command(Map.of())).isEmpty();
    }

    @Test
    void only_text_on_a_terminal_that_does_not_fit_the_screen_is_paged() {
        assertThat(Pager.wanted(30, new Screen(true, 80, 24))).isTrue();
        assertThat(Pager.wanted(24, new Screen(true, 80, 24))).as("the prompt needs a line too").isTrue();
        assertThat(Pager.wanted(23, new Screen(true, 80, 24))).isFalse();
        assertThat(Pager.wanted(300, new Screen(false, 80, 24))).isFalse();
    }

    @Test
    void the_pager_gets_every_line_and_the_program_waits_for_it() throws Exception {
        Path got = dir.resolve("got.txt");
        List<String> lines = List.of("Recovering after spinal fusion", "", "Walk every day — a little more each week");

        boolean shown = Pager.show("cat > '" + got + "'", lines);

        assertThat(shown).isTrue();
        assertThat(Files.readAllLines(got, StandardCharsets.UTF_8)).containsExactlyElementsOf(lines);
    }

    @Test
    void a_pager_that_does_not_exist_gives_the_text_back_to_be_printed() {
        assertThat(Pager.show("no-such-pager-spinecheck-test", List.of("text"))).isFalse();
    }

    @Test
    void a_pager_that_stops_reading_early_is_not_an_error() {
        List<String> many = java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> "line " + i).toList();
        assertThat(Pager.show("head -n 1 > /dev/null", many)).isTrue();
    }
}
