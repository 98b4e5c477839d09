package dev.spinecheck.build;

import dev.spinecheck.cli.Cli;
import dev.spinecheck.cli.Io;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (run by the exec plugin in {@code prepare-package}): the man pages' AsciiDoc and the completion scripts,
 * made from the very command objects the program runs, so that they never drift from {@code --help}.
 *
 * <p>Arguments: the folder for the AsciiDoc pages, the folder for the completion scripts.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        Path adoc = Path.of(args[0]);
        Path completion = Path.of(args[1]);
        CommandLine commandLine = commands();
        Files.createDirectories(adoc);
        int status = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, commandLine.getCommandSpec());
        if (status != 0) {
            throw new IOException("the man page generator failed with status " + status);
        }
        Files.createDirectories(completion);
        String bash = AutoComplete.bash("spinecheck", commandLine);
        Files.writeString(completion.resolve("spinecheck.bash"), bash, StandardCharsets.UTF_8);
        Files.writeString(completion.resolve("_spinecheck"), zsh(bash), StandardCharsets.UTF_8);
    }

    /** The commands as the program builds them, with an environment that asks for no colour. */
    static CommandLine commands() {
        StringWriter sink = new StringWriter();
        Io io = new Io(InputStream.nullInputStream(), new PrintWriter(sink), new PrintWriter(sink), Map.of("NO_COLOR", "1"));
        return Cli.commandLine(io);
    }

    /**
     * A zsh completion file for a folder on {@code $fpath}: zsh runs picocli's script through its bash completion
     * layer ({@code bashcompinit}), which the script sets up itself when it sees zsh.
     */
    static String zsh(String bash) {
        return "#compdef spinecheck\n"
                + "# zsh completion for spinecheck, generated from the commands at build time (picocli AutoComplete).\n"
                + "# Put this file in a folder on $fpath, or source it from ~/.zshrc.\n"
                + "# zsh has no compopt (it only tunes bash's display); the script's alias for it cannot reach the functions\n"
                + "# below when zsh loads this file as a function, so it is a function that does nothing.\n"
                + "compopt() { return 0; }\n"
                + bash.replaceFirst("^#!/usr/bin/env bash\n", "")
                + "\n# Autoloaded from $fpath, this file runs as the completion function itself: the lines above have just\n"
                + "# set up the completion, so answer the TAB that loaded it too.\n"
                + "if [ -n \"${ZSH_VERSION:-}\" ] && [[ \"${funcstack[1]:-}\" == _spinecheck ]]; then\n"
                + "  _bash_complete -F _complete_spinecheck\n"
                + "fi\n";
    }
}
