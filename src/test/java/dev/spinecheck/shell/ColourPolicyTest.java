package dev.spinecheck.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** One colour policy: --color, NO_COLOR (even empty), TERM=dumb and --plain. */
class ColourPolicyTest {

    @Test
    void auto_colours_unless_no_color_is_set_even_empty() {
        assertThat(ShellLauncher.colour(ShellLauncher.Colour.auto, false, Map.of())).isTrue();
        assertThat(ShellLauncher.colour(ShellLauncher.Colour.auto, false, Map.of("NO_COLOR", ""))).isFalse();
        assertThat(ShellLauncher.colour(ShellLauncher.Colour.always, false, Map.of("NO_COLOR", "1"))).isTrue();
        assertThat(ShellLauncher.colour(ShellLauncher.Colour.never, false, Map.of())).isFalse();
    }

    @Test
    void plain_mode_never_colours() {
        assertThat(ShellLauncher.colour(ShellLauncher.Colour.always, true, Map.of())).isFalse();
    }

    @Test
    void a_dumb_terminal_or_term_dumb_is_plain() throws Exception {
        try (Terminal dumb = TerminalBuilder.builder().system(false).dumb(true).type(Terminal.TYPE_DUMB)
                .streams(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream()).build();
             Terminal xterm = TerminalBuilder.builder().system(false).provider("exec").type("xterm-256color")
                .streams(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream()).build()) {
            assertThat(ShellLauncher.plain(false, dumb, Map.of())).isTrue();
            assertThat(ShellLauncher.plain(false, xterm, Map.of("TERM", "dumb"))).isTrue();
            assertThat(ShellLauncher.plain(false, xterm, Map.of("TERM", "xterm-256color"))).isFalse();
            assertThat(ShellLauncher.plain(true, xterm, Map.of())).isTrue();
        }
    }
}
