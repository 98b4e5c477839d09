package dev.spinecheck.load;

import dev.spinecheck.engine.Condition;

/**
 * A condition as written in a questionnaire, with what it belongs to and where it starts, for messages about the
 * condition as a whole ("the ask_when of question pain can never be true").
 *
 * @param owner how a message names it, like "the ask_when of question pain" or "the when of flag cauda_equina"
 */
public record LocatedCondition(String owner, Condition condition, Location at) {}
