package dev.spinecheck.engine;

/**
 * A red-flag rule: it fires when its condition is certainly true.
 *
 * @param action what to do, for a flag below {@code EMERGENCY}; an emergency flag's action is its {@code kind}'s
 *     action line (spec section 10), so that no flag can contradict the one emergency action
 * @param kind for an {@code EMERGENCY} flag, call or go; {@code null} for the other levels
 * @param see whom to see (one of the questionnaire's people), for a flag below {@code EMERGENCY}; {@code null} otherwise
 */
public record Flag(String id, Level level, String title, String reason, String action, ActionKind kind, String see,
        Condition when) {

    public boolean isEmergency() {
        return level == Level.EMERGENCY;
    }
}
