package dev.spinecheck;

import dev.spinecheck.cli.Cli;
import dev.spinecheck.cli.Io;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: the only place that exits the process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = Cli.execute(new Io(System.in, out, err, System.getenv()), args);
        } catch (OutOfMemoryError e) {
            err.println("spinecheck: ran out of memory — give Java more with JAVA_OPTS=-Xmx512m, or use smaller inputs");
            code = 1;
        } catch (Throwable e) {
            err.println("spinecheck: something went wrong inside spinecheck (" + e + "). This is a bug; please report it.");
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
