package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of spec section 6 as data: the level, every flag that fired with its reasons, and the advice that
 * applies. The safety net and the disclaimer apply to every result and come from {@link Questionnaire#advice()}.
 */
public record Result(Walk.Outcome outcome, Optional<CareAdvice> care, Optional<Advice.FusionNote> fusion, List<String> notes) {

    public Result {
        notes = List.copyOf(notes);
    }

    /** Conservative care, each item saying whether the person has already tried it. */
    public record CareAdvice(String intro, String triedLabel, List<CareLine> lines) {
        public CareAdvice {
            lines = List.copyOf(lines);
        }
    }

    public record CareLine(String text, boolean tried) {}

    public static Result of(Walk.Outcome outcome) {
        Questionnaire questionnaire = outcome.questionnaire();
        Advice advice = questionnaire.advice();
        Level level = outcome.level();
        Facts facts = outcome.facts();

        Optional<CareAdvice> care = Optional.ofNullable(advice.care())
                .filter(c -> c.levels().contains(level) && c.when().evaluate(facts).isTrue())
                .map(c -> careAdvice(c, facts));
        Optional<Advice.FusionNote> fusion = Optional.ofNullable(advice.fusion())
                .filter(f -> f.levels().contains(level) && f.when().evaluate(facts).isTrue());
        List<String> notes = new ArrayList<>();
        for (Advice.AnswerNote note : advice.notes()) {
            Optional<Answer> given = facts.given(note.question());
            if (given.isPresent() && answeredWith(given.get(), note.code())) {
                notes.add(note.text());
            }
        }
        return new Result(outcome, care, fusion, notes);
    }

    private static boolean answeredWith(Answer answer, String code) {
        return answer instanceof Answer.Code c && c.code().equals(code)
                || answer instanceof Answer.Codes cs && cs.codes().contains(code);
    }

    private static CareAdvice careAdvice(Advice.ConservativeCare care, Facts facts) {
        List<String> tried = facts.given(care.triedQuestion())
                .filter(Answer.Codes.class::isInstance)
                .map(a -> ((Answer.Codes) a).codes())
                .orElse(List.of());
        List<CareLine> lines = care.items().stream()
                .map(item -> new CareLine(item.text(), item.tried().stream().anyMatch(tried::contains)))
                .toList();
        return new CareAdvice(care.intro(), care.triedLabel(), lines);
    }

    public Questionnaire questionnaire() {
        return outcome.questionnaire();
    }

    public Level level() {
        return outcome.level();
    }

    public List<FiredFlag> flags() {
        return outcome.flags();
    }

    public boolean stoppedEarly() {
        return outcome.stoppedEarly();
    }

    public List<String> notAsked() {
        return outcome.notAsked();
    }

    public Map<String, Answer> answers() {
        return outcome.answers();
    }

    /** The flags of the result's own level, whose actions say what to do next. */
    public List<FiredFlag> mostUrgentFlags() {
        return flags().stream().filter(f -> f.level() == level()).toList();
    }
}
