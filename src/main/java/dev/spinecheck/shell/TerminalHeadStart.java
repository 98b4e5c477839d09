package dev.spinecheck.shell;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jline.nativ.OSInfo;
import org.jline.utils.InfoCmp;

/**
 * A head start for the terminal, on a thread of its own from the first moment, while the command line and the
 * questionnaire are read. As it builds the terminal, JLine runs {@code infocmp} for the terminal type's capabilities
 * and waits for it, and the native library's look-up starts Java's logging (JLine logs through it). Together that is
 * some tens of milliseconds of every start. Here JLine's own look-up ({@link InfoCmp#getInfoCmp}, which keeps what it
 * finds) and the start of the logging are done beforehand; the terminal is built once the thread is done, and JLine
 * finds the type looked up already. (Parsing the capabilities once beforehand too, so that JLine's parse ran on
 * compiled code, cost more CPU than it saved.) The answer is JLine's own, found the same way; when the look-up fails, JLine tries
 * again as it builds the terminal, as it always did.
 */
final class TerminalHeadStart {
    /** The head start's thread's name: the terminal is built only once no thread of this name is running. */
    static final String THREAD = "spinecheck-terminal-head-start";

    private TerminalHeadStart() {}

    /**
     * Starts the head start, when {@code wanted} (a person at a terminal): the logging, and the capabilities of the
     * terminal type that {@code type} finds, if any. Both are asked on the head start's thread, so that the thread that
     * starts it goes on at once.
     */
    static void begin(BooleanSupplier wanted, Supplier<String> type) {
        Thread thread = new Thread(() -> {
            try {
                if (!wanted.getAsBoolean()) {
                    return;
                }
                if (!NativeLibrary.jdkHasForeignAccess()) {
                    OSInfo.getNativeLibFolderPathForCurrentOS();
                }
                String found = type.get();
                if (found != null) {
                    InfoCmp.getInfoCmp(found);
                }
            } catch (Exception e) {
                // JLine looks again when it builds the terminal, and says so as it always did.
            }
        }, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until the head start begun by {@link #begin} (if any) is over; JLine's store of looked-up types is not
     * made for two threads at once, so the terminal is built after this.
     */
    static void await() {
        Optional<Thread> running = running();
        if (running.isEmpty()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                running.get().join();
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
