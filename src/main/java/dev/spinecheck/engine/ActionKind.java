package dev.spinecheck.engine;

/**
 * What an {@code EMERGENCY} flag tells a person to do (spec section 4): call the emergency number and move as little
 * as possible, or go to the emergency department without driving. Call beats go.
 */
public enum ActionKind {
    CALL("call"),
    GO("go");

    private final String code;

    ActionKind(String code) {
        this.code = code;
    }

    /** The kind as the questionnaire format and the JSON output spell it. */
    public String code() {
        return code;
    }

    public static java.util.Optional<ActionKind> of(String code) {
        for (ActionKind kind : values()) {
            if (kind.code.equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    public static ActionKind mostUrgent(ActionKind a, ActionKind b) {
        return a == CALL || b == CALL ? CALL : GO;
    }
}
