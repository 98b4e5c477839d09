package dev.spinecheck.engine;

/** An entry of the question tree: a section or a question. */
public sealed interface Item permits Section, Question {}
