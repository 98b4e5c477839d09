package dev.spinecheck.support;

import dev.spinecheck.cli.Cli;
import dev.spinecheck.cli.Io;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in this JVM with captured output, a given standard input and environment. */
public final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private InputStream in = new ByteArrayInputStream(new byte[0]);

    public static CliRun cli() {
        return new CliRun();
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun stdin(String text) {
        in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public CliRun stdin(InputStream stream) {
        in = stream;
        return this;
    }

    public Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new Io(in, new PrintWriter(out), new PrintWriter(err), env), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** What a command did: its exit code and what it printed. */
    public record Outcome(int exitCode, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }
}
