package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Collections;
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
        AdviceIndex conditions = questionnaire.adviceIndex();
        Advice.ConservativeCare care = advice.care() != null && advice.care().levels().contains(level) && conditions.care(facts)
                ? advice.care() : null;
        Advice.FusionNote fusion = advice.fusion() != null && advice.fusion().levels().contains(level) && conditions.fusion(facts)
                ? advice.fusion() : null;
        EmergencyPlan emergency = EmergencyPlan.orNull(questionnaire, facts, outcome.flags());
        String person = emergency == null ? person(outcome, level) : null;
        String nextStep = emergency != null ? emergency.nextStep() : nextStep(questionnaire.level(level), person);
        Links links = Links.of(readMore(advice, conditions, person, facts), care != null ? care.learn() : List.of(),
                fusion != null ? fusion.learn() : List.of());
        return new Result(outcome, care != null ? Optional.of(careAdvice(care, facts)) : Optional.empty(),
                Optional.ofNullable(fusion), notes(advice, facts, emergency), Optional.ofNullable(emergency), nextStep,
                undone, links);
    }

    /** The answer notes that apply; under a call emergency, none that says go. */
    private static List<String> notes(Advice advice, Facts facts, EmergencyPlan emergency) {
        boolean call = emergency != null && emergency.kind() == ActionKind.CALL;
        List<Advice.AnswerNote> all = advice.notes();
        List<String> notes = null;
        for (int i = 0; i < all.size(); i++) {
            Advice.AnswerNote note = all.get(i);
            Answer given = facts.givenOrNull(note.question());
            if (given != null && answeredWith(given, note.code()) && !(call && note.kind() == ActionKind.GO)) {
                if (notes == null) {
                    notes = new ArrayList<>();
                }
                notes.add(note.text());
            }
        }
        return notes == null ? List.of() : notes;
    }

    private static String nextStep(LevelText text, String person) {
        String forPerson = person != null ? text.nextStepFor().get(person) : null;
        return forPerson != null ? forPerson : text.nextStep();
    }

    /** The topics linked with what to do next. */
    private static List<String> readMore(Advice advice, AdviceIndex conditions, String person, Facts facts) {
        List<Advice.ReadMore> all = advice.readMore();
        List<String> topics = null;
        for (int i = 0; i < all.size(); i++) {
            Advice.ReadMore more = all.get(i);
            boolean applies = more.person() != null ? more.person().equals(person) : conditions.readMore(i, facts);
            if (applies) {
                if (topics == null) {
                    topics = new ArrayList<>();
                }
                topics.addAll(more.topics());
            }
        }
        return topics == null ? List.of() : topics;
    }

    /**
     * Whom the one action below {@code EMERGENCY} names (spec section 10): the most specific person that any flag of the
     * result's own level names and the level has a sentence for; null when no flag names one.
     */
    private static String person(Walk.Outcome outcome, Level level) {
        List<FiredFlag> flags = outcome.flags();
        List<String> named = null;
        for (int i = 0; i < flags.size(); i++) {
            FiredFlag flag = flags.get(i);
            if (flag.level() == level && flag.flag().see() != null) {
                if (named == null) {
                    named = new ArrayList<>();
                }
                named.add(flag.flag().see());
            }
        }
        return named == null ? null : mostSpecific(outcome.questionnaire(), level, named);
    }

    private static String mostSpecific(Questionnaire questionnaire, Level level, List<String> named) {
        Map<String, String> sentences = questionnaire.level(level).nextStepFor();
        for (String person : questionnaire.people()) {
            if (named.contains(person) && sentences.containsKey(person)) {
                return person;
            }
        }
        return null;
    }

    private static boolean answeredWith(Answer answer, String code) {
        return answer instanceof Answer.Code c && c.code().equals(code)
                || answer instanceof Answer.Codes cs && cs.codes().contains(code);
    }

    private static CareAdvice careAdvice(Advice.ConservativeCare care, Facts facts) {
        List<String> tried = facts.givenOrNull(care.triedQuestion()) instanceof Answer.Codes codes ? codes.codes() : List.of();
        List<Advice.CareItem> items = care.items();
        CareLine[] lines = new CareLine[items.size()];
        for (int i = 0; i < lines.length; i++) {
            Advice.CareItem item = items.get(i);
            lines[i] = new CareLine(item.text(), triedAny(item.tried(), tried));
        }
        return new CareAdvice(care.intro(), care.triedLabel(), List.of(lines));
    }

    private static boolean triedAny(List<String> codes, List<String> tried) {
        for (int i = 0; i < codes.size(); i++) {
            if (tried.contains(codes.get(i))) {
                return true;
            }
        }
        return false;
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
        Level level = level();
        List<FiredFlag> flags = flags();
        List<FiredFlag> these = new ArrayList<>(flags.size());
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).level() == level) {
                these.add(flags.get(i));
            }
        }
        return Collections.unmodifiableList(these);
    }

    /** The safety net's groups as this result tells them (under a call emergency, nothing says go). */
    public List<Advice.SafetyGroup> safetyNet() {
        ActionKind kind = emergency.isPresent() ? emergency.get().kind() : null;
        List<Advice.SafetyGroup> underCall = kind == ActionKind.CALL ? questionnaire().adviceIndex().safetyNetUnderCall() : null;
        return underCall != null ? underCall : questionnaire().advice().safetyNet().groupsFor(kind);
    }

    /** What a fired flag tells the person to do: an emergency flag, the result's one emergency action. */
    public String action(FiredFlag flag) {
        if (flag.flag().isEmergency() && emergency.isPresent()) {
            return emergency.get().line();
        }
        return flag.flag().action();
    }
}
