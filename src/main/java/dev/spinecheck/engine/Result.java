package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of spec section 6 as data: the level, every flag that fired with its reasons, and the advice that
 * applies. The safety net and the disclaimer apply to every result and come from {@link Questionnaire#advice()}.
 */
public record Result(Walk.Outcome outcome, Optional<CareAdvice> care, Optional<Advice.FusionNote> fusion, List<String> notes,
        Optional<EmergencyPlan> emergency, String nextStep, List<UndoneEmergency> undone, Links links) {

    public Result {
        notes = List.copyOf(notes);
        undone = List.copyOf(undone);
    }

    /** Conservative care, each item saying whether the person has already tried it. */
    public record CareAdvice(String intro, String triedLabel, List<CareLine> lines) {
        public CareAdvice {
            lines = List.copyOf(lines);
        }
    }

    public record CareLine(String text, boolean tried) {}

    /**
     * The topics of {@code spinecheck learn} the result links to, by where they are shown: with what to do next (after
     * the one action, so never before an emergency action), with the conservative care, with the fusion note. A topic
     * is linked once, in the first of these places.
     */
    public record Links(List<String> withNextStep, List<String> withCare, List<String> withFusion) {
        public Links {
            withNextStep = List.copyOf(withNextStep);
            withCare = List.copyOf(withCare);
            withFusion = List.copyOf(withFusion);
        }

        /** Every linked topic, in the order shown. */
        public List<String> all() {
            List<String> all = new ArrayList<>(withNextStep);
            all.addAll(withCare);
            all.addAll(withFusion);
            return all;
        }

        static Links of(List<String> withNextStep, List<String> withCare, List<String> withFusion) {
            List<String> seen = new ArrayList<>();
            return new Links(fresh(withNextStep, seen), fresh(withCare, seen), fresh(withFusion, seen));
        }

        private static List<String> fresh(List<String> topics, List<String> seen) {
            List<String> fresh = new ArrayList<>();
            for (String topic : topics) {
                if (!seen.contains(topic)) {
                    seen.add(topic);
                    fresh.add(topic);
                }
            }
            return fresh;
        }
    }

    public static Result of(Walk.Outcome outcome) {
        return of(outcome, List.of());
    }

    /** The result, remembering the emergency answers the person undid on the way. */
    public static Result of(Walk.Outcome outcome, List<UndoneEmergency> undone) {
        Questionnaire questionnaire = outcome.questionnaire();
        Advice advice = questionnaire.advice();
        Level level = outcome.level();
        Facts facts = outcome.facts();

        Optional<CareAdvice> care = Optional.ofNullable(advice.care())
                .filter(c -> c.levels().contains(level) && c.when().evaluate(facts).isTrue())
                .map(c -> careAdvice(c, facts));
        Optional<Advice.FusionNote> fusion = Optional.ofNullable(advice.fusion())
                .filter(f -> f.levels().contains(level) && f.when().evaluate(facts).isTrue());
        Optional<EmergencyPlan> emergency = EmergencyPlan.of(outcome);
        boolean call = emergency.map(p -> p.kind() == ActionKind.CALL).orElse(false);
        List<String> notes = new ArrayList<>();
        for (Advice.AnswerNote note : advice.notes()) {
            Optional<Answer> given = facts.given(note.question());
            boolean contradicts = call && note.kind() == ActionKind.GO;
            if (given.isPresent() && answeredWith(given.get(), note.code()) && !contradicts) {
                notes.add(note.text());
            }
        }
        LevelText text = questionnaire.level(level);
        Optional<String> person = emergency.isPresent() ? Optional.empty() : person(outcome);
        String nextStep = emergency.map(EmergencyPlan::nextStep)
                .orElseGet(() -> person.map(p -> text.nextStepFor().get(p)).orElse(text.nextStep()));
        List<String> withNextStep = new ArrayList<>();
        for (Advice.ReadMore more : advice.readMore()) {
            boolean applies = more.person() != null ? person.filter(more.person()::equals).isPresent() : more.when().evaluate(facts).isTrue();
            if (applies) {
                withNextStep.addAll(more.topics());
            }
        }
        Links links = Links.of(withNextStep, care.isPresent() ? advice.care().learn() : List.of(),
                fusion.map(Advice.FusionNote::learn).orElse(List.of()));
        return new Result(outcome, care, fusion, notes, emergency, nextStep, undone, links);
    }

    /**
     * Whom the one action below {@code EMERGENCY} names (spec section 10): the most specific person that any flag of the
     * result's own level names and the level has a sentence for; none when no flag names one.
     */
    private static Optional<String> person(Walk.Outcome outcome) {
        Questionnaire questionnaire = outcome.questionnaire();
        LevelText text = questionnaire.level(outcome.level());
        List<String> named = new ArrayList<>();
        for (FiredFlag flag : outcome.flags()) {
            if (flag.level() == outcome.level() && flag.flag().see() != null) {
                named.add(flag.flag().see());
            }
        }
        for (String person : questionnaire.people()) {
            if (named.contains(person) && text.nextStepFor().containsKey(person)) {
                return Optional.of(person);
            }
        }
        return Optional.empty();
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

    /** The flags of the result's own level. */
    public List<FiredFlag> mostUrgentFlags() {
        return flags().stream().filter(f -> f.level() == level()).toList();
    }

    /** The safety net's groups as this result tells them (under a call emergency, nothing says go). */
    public List<Advice.SafetyGroup> safetyNet() {
        return questionnaire().advice().safetyNet().groupsFor(emergency.map(EmergencyPlan::kind).orElse(null));
    }

    /** What a fired flag tells the person to do: an emergency flag, the result's one emergency action. */
    public String action(FiredFlag flag) {
        if (flag.flag().isEmergency() && emergency.isPresent()) {
            return emergency.get().line();
        }
        return flag.flag().action();
    }
}
