package dev.spinecheck.engine;

/**
 * How a level is told to a person.
 *
 * @param label the level as a word, printed on every result (never colour alone)
 * @param nextStep what to do when no flag gives an action (the {@code SELF_CARE} result)
 */
public record LevelText(Level level, String label, String headline, String timeFrame, String nextStep) {}
