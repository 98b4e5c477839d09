package dev.spinecheck.shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import org.jline.utils.InfoCmp;

/**
 * The terminal type's capabilities, looked up while the program starts. As it builds the terminal, JLine runs
 * {@code infocmp} for them and waits for it, then parses what it printed; the first parse in a fresh JVM is slow (a
 * regular expression, interpreted). Together that is some tens of milliseconds of every start. Here JLine's own look-up
 * ({@link InfoCmp#getInfoCmp}, which keeps what it finds) and one parse run on a thread of their own from the first
 * moment, while the command line and the questionnaire are read; the terminal is built once the thread is done, and
 * JLine finds the type looked up already. The answer is JLine's own, found the same way; when the look-up fails, JLine
 * tries again as it builds the terminal, as it always did.
 */
final class TerminalCapabilities {
    /** The look-up thread's name: the terminal is built only once no thread of this name is running. */
    static final String THREAD = "spinecheck-terminal-capabilities";

    private TerminalCapabilities() {}

    /** Starts looking up the capabilities of this type (nothing for no type). */
    static void lookUp(String type) {
        if (type == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                String capabilities = InfoCmp.getInfoCmp(type);
                InfoCmp.parseInfoCmp(capabilities, new HashSet<>(), new HashMap<>(), new HashMap<>());
            } catch (Exception e) {
                // JLine looks again when it builds the terminal, and says so as it always did.
            }
        }, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until the look-up started by {@link #lookUp} (if any) is over; JLine's store of looked-up types is not
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
