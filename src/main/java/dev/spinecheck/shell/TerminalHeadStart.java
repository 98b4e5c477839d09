package dev.spinecheck.shell;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jline.nativ.OSInfo;
import org.jline.utils.InfoCmp;

/**
 * A head start for the terminal, beside the main thread from the first moment, while the command line and the
 * questionnaire are read. As it builds the terminal, JLine runs {@code infocmp} for the terminal type's capabilities
 * and waits for it, and the native library's look-up starts Java's logging (JLine logs through it). Together that is
 * some tens of milliseconds of every start. Here JLine's own look-up ({@link InfoCmp#getInfoCmp}, which keeps what it
 * finds) and the start of the logging are done beforehand, each on a thread of its own; the terminal is built once
 * both are done, and JLine finds the type looked up already. (Parsing the capabilities once beforehand too, so that
 * JLine's parse ran on compiled code, cost more CPU than it saved, and no time.) The answer is JLine's own, found the
 * same way; when the look-up fails, JLine tries again as it builds the terminal, as it always did.
 */
final class TerminalHeadStart {
    /** The head start's thread's name: the terminal is built only once no thread of this name is running. */
    static final String THREAD = "spinecheck-terminal-head-start";

    private TerminalHeadStart() {}

    /**
     * Starts the head start: the logging, and when {@code wanted} (a person at a terminal) the capabilities of the
     * terminal type that {@code type} finds, if any. Both run on threads of their own, so that the thread that starts
     * them goes on at once.
     */
    static void begin(BooleanSupplier wanted, Supplier<String> type) {
        try {
            start(wanted, type);
        } catch (RuntimeException | Error e) {
            // No thread could be made (a limit on processes): no head start, JLine does all of it as it builds the terminal.
        }
    }

    private static void start(BooleanSupplier wanted, Supplier<String> type) {
        Thread thread = new Thread(() -> {
            // The start of the logging is the longest part, and the main thread soon waits for it (the native library's
            // look-up needs it): it has a thread of its own from the first moment, before it is even known whether a
            // person is at a terminal (when none is, it was only started early: it has no effect of its own). The
            // capabilities' look-up, which waits for a process (infocmp), runs here meanwhile. This thread is over when
            // both are. (JLine's store of types is touched by the look-up alone.)
            Thread logging = null;
            try {
                logging = new Thread(THREAD + "-logging") {
                    @Override
                    public void run() {
                        startLogging(); // (a class, not a method reference: the first of those costs milliseconds)
                    }
                };
                logging.setDaemon(true);
                logging.start();
            } catch (RuntimeException | Error e) {
                // No second thread: the logging starts when JLine first logs, as it always did.
                logging = null;
            }
            try {
                if (wanted.getAsBoolean()) {
                    lookUp(type);
                }
            } catch (RuntimeException | Error e) {
                // A head start only: JLine does all of it again as it builds the terminal.
            }
            if (logging != null) {
                join(logging);
            }
        }, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    private static void startLogging() {
        try {
            TerminalWarnings.asPlainLines(System.err);
            if (!NativeLibrary.jdkHasForeignAccess()) {
                OSInfo.getNativeLibFolderPathForCurrentOS();
            }
        } catch (RuntimeException | Error e) {
            // JLine starts it again when it builds the terminal, and says so as it always did.
        }
    }

    private static void lookUp(Supplier<String> type) {
        try {
            String found = type.get();
            if (found != null) {
                InfoCmp.getInfoCmp(found);
            }
        } catch (Exception | Error e) {
            // JLine looks again when it builds the terminal, and says so as it always did.
        }
    }

    /**
     * Waits until the head start begun by {@link #begin} (if any) is over; JLine's store of looked-up types is not
     * made for two threads at once, so the terminal is built after this.
     */
    static void await() {
        Optional<Thread> running = running();
        if (running.isPresent()) {
            join(running.get());
        }
    }

    /** Waits until the thread has ended, even when interrupted (the interrupt is kept). */
    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Thread> running() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads);
        for (int i = 0; i < n; i++) {
            if (THREAD.equals(threads[i].getName())) {
                return Optional.of(threads[i]);
            }
        }
        return Optional.empty();
    }
}
