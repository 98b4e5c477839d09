package dev.spinecheck.engine;

/** The five levels of urgency, most urgent first: the declaration order is the ranking. */
public enum Level {
    EMERGENCY,
    URGENT,
    SOON,
    ROUTINE,
    SELF_CARE;

    public boolean moreUrgentThan(Level other) {
        return ordinal() < other.ordinal();
    }

    public static Level mostUrgent(Level a, Level b) {
        return a.moreUrgentThan(b) ? a : b;
    }
}
