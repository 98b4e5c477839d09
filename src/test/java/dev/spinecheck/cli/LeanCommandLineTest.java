package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.CliRun;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run builds only the subcommands its arguments name, and says everything exactly as the whole command line does. */
class LeanCommandLineTest {

    private static Io io(StringWriter out, StringWriter err, Map<String, String> env) {
        return new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), env);
    }

    @Test
    void a_subcommand_is_built_alone() {
        Io io = io(new StringWriter(), new StringWriter(), Map.of());

        assertThat(Cli.forArguments(io, new String[] {"run", "--answers", "a.yaml"}).getSubcommands()).containsOnlyKeys("run");
        assertThat(Cli.forArguments(io, new String[] {"--debug", "validate"}).getSubcommands()).containsOnlyKeys("validate");
        assertThat(Cli.forArguments(io, new String[0]).getSubcommands()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "help run", "@args.txt", "rn", "--verison", "run batch", "-q run"})
    void help_usage_errors_and_argument_files_get_every_subcommand(String args) {
        Io io = io(new StringWriter(), new StringWriter(), Map.of());

        assertThat(Cli.forArguments(io, args.split(" ")).getSubcommands()).containsOnlyKeys(Subcommands.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void the_quick_version_is_what_picocli_prints(String option) {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("NO_COLOR", ""), Map.of("TERM", "xterm-256color"))) {
            StringWriter quick = new StringWriter();
            StringWriter quickErr = new StringWriter();
            int quickCode = Cli.execute(io(quick, quickErr, env), option);
            StringWriter full = new StringWriter();
            StringWriter fullErr = new StringWriter();
            Io fullIo = io(full, fullErr, env);
            int fullCode = Cli.flush(fullIo, Cli.commandLine(fullIo).execute(option));

            assertThat(QuickVersion.print(io(new StringWriter(), new StringWriter(), env), new String[] {option})).contains(0);
            assertThat(quick.toString()).isEqualTo(full.toString()).startsWith("spinecheck ").contains("bundled questionnaire: ");
            assertThat(quickErr.toString()).isEqualTo(fullErr.toString()).isEmpty();
            assertThat(quickCode).isEqualTo(fullCode).isZero();
        }
    }

    @Test
    void the_version_with_anything_else_is_left_to_picocli() {
        assertThat(QuickVersion.print(io(new StringWriter(), new StringWriter(), Map.of()), new String[] {"--version", "run"})).isEmpty();
        assertThat(CliRun.cli().run("run", "--version").out()).startsWith("spinecheck ");
    }
}
