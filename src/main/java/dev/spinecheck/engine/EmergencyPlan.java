package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one emergency action for a set of fired flags (spec section 6 item 3, section 10): call when any fired
 * emergency flag is call or when the questionnaire's {@code call_when} is certainly true, otherwise go; then the
 * fired flags' short instructions, each once, in the questionnaire's order. The texts are the questionnaire's, with
 * their placeholders still to fill.
 *
 * @param headline the {@code EMERGENCY} level's headline ("Get emergency help now."), which the action line follows
 */
public record EmergencyPlan(ActionKind kind, String headline, String line, List<String> instructions, String lastLine,
        String brief) {

    public EmergencyPlan {
        instructions = List.copyOf(instructions);
    }

    /** The plan when any {@code EMERGENCY} flag fired; empty otherwise. */
    public static Optional<EmergencyPlan> of(Walk.Outcome outcome) {
        return of(outcome.questionnaire(), outcome.facts(), outcome.flags());
    }

    static Optional<EmergencyPlan> of(Questionnaire questionnaire, Facts facts, List<FiredFlag> flags) {
        Set<String> fired = new HashSet<>();
        ActionKind kind = null;
        for (FiredFlag flag : flags) {
            if (flag.flag().isEmergency()) {
                fired.add(flag.id());
                kind = kind == null ? flag.flag().kind() : ActionKind.mostUrgent(kind, flag.flag().kind());
            }
        }
        if (kind == null) {
            return Optional.empty();
        }
        Emergency emergency = questionnaire.emergency();
        if (kind == ActionKind.GO && emergency.callWhen().evaluate(facts).isTrue()) {
            kind = ActionKind.CALL;
        }
        List<String> instructions = new ArrayList<>();
        for (Emergency.Instruction instruction : emergency.instructions()) {
            boolean applies = instruction.flags().stream().anyMatch(fired::contains)
                    && instruction.unlessFlags().stream().noneMatch(fired::contains);
            if (applies && !instructions.contains(instruction.text())) {
                instructions.add(instruction.text());
            }
        }
        Emergency.Action action = emergency.action(kind);
        String headline = questionnaire.level(Level.EMERGENCY).headline();
        return Optional.of(new EmergencyPlan(kind, headline, action.line(), instructions, action.lastLine(),
                action.brief()));
    }

    /** The action line with its instructions: what to do next (the JSON's {@code next_step}). */
    public String nextStep() {
        return instructions.isEmpty() ? line : line + " " + String.join(" ", instructions);
    }
}
