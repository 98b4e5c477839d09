package dev.spinecheck.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** A flag that fired, with every answered question its condition reads and the answer given. */
public record FiredFlag(Flag flag, Map<String, Answer> because) {
    public FiredFlag {
        because = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(because));
    }

    public Level level() {
        return flag.level();
    }

    public String id() {
        return flag.id();
    }
}
