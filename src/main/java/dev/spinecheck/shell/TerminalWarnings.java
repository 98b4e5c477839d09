package dev.spinecheck.shell;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * JLine's warnings (it logs through Java's logging, as {@code org.jline}) as one plain line each on standard error,
 * never with a stack trace: an unknown terminal type, say, would otherwise print a Java exception and its stack on the
 * person's screen. Only warnings and worse are shown, as Java's default logging shows them.
 */
final class TerminalWarnings extends Handler {
    /** Held here: Java's logging keeps only weak references to its loggers, and would forget this set-up. */
    private static final Logger JLINE = Logger.getLogger("org.jline");

    private final PrintStream err;

    TerminalWarnings(PrintStream err) {
        this.err = err;
        setLevel(Level.WARNING);
    }

    /** From now on, JLine's warnings go to {@code err} as plain lines (once; a second call changes nothing). */
    static synchronized void asPlainLines(PrintStream err) {
        for (Handler handler : JLINE.getHandlers()) {
            if (handler instanceof TerminalWarnings) {
                return;
            }
        }
        JLINE.setUseParentHandlers(false);
        JLINE.addHandler(new TerminalWarnings(err));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record) || record.getMessage() == null) {
            return;
        }
        err.println("spinecheck: the terminal: " + oneLine(record.getMessage())
                + " — spinecheck works the same, the screen may only look plainer");
        err.flush();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {}
}
