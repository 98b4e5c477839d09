package dev.spinecheck;

import dev.spinecheck.cli.Cli;
import dev.spinecheck.cli.Io;
import dev.spinecheck.cli.StandardInput;
import dev.spinecheck.files.ThrowingOutputStream;
import dev.spinecheck.shell.ShellLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The entry point: the only place that exits the process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(new OtherThreads());
        ShellLauncher.prepare(args);
        // Standard output through a stream that throws (System.out, a PrintStream, swallows a full disk or a closed pipe).
        ThrowingOutputStream stdout = new ThrowingOutputStream(new FileOutputStream(FileDescriptor.out), Optional.empty());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Io io = new Io(StandardInput.open(), out, err, System.getenv(), Optional.of(stdout));
        int code;
        try {
            code = Cli.execute(io, args);
        } catch (OutOfMemoryError e) {
            err.println("spinecheck: ran out of memory — give Java more with JAVA_OPTS=-Xmx512m, or use smaller inputs");
            code = 1;
        } catch (Throwable e) {
            err.println("spinecheck: something went wrong inside spinecheck (" + e + "). This is a bug; please report it.");
            code = 1;
        }
        code = Cli.flush(io, code);
        err.flush();
        System.exit(code);
    }

    /**
     * What fails on a thread of its own (JLine's signal handlers, say) is told in one line, never as a stack trace; and
     * not at all when it is the terminal that is gone (closed or hung up), which the screening itself deals with.
     */
    static final class OtherThreads implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            if (e instanceof java.io.IOError) {
                return;
            }
            System.err.println("spinecheck: something went wrong inside spinecheck (" + e + ", on its thread \"" + thread.getName()
                    + "\"). This is a bug; please report it.");
            System.err.flush();
        }
    }
}
