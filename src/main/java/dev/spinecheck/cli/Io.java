package dev.spinecheck.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * The outside world a command may touch: standard streams and the environment. Tests pass their own.
 *
 * @param outBytes the byte stream under {@code out} (UTF-8), when there is one: a command that writes much may write
 *     its bytes there, with {@code out} flushed first and not written to meanwhile
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Optional<OutputStream> outBytes) {

    public Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        this(in, out, err, env, Optional.empty());
    }

    public String env(String name) {
        return env.get(name);
    }
}
