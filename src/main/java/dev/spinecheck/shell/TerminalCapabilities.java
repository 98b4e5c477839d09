package dev.spinecheck.shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import org.jline.utils.ExecHelper;
import org.jline.utils.InfoCmp;
import org.jline.utils.OSUtils;

/**
 * The terminal type's capabilities, looked up while the program starts. As it builds the terminal, JLine runs
 * {@code infocmp -x TYPE} and waits for it, then parses what it printed (together some tens of milliseconds of every
 * start). Here the same command is started on a thread of its own as soon as the program starts, and JLine is handed
 * its answer through its own cache of looked-up types, which it reads before it would run the command itself. The
 * answer is the same: when the command fails here, JLine is handed nothing and looks the type up itself, as it always
 * did.
 */
final class TerminalCapabilities {
    private TerminalCapabilities() {}

    /** Starts looking up the capabilities of this type (nothing for no type). Call it on the thread that builds the terminal. */
    static void lookUp(String type) {
        if (type == null) {
            return;
        }
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            String capabilities = infocmp(type);
            found.complete(capabilities);
            if (capabilities != null) {
                // The first parse in a fresh JVM is slow (a regular expression, interpreted): done once here, JLine's
                // own parse of the same text runs on compiled code.
                InfoCmp.parseInfoCmp(capabilities, new HashSet<>(), new HashMap<>(), new HashMap<>());
            }
        }, "spinecheck-infocmp");
        thread.setDaemon(true);
        InfoCmp.setLoadedInfoCmp(type, found::join);
        thread.start();
    }

    /** JLine's first try, made the same way: what {@code infocmp -x TYPE} prints when it succeeds, else null. */
    private static String infocmp(String type) {
        try {
            Process process = new ProcessBuilder(OSUtils.INFOCMP_COMMAND, "-x", type).start();
            String capabilities = ExecHelper.waitAndCapture(process);
            return process.exitValue() == 0 ? capabilities : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
