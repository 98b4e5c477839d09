package dev.spinecheck.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the one emergency action is told (spec sections 6 and 10), all of it from the questionnaire.
 *
 * @param actions the wording of each action kind
 * @param callWhen when certainly true, a go becomes call (difficulty walking, a newly weak limb)
 * @param instructions the flags' short instructions, in the order shown, each at most once
 * @param undone the line for an emergency answer that was undone; {@code {answer}}, {@code {question}} and
 *     {@code {action}} are filled in
 */
public record Emergency(Map<ActionKind, Action> actions, Condition callWhen, List<Instruction> instructions,
        String undone) {

    public Emergency {
        EnumMap<ActionKind, Action> copy = new EnumMap<>(ActionKind.class);
        copy.putAll(actions);
        actions = Collections.unmodifiableMap(copy);
        instructions = List.copyOf(instructions);
    }

    /**
     * The wording of one action kind.
     *
     * @param line the action line after the headline ("Call {emergency_number} now. Do not drive yourself, ...")
     * @param lastLine the last line while the emergency stands ("Your answers need emergency help now: call ...")
     * @param brief the action inside a sentence ("call {emergency_number}")
     */
    public record Action(String line, String lastLine, String brief) {}

    /** A short instruction shown when any of {@code flags} fired and none of {@code unlessFlags} did. */
    public record Instruction(String text, List<String> flags, List<String> unlessFlags) {
        public Instruction {
            flags = List.copyOf(flags);
            unlessFlags = List.copyOf(unlessFlags);
        }
    }

    public Action action(ActionKind kind) {
        return actions.get(kind);
    }
}
