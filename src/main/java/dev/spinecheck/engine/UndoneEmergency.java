package dev.spinecheck.engine;

/**
 * An answer that raised an {@code EMERGENCY} flag and was then changed or undone (spec section 5): the result says so,
 * with the emergency action that first answer called for.
 */
public record UndoneEmergency(Question question, Answer firstAnswer, EmergencyPlan plan) {}
