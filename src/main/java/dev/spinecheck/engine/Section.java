package dev.spinecheck.engine;

import java.util.List;

/** A group of questions (and nested sections), asked only when its condition holds. */
public record Section(String id, String title, Condition askWhen, List<Item> items) implements Item {
    public Section {
        items = List.copyOf(items);
    }
}
