package dev.spinecheck.cli;

import dev.spinecheck.engine.Level;
import dev.spinecheck.script.ExitStatus;
import dev.spinecheck.script.Verdict;
import java.util.StringJoiner;

/** What a batch came to so far: the answer sets by level, the errors, and the exit code. */
final class Tally {
    private final int[] levels = new int[Level.values().length];
    private int errors;
    private int emergenciesWithErrors;
    private int exit = ExitStatus.OK;

    void add(Verdict verdict) {
        if (verdict instanceof Verdict.Screened screened) {
            levels[screened.result().level().ordinal()]++;
        } else {
            errors++;
            if (((Verdict.Refused) verdict).emergency().isPresent()) {
                // A refused answer set with a certain emergency still counts as an emergency (spec section 7).
                levels[Level.EMERGENCY.ordinal()]++;
                emergenciesWithErrors++;
            }
        }
        exit = ExitStatus.combine(exit, verdict.exitCode());
    }

    /** Adds the tally of the answer sets that came after these ones. */
    void add(Tally later) {
        for (int i = 0; i < levels.length; i++) {
            levels[i] += later.levels[i];
        }
        errors += later.errors;
        emergenciesWithErrors += later.emergenciesWithErrors;
        exit = ExitStatus.combine(exit, later.exit);
    }

    int exit() {
        return exit;
    }

    String summary() {
        int screened = -emergenciesWithErrors;
        for (int count : levels) {
            screened += count;
        }
        StringJoiner joined = new StringJoiner(", ");
        for (Level level : Level.values()) {
            String withErrors = level == Level.EMERGENCY && emergenciesWithErrors > 0 ? " (" + emergenciesWithErrors + " with errors)" : "";
            joined.add(level.name() + " " + levels[level.ordinal()] + withErrors);
        }
        int sets = screened + errors;
        return "spinecheck batch: " + sets + (sets == 1 ? " answer set — " : " answer sets — ") + joined + "; errors " + errors;
    }
}
