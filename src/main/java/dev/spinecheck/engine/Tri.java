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

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }
}
