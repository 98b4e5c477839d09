package dev.spinecheck.engine;

import java.util.function.LongConsumer;

/**
 * How many steps a search may take. Every step counts: a node of the search, an answer tried, a question met while
 * an example is completed or checked. When it runs out the search stops with {@link Exhausted}, and its target is
 * undecided, never wrongly impossible.
 */
final class Budget {

    /** Thrown when the budget runs out; carries no stack trace, it is control flow. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super(null, null, false, false);
        }
    }

    private final long limit;
    private final long reportEvery;
    private final LongConsumer report;
    private long used;
    private long nextReport;

    Budget(long limit) {
        this(limit, Long.MAX_VALUE, used -> {});
    }

    /** A budget that tells {@code report} how many steps were used, every {@code reportEvery} steps. */
    Budget(long limit, long reportEvery, LongConsumer report) {
        this.limit = limit;
        this.reportEvery = reportEvery;
        this.report = report;
        this.nextReport = reportEvery;
    }

    void spend(long steps) {
        used += steps;
        if (used > limit) {
            throw new Exhausted();
        }
        if (used >= nextReport) {
            nextReport = used + reportEvery;
            report.accept(used);
        }
    }

    long used() {
        return used;
    }
}
