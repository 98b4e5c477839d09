package dev.spinecheck.engine;

/** Three-valued truth: an unanswered question is {@link #UNKNOWN}, never "no". */
public enum Tri {
    TRUE,
    FALSE,
    UNKNOWN;

    public static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Three-valued AND: false if either is false, else unknown if either is unknown. */
    public Tri and(Tri other) {
        return this == FALSE || other == FALSE ? FALSE : this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** Three-valued OR: true if either is true, else unknown if either is unknown. */
    public Tri or(Tri other) {
        return this == TRUE || other == TRUE ? TRUE : this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }
}
