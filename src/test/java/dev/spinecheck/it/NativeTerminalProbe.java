package dev.spinecheck.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.TerminalExt;

/**
 * Run in a real terminal by {@link PackagedJarIT} with the packaged jar on its class path: opens the system terminal
 * as the shell does, and writes which provider JLine chose into the file named by its argument.
 */
public final class NativeTerminalProbe {
    private NativeTerminalProbe() {}

    public static void main(String[] args) throws Exception {
        String found;
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            found = ((TerminalExt) terminal).getProvider().name() + " " + terminal.getType();
        } catch (Exception e) {
            found = "failed " + e;
        }
        Files.writeString(Path.of(args[0]), found + "\n", StandardCharsets.UTF_8);
    }
}
