package dev.spinecheck.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a level is told to a person.
 *
 * @param label the level as a word, printed on every result (never colour alone)
 * @param nextStep what to do when no flag names a person (the {@code SELF_CARE} result)
 * @param nextStepFor the one action of this level for each person a flag may name (spec section 6 item 3): "See a
 *     doctor within 1 to 2 weeks, and ask to be referred to a spine specialist."
 */
public record LevelText(Level level, String label, String headline, String timeFrame, String nextStep,
        Map<String, String> nextStepFor) {

    public LevelText {
        nextStepFor = Collections.unmodifiableMap(new LinkedHashMap<>(nextStepFor));
    }
}
