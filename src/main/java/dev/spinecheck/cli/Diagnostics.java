package dev.spinecheck.cli;

import java.util.ArrayList;
import java.util.List;

/** The details of an internal error, shown only with --debug. */
final class Diagnostics {
    private Diagnostics() {}

    static List<String> describe(Throwable error) {
        List<String> lines = new ArrayList<>();
        Throwable current = error;
        String prefix = "";
        while (current != null) {
            lines.add(prefix + current);
            for (StackTraceElement element : current.getStackTrace()) {
                lines.add("\tat " + element);
            }
            prefix = "Caused by: ";
            current = current.getCause() == current ? null : current.getCause();
        }
        return lines;
    }
}
