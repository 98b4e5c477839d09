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
        return Optional.ofNullable(orNull(questionnaire, facts, flags));
    }

    /** {@link #of(Questionnaire, Facts, List)}, or null when no {@code EMERGENCY} flag fired. */
    static EmergencyPlan orNull(Questionnaire questionnaire, Facts facts, List<FiredFlag> flags) {
        ActionKind kind = null;
        for (int i = 0; i < flags.size(); i++) {
            Flag flag = flags.get(i).flag();
            if (flag.isEmergency()) {
                kind = kind == null ? flag.kind() : ActionKind.mostUrgent(kind, flag.kind());
            }
        }
        return kind == null ? null : plan(questionnaire, facts, flags, kind);
    }

    private static EmergencyPlan plan(Questionnaire questionnaire, Facts facts, List<FiredFlag> flags, ActionKind kind) {
        Set<String> fired = new HashSet<>();
        for (int i = 0; i < flags.size(); i++) {
            FiredFlag flag = flags.get(i);
            if (flag.flag().isEmergency()) {
                fired.add(flag.id());
            }
        }
        Emergency emergency = questionnaire.emergency();
        if (kind == ActionKind.GO && questionnaire.adviceIndex().callWhen(facts)) {
            kind = ActionKind.CALL;
        }
        List<String> instructions = new ArrayList<>();
        List<Emergency.Instruction> all = emergency.instructions();
        for (int i = 0; i < all.size(); i++) {
            Emergency.Instruction instruction = all.get(i);
            if (anyOf(instruction.flags(), fired) && !anyOf(instruction.unlessFlags(), fired)
                    && !instructions.contains(instruction.text())) {
                instructions.add(instruction.text());
            }
        }
        Emergency.Action action = emergency.action(kind);
        String headline = questionnaire.level(Level.EMERGENCY).headline();
        return new EmergencyPlan(kind, headline, action.line(), instructions, action.lastLine(), action.brief());
    }

    private static boolean anyOf(List<String> ids, Set<String> fired) {
        for (int i = 0; i < ids.size(); i++) {
            if (fired.contains(ids.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The action line with its instructions: what to do next (the JSON's {@code next_step}). */
    public String nextStep() {
        return instructions.isEmpty() ? line : line + " " + String.join(" ", instructions);
    }
}
