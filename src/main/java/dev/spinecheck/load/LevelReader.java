package dev.spinecheck.load;

import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads how each level is told, and whom flags may send a person to see. */
final class LevelReader {
    private final Draft draft;

    LevelReader(Draft draft) {
        this.draft = draft;
    }

    Map<Level, LevelText> levels(Fields f) {
        Map<Level, LevelText> levels = new EnumMap<>(Level.class);
        Optional<Node> node = f.node("levels");
        if (node.isEmpty()) {
            draft.problem(f.map().at(), "the questionnaire has no 'levels' — add levels: with EMERGENCY, URGENT,"
                    + " SOON, ROUTINE and SELF_CARE, each with its label, headline and time_frame");
            return levels;
        }
        if (!(node.get() instanceof Node.Mapping map)) {
            Fields.of(node.get(), "levels", Set.of(), draft.problems);
            return levels;
        }
        for (Node.Entry entry : map.entries()) {
            Optional<Level> level = level(entry.key(), entry.keyAt());
            if (level.isEmpty()) {
                continue;
            }
            draft.levelAt.put(level.get(), entry.keyAt());
            Fields.of(entry.value(), "level " + entry.key(), QuestionnaireReader.LEVEL, draft.problems)
                    .ifPresent(l -> levels.put(level.get(), levelText(level.get(), entry.key(), l)));
        }
        for (Level level : Level.values()) {
            if (!levels.containsKey(level) && map.get(level.name()).isEmpty()) {
                draft.problem(f.keyAt("levels"), "levels has no " + level.name()
                        + " — every one of the five levels needs its label, headline and time_frame");
            }
        }
        return levels;
    }

    private LevelText levelText(Level level, String name, Fields l) {
        Map<String, String> nextStepFor = new LinkedHashMap<>();
        String nextStep = "";
        Optional<Node> next = l.node("next_step");
        if (next.isPresent() && level == Level.EMERGENCY) {
            draft.problem(l.keyAt("next_step"), "the EMERGENCY level takes no next_step: its next step is"
                    + " the emergency action of its flags — remove it (the wording is under emergency:)");
        } else if (next.isPresent() && next.get() instanceof Node.Mapping byPerson) {
            Fields.of(byPerson, "the next_step of " + name, keysOf(byPerson), draft.problems).ifPresent(p -> {
                for (Node.Entry e : byPerson.entries()) {
                    p.text(e.key(), true).ifPresent(t -> nextStepFor.put(e.key(), t));
                }
            });
            draft.nextStepAt.put(level, l.keyAt("next_step"));
        } else {
            nextStep = l.text("next_step", false).orElse("");
        }
        return new LevelText(level, l.text("label", true).orElse(name), l.text("headline", true).orElse(""),
                l.text("time_frame", true).orElse(""), nextStep, nextStepFor);
    }

    Optional<Level> level(String name, Location at) {
        try {
            return Optional.of(Level.valueOf(name));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(Level.values()).map(Level::name).toList();
            draft.problem(at, "there is no level '" + name + "' — "
                    + Suggest.didYouMean(name, names, "use one of: " + String.join(", ", names)));
            return Optional.empty();
        }
    }

    private static Set<String> keysOf(Node.Mapping map) {
        Set<String> keys = new HashSet<>();
        map.entries().forEach(e -> keys.add(e.key()));
        return keys;
    }

    /** Whom flags may name, most specific first. */
    List<String> people(Fields f) {
        List<String> people = new ArrayList<>();
        for (Node node : f.list("people", false).orElse(List.of())) {
            if (node instanceof Node.Scalar s && s.isString() && Draft.ID.matcher(s.text()).matches()) {
                if (people.contains(s.text())) {
                    draft.problem(s.at(), "'" + s.text() + "' is listed twice in people — list each once");
                } else {
                    people.add(s.text());
                }
            } else {
                draft.problem(node.at(), "each entry of 'people' must be an id like spine_specialist, not "
                        + node.describe() + " — write an id of lower-case letters, digits and '_'");
            }
        }
        return people;
    }
}
