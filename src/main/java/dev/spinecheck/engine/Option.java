package dev.spinecheck.engine;

import java.util.Set;

/**
 * One answer option of a {@code choice}, {@code multi} or {@code yes_no} question.
 *
 * @param exclusive in a {@code multi}, this code cannot be combined with another
 * @param unknown this code means "unknown" (like {@code prefer_not_to_say}): every comparison with it is unknown
 */
public record Option(String code, String text, String help, boolean exclusive, boolean unknown) {

    /** The codes that mean no, none or not at all (spec section 10): the harmless answer, always shown first. */
    public static final Set<String> HARMLESS_CODES = Set.of("no", "none", "none_or_unsure", "not_at_all");

    public boolean isHarmless() {
        return HARMLESS_CODES.contains(code);
    }
}
