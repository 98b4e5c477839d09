package dev.spinecheck.load;

import dev.spinecheck.engine.ActionKind;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Emergency;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the flags, and the wording of the one emergency action their EMERGENCY flags lead to. */
final class FlagReader {
    private final Draft draft;
    private final LevelReader levels;

    FlagReader(Draft draft, LevelReader levels) {
        this.draft = draft;
        this.levels = levels;
    }

    List<Flag> flags(Fields f, List<String> people) {
        List<Flag> flags = new ArrayList<>();
        Map<String, Location> ids = new HashMap<>();
        for (Node node : f.list("flags", true).orElse(List.of())) {
            String name = node instanceof Node.Mapping m ? m.get("flag").map(n -> n instanceof Node.Scalar s ? s.text() : "?").orElse("?") : "?";
            Optional<Fields> of = Fields.of(node, "flag " + name, QuestionnaireReader.FLAG, draft.problems);
            if (of.isEmpty()) {
                continue;
            }
            Fields ff = of.get();
            Optional<String> id = ff.code("flag", true);
            Optional<Level> level = ff.code("level", true).flatMap(l -> levels.level(l, ff.node("level").orElseThrow().at()));
            String title = ff.text("title", true).orElse("");
            String reason = ff.text("reason", true).orElse("");
            boolean emergency = level.filter(l -> l == Level.EMERGENCY).isPresent();
            String action = "";
            ActionKind kind = null;
            String see = null;
            if (emergency) {
                if (!ff.has("action_kind")) {
                    draft.problem(ff.map().at(), "EMERGENCY flag " + id.orElse(name) + " has no 'action_kind' — add"
                            + " action_kind: call (call the emergency number) or go (go to the emergency department)");
                }
                kind = ff.code("action_kind", false).flatMap(k -> actionKind(k, ff.node("action_kind").orElseThrow().at())).orElse(null);
                for (String key : List.of("action", "see")) {
                    if (ff.has(key)) {
                        draft.problem(ff.keyAt(key), "an EMERGENCY flag takes no '" + key + "': what it tells the"
                                + " person is the emergency action of its action_kind (call or go) — remove it");
                    }
                }
            } else if (level.isPresent()) {
                action = ff.text("action", true).orElse("");
                // Whom to see: by default the last, most general person (a doctor).
                see = ff.code("see", false).orElse(people.isEmpty() ? null : people.get(people.size() - 1));
                if (see != null && !people.contains(see)) {
                    draft.problem(ff.node("see").orElseThrow().at(), "flag " + id.orElse("?") + " sends the person"
                            + " to see '" + see + "', who is not in people — " + Suggest.didYouMean(see, people,
                                    people.isEmpty() ? "add people: [" + see + "] at the top" : "use one of: " + String.join(", ", people)));
                }
                if (ff.has("action_kind")) {
                    draft.problem(ff.keyAt("action_kind"), "only an EMERGENCY flag takes action_kind — remove it,"
                            + " or make the flag EMERGENCY");
                }
            }
            Optional<Condition> when = draft.condition(ff, "when", "the when of flag " + id.orElse(name), Integer.MAX_VALUE);
            if (!ff.has("when")) {
                ff.text("when", true);
            }
            if (id.isPresent()) {
                Location at = ff.node("flag").orElseThrow().at();
                draft.checkId(id.get(), at, "flag");
                Location first = ids.putIfAbsent(id.get(), at);
                draft.flagAt.putIfAbsent(id.get(), at);
                if (first != null) {
                    draft.problem(at, "the flag id '" + id.get() + "' is used twice (first on line "
                            + first.line() + ") — give every flag its own id");
                }
            }
            if (id.isPresent() && level.isPresent() && when.isPresent()) {
                flags.add(new Flag(id.get(), level.get(), title, reason, action, kind, see, when.get()));
            }
        }
        return flags;
    }

    Optional<ActionKind> actionKind(String code, Location at) {
        Optional<ActionKind> kind = ActionKind.of(code);
        if (kind.isEmpty()) {
            draft.problem(at, "there is no action kind '" + code + "' — "
                    + Suggest.didYouMean(code, List.of("call", "go"), "use call (call the emergency number) or go (go to the emergency department)"));
        }
        return kind;
    }

    /** The wording of the one emergency action; required when any flag is EMERGENCY. */
    Emergency emergency(Fields f, List<Flag> flags) {
        boolean needed = flags.stream().anyMatch(Flag::isEmergency);
        Optional<Fields> of = f.mapping("emergency", "emergency", QuestionnaireReader.EMERGENCY, needed);
        if (of.isEmpty()) {
            return new Emergency(Map.of(), Condition.NEVER, List.of(), "");
        }
        Fields e = of.get();
        Map<ActionKind, Emergency.Action> actions = new EnumMap<>(ActionKind.class);
        Set<ActionKind> used = EnumSet.noneOf(ActionKind.class);
        flags.stream().filter(fl -> fl.isEmergency() && fl.kind() != null).forEach(fl -> used.add(fl.kind()));
        if (e.has("call_when")) {
            used.add(ActionKind.CALL);
        }
        for (ActionKind kind : ActionKind.values()) {
            e.mapping(kind.code(), "the emergency action " + kind.code(), QuestionnaireReader.EMERGENCY_ACTION, used.contains(kind))
                    .ifPresent(a -> actions.put(kind, new Emergency.Action(a.text("line", true).orElse(""),
                            a.text("last_line", true).orElse(""), a.text("brief", true).orElse(""))));
        }
        Condition callWhen = e.has("call_when")
                ? draft.condition(e, "call_when", "the call_when of the emergency", Integer.MAX_VALUE).orElse(Condition.NEVER)
                : Condition.NEVER;
        List<Emergency.Instruction> instructions = new ArrayList<>();
        for (Node node : e.list("instructions", false).orElse(List.of())) {
            Fields.of(node, "an emergency instruction", QuestionnaireReader.INSTRUCTION, draft.problems).ifPresent(i -> {
                String text = i.text("text", true).orElse("");
                List<String> when = flagIds(i, "flags", true, flags);
                List<String> unless = flagIds(i, "unless_flags", false, flags);
                instructions.add(new Emergency.Instruction(text, when, unless));
            });
        }
        String undone = e.text("undone", true).orElse("");
        return new Emergency(actions, callWhen, instructions, undone);
    }

    /** The flags an instruction names: each must be an EMERGENCY flag, as an instruction goes with the emergency action. */
    private List<String> flagIds(Fields i, String key, boolean required, List<Flag> flags) {
        Set<String> emergencyIds = new HashSet<>();
        flags.stream().filter(Flag::isEmergency).forEach(fl -> emergencyIds.add(fl.id()));
        List<String> ids = new ArrayList<>();
        for (Node node : i.list(key, required).orElse(List.of())) {
            if (node instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
                Optional<Flag> named = flags.stream().filter(fl -> fl.id().equals(s.text())).findFirst();
                if (named.isPresent() && !named.get().isEmergency()) {
                    draft.problem(s.at(), "flag " + s.text() + " is " + named.get().level() + ", not EMERGENCY, and an"
                            + " instruction is shown only with the emergency action — name an EMERGENCY flag, or remove it");
                } else if (named.isEmpty()) {
                    draft.problem(s.at(), "'" + s.text() + "' is not an EMERGENCY flag of this questionnaire — "
                            + Suggest.didYouMean(s.text(), emergencyIds, "name an EMERGENCY flag"));
                }
                ids.add(s.text());
            } else {
                draft.problem(node.at(), "each entry of '" + key + "' must be a flag id, not " + node.describe()
                        + " — write a flag id");
            }
        }
        return ids;
    }
}
