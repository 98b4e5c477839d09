package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small questionnaires of the tests' own, built in code: the engine is tested as a general engine, not only through
 * the bundled questionnaire.
 */
final class Tiny {
    private final List<Item> items = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();

    static Tiny questionnaire() {
        return new Tiny();
    }

    static Option option(String code) {
        return new Option(code, code, "", false, false);
    }

    static Option exclusive(String code) {
        return new Option(code, code, "", true, false);
    }

    /** A code that means "unknown", like prefer_not_to_say. */
    static Option unknown(String code) {
        return new Option(code, code, "", false, true);
    }

    Tiny choice(String id, Option... options) {
        return choice(id, Condition.ALWAYS, options);
    }

    Tiny choice(String id, Condition askWhen, Option... options) {
        items.add(new Question.Choice(id, "Question " + id + "?", "", askWhen, List.of(options)));
        return this;
    }

    Tiny multi(String id, Option... options) {
        items.add(new Question.Multi(id, "Question " + id + "?", "", Condition.ALWAYS, List.of(options)));
        return this;
    }

    Tiny whole(String id, long min, long max) {
        items.add(new Question.IntegerQuestion(id, "Question " + id + "?", "", Condition.ALWAYS, min, max, "", null));
        return this;
    }

    /** A whole number below whose {@code min} the person is out of the questionnaire's scope, as the age is. */
    Tiny scopedWhole(String id, long min, long max) {
        items.add(new Question.IntegerQuestion(id, "Question " + id + "?", "", Condition.ALWAYS, min, max, "", "Out of scope."));
        return this;
    }

    Tiny yesNo(String id) {
        return yesNo(id, Condition.ALWAYS);
    }

    Tiny yesNo(String id, Condition askWhen) {
        items.add(new Question.YesNo(id, "Question " + id + "?", "", askWhen, List.of(option("yes"), option("no"))));
        return this;
    }

    Tiny flag(String id, Level level, Condition when) {
        boolean emergency = level == Level.EMERGENCY;
        flags.add(new Flag(id, level, id, "Because.", emergency ? "" : "See a doctor.", emergency ? ActionKind.CALL : null,
                emergency ? null : "doctor", when));
        return this;
    }

    Questionnaire build() {
        Map<Level, LevelText> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, new LevelText(level, level.name(), "Headline.", "soon", level == Level.EMERGENCY ? "" : "Next.",
                    new LinkedHashMap<>()));
        }
        Advice advice = new Advice(new Advice.SafetyNet("If:", List.of(new Advice.SafetyGroup(null, "Call for:", List.of("x")))),
                "Not a diagnosis.", null, null, List.of(), List.of());
        Emergency emergency = new Emergency(Map.of(ActionKind.CALL, new Emergency.Action("Call now.", "Call.", "call")),
                Condition.NEVER, List.of(), "undone");
        return new Questionnaire("tiny", "1", "Tiny", "", List.of(), items, flags, levels, advice, List.of("doctor"), emergency);
    }
}
