package dev.spinecheck.support;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Walk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent driver for the engine, in the manner of JavaRosa's Scenario: start from the harmless answers of the spec's
 * vignette table, change what the story changes, walk, and look at the outcome.
 */
public final class Scenario {
    private final Questionnaire questionnaire;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final java.util.Set<String> removed = new java.util.HashSet<>();
    private boolean fillHarmless;

    private Scenario(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /** No answers at all. */
    public static Scenario blank() {
        return new Scenario(Bundled.questionnaire());
    }

    /**
     * Every question answered with the harmless answer of spec section 8 ("no", "none", "little", "better",
     * "under_2_weeks", [none], [none_or_unsure], pain_region [lower_back]), age 40.
     */
    public static Scenario harmless() {
        Scenario s = blank();
        s.fillHarmless = true;
        s.answers.put("age", Answer.number(40));
        s.answers.put("pain_region", Answer.codes("lower_back"));
        return s;
    }

    private static Answer harmlessAnswer(Question q) {
        if (q instanceof Question.IntegerQuestion w) {
            return Answer.number(w.min());
        }
        if (q instanceof Question.Multi) {
            return Answer.codes(q.option("none").isPresent() ? "none" : q.option("none_or_unsure").isPresent() ? "none_or_unsure" : q.codes().get(0));
        }
        for (String code : List.of("no", "none", "little", "better", "under_2_weeks")) {
            if (q.option(code).isPresent()) {
                return Answer.code(code);
            }
        }
        throw new IllegalStateException("no harmless answer for " + q.id());
    }

    public Scenario age(long age) {
        answers.put("age", Answer.number(age));
        return this;
    }

    public Scenario answer(String id, String code) {
        answers.put(id, Answer.code(code));
        return this;
    }

    public Scenario answer(String id, long number) {
        answers.put(id, Answer.number(number));
        return this;
    }

    public Scenario codes(String id, String... codes) {
        answers.put(id, Answer.codes(codes));
        return this;
    }

    /** Leaves this question unanswered (also when the harmless answers would fill it). */
    public Scenario without(String id) {
        answers.remove(id);
        removed.add(id);
        return this;
    }

    /**
     * The answer set: the answers given, plus (for {@link #harmless()}) the harmless answer to every other question
     * the walk reaches, like the vignette files, which answer only the questions on the path.
     */
    public Map<String, Answer> answers() {
        Map<String, Answer> all = new LinkedHashMap<>(answers);
        if (!fillHarmless) {
            return all;
        }
        while (true) {
            Walk.Outcome outcome = Walk.run(questionnaire, all);
            Question next = outcome.missing().stream().filter(q -> !removed.contains(q.id())).findFirst().orElse(null);
            if (next == null) {
                return all;
            }
            all.put(next.id(), harmlessAnswer(next));
        }
    }

    public Walk.Outcome walk() {
        return Walk.run(questionnaire, answers());
    }

    public Level level() {
        return walk().level();
    }

    public List<String> flags() {
        return walk().flags().stream().map(FiredFlag::id).toList();
    }

    public List<String> asked() {
        return walk().path().stream().map(Question::id).toList();
    }

    public List<String> missing() {
        return walk().missing().stream().map(Question::id).toList();
    }
}
