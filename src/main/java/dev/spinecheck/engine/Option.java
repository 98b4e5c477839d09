package dev.spinecheck.engine;

/**
 * One answer option of a {@code choice}, {@code multi} or {@code yes_no} question.
 *
 * @param exclusive in a {@code multi}, this code cannot be combined with another
 * @param unknown this code means "unknown" (like {@code prefer_not_to_say}): every comparison with it is unknown
 */
public record Option(String code, String text, String help, boolean exclusive, boolean unknown) {}
