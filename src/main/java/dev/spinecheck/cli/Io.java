package dev.spinecheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** The outside world a command may touch: standard streams and the environment. Tests pass their own. */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {

    public String env(String name) {
        return env.get(name);
    }
}
