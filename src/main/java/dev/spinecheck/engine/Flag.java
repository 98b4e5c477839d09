package dev.spinecheck.engine;

/** A red-flag rule: it fires when its condition is certainly true. */
public record Flag(String id, Level level, String title, String reason, String action, Condition when) {}
