package dev.spinecheck.support;

import dev.spinecheck.engine.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An independent transcription of the clinical specification, version 2 (sections 3 to 6 and 10) in plain Java: the question order and
 * ask-when column, the flag table, and the walk. It shares nothing with the engine or the YAML, so that comparing the
 * two over random answer sets catches a slip in either. {@code null} is "unknown".
 */
public final class SpecOracle {

    /**
     * @param action for an EMERGENCY result, "call" or "go" (spec section 6 item 3); otherwise the person the one
     *     action names (section 10): surgical_team, spine_specialist, rheumatologist or doctor; none for SELF_CARE
     */
    public record Outcome(String level, List<String> flags, boolean stoppedEarly, List<String> missing, List<String> notAsked,
            boolean outOfScope, String action) {}

    static final List<String> ORDER = List.of("age", "pain_region", "spine_surgery", "injury", "pain_score", "chest_pain",
            "sudden_severe_pain", "neck_warning_signs", "calf_or_breath", "wound", "pain_uncontrolled", "saddle_numbness",
            "bladder_change", "bowel_change", "both_legs", "sexual_change", "radiating_pain", "numbness", "weakness",
            "walking_balance", "hand_clumsiness", "neck_shock", "fever", "very_unwell", "infection_risk", "cancer_history",
            "weight_loss", "night_pain", "lump_or_shape_change", "bone_risk", "pain_duration", "trend", "daily_impact",
            "inflammatory_signs", "new_pain_near_surgery", "tried", "diagnosis");

    /** What is known: answers to asked questions; prefer_not_to_say counts as unknown. */
    private static final class Known {
        final Map<String, Answer> answers = new LinkedHashMap<>();

        String code(String q) {
            Answer a = answers.get(q);
            if (!(a instanceof Answer.Code c) || c.code().equals("prefer_not_to_say")) {
                return null;
            }
            return c.code();
        }

        List<String> codes(String q) {
            return answers.get(q) instanceof Answer.Codes c ? c.codes() : null;
        }

        Long number(String q) {
            return answers.get(q) instanceof Answer.Number n ? n.value() : null;
        }
    }

    private static Boolean eq(Known k, String q, String code) {
        String v = k.code(q);
        return v == null ? null : v.equals(code);
    }

    private static Boolean ne(Known k, String q, String code) {
        Boolean e = eq(k, q, code);
        return e == null ? null : !e;
    }

    private static Boolean has(Known k, String q, String code) {
        List<String> v = k.codes(q);
        return v == null ? null : v.contains(code);
    }

    /** "has any code but none". */
    private static Boolean hasOtherThan(Known k, String q, String none) {
        List<String> v = k.codes(q);
        return v == null ? null : v.stream().anyMatch(c -> !c.equals(none));
    }

    private static Boolean ge(Known k, String q, long n) {
        Long v = k.number(q);
        return v == null ? null : v >= n;
    }

    private static Boolean lt(Known k, String q, long n) {
        Long v = k.number(q);
        return v == null ? null : v < n;
    }

    private static Boolean and(Boolean... parts) {
        boolean unknown = false;
        for (Boolean p : parts) {
            if (Boolean.FALSE.equals(p)) {
                return false;
            }
            unknown |= p == null;
        }
        return unknown ? null : true;
    }

    private static Boolean or(Boolean... parts) {
        boolean unknown = false;
        for (Boolean p : parts) {
            if (Boolean.TRUE.equals(p)) {
                return true;
            }
            unknown |= p == null;
        }
        return unknown ? null : false;
    }

    private static Boolean askWhen(String q, Known k) {
        return switch (q) {
            case "sudden_severe_pain", "sexual_change" -> or(has(k, "pain_region", "mid_back"), has(k, "pain_region", "lower_back"));
            case "neck_warning_signs", "hand_clumsiness", "neck_shock" -> has(k, "pain_region", "neck");
            case "calf_or_breath", "wound", "pain_uncontrolled" -> eq(k, "spine_surgery", "recent");
            case "very_unwell" -> or(eq(k, "spine_surgery", "recent"), eq(k, "fever", "yes"));
            case "inflammatory_signs" -> and(eq(k, "pain_duration", "over_12_weeks"), lt(k, "age", 50),
                    or(has(k, "pain_region", "mid_back"), has(k, "pain_region", "lower_back")));
            case "new_pain_near_surgery" -> eq(k, "spine_surgery", "earlier");
            case "pain_score" -> eq(k, "injury", "minor");
            default -> true;
        };
    }

    /** A flag of section 4: for EMERGENCY its action kind, otherwise whom it sends the person to see (section 10). */
    private record Rule(String id, String level, String kindOrWhom, Function<Known, Boolean> when) {
        Rule(String id, String level, Function<Known, Boolean> when) {
            this(id, level, "doctor", when);
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("cauda_equina", "EMERGENCY", "go", k -> or(eq(k, "saddle_numbness", "new"), eq(k, "bladder_change", "new"),
                    eq(k, "bowel_change", "new"), eq(k, "both_legs", "new"))),
            new Rule("sexual_change", "EMERGENCY", "go", k -> eq(k, "sexual_change", "yes")),
            new Rule("serious_injury", "EMERGENCY", "call", k -> eq(k, "injury", "serious")),
            new Rule("neck_injury_older", "EMERGENCY", "call", k -> and(ne(k, "injury", "none"), has(k, "pain_region", "neck"), ge(k, "age", 65))),
            new Rule("injury_with_nerve_symptoms", "EMERGENCY", "call", k -> and(ne(k, "injury", "none"),
                    or(eq(k, "saddle_numbness", "new"), eq(k, "bladder_change", "new"), eq(k, "bowel_change", "new"),
                            eq(k, "both_legs", "new"), ne(k, "numbness", "none"), ne(k, "weakness", "none"),
                            eq(k, "walking_balance", "fast"), eq(k, "hand_clumsiness", "fast")))),
            new Rule("chest_pain", "EMERGENCY", "call", k -> eq(k, "chest_pain", "yes")),
            new Rule("aortic", "EMERGENCY", "call", k -> or(eq(k, "sudden_severe_pain", "with_faintness"),
                    and(eq(k, "sudden_severe_pain", "without_faintness"), ge(k, "age", 50)))),
            new Rule("neck_warning_signs", "EMERGENCY", "call", k -> eq(k, "neck_warning_signs", "yes")),
            new Rule("after_surgery_emergency", "EMERGENCY", "call", k -> and(eq(k, "spine_surgery", "recent"), or(eq(k, "calf_or_breath", "yes"),
                    eq(k, "weakness", "new"), eq(k, "weakness", "worsening"), eq(k, "numbness", "worsening")))),
            new Rule("spinal_cord_fast", "EMERGENCY", "call", k -> or(eq(k, "walking_balance", "fast"), eq(k, "hand_clumsiness", "fast"))),
            new Rule("sepsis", "EMERGENCY", "call", k -> eq(k, "very_unwell", "yes")),
            new Rule("infection_with_nerve_symptoms", "EMERGENCY", "call", k -> and(eq(k, "fever", "yes"), or(ne(k, "weakness", "none"),
                    ne(k, "numbness", "none"), ne(k, "walking_balance", "no")))),
            new Rule("cancer_with_nerve_symptoms", "EMERGENCY", "go", k -> and(eq(k, "cancer_history", "yes"), or(ne(k, "weakness", "none"),
                    ne(k, "numbness", "none"), ne(k, "walking_balance", "no"), eq(k, "radiating_pain", "yes"),
                    ne(k, "hand_clumsiness", "no"), eq(k, "neck_shock", "yes"), ne(k, "saddle_numbness", "no"),
                    ne(k, "bladder_change", "no"), ne(k, "bowel_change", "no"), ne(k, "both_legs", "no")))),
            new Rule("cauda_equina_longstanding", "URGENT", "spine_specialist", k -> or(eq(k, "saddle_numbness", "longstanding"),
                    eq(k, "bladder_change", "longstanding"), eq(k, "bowel_change", "longstanding"), eq(k, "both_legs", "longstanding"))),
            new Rule("new_or_worsening_weakness", "URGENT", "spine_specialist", k -> or(eq(k, "weakness", "new"), eq(k, "weakness", "worsening"))),
            new Rule("after_surgery_wound", "URGENT", "surgical_team", k -> and(eq(k, "spine_surgery", "recent"), or(eq(k, "fever", "yes"),
                    hasOtherThan(k, "wound", "none"), eq(k, "pain_uncontrolled", "yes")))),
            new Rule("fever", "URGENT", k -> eq(k, "fever", "yes")),
            new Rule("infection_risk_new_pain", "URGENT", k -> and(hasOtherThan(k, "infection_risk", "none"),
                    or(eq(k, "pain_duration", "under_2_weeks"), eq(k, "pain_duration", "2_to_6_weeks")))),
            new Rule("cancer_history", "URGENT", k -> eq(k, "cancer_history", "yes")),
            new Rule("weight_loss", "URGENT", k -> eq(k, "weight_loss", "yes")),
            new Rule("night_pain", "URGENT", k -> eq(k, "night_pain", "yes")),
            new Rule("lump_or_shape_change", "URGENT", k -> eq(k, "lump_or_shape_change", "yes")),
            new Rule("mid_back_pain", "URGENT", k -> has(k, "pain_region", "mid_back")),
            new Rule("fragility_fracture", "URGENT", k -> or(and(eq(k, "injury", "minor"), ge(k, "age", 70)),
                    and(eq(k, "bone_risk", "yes"), or(eq(k, "injury", "minor"), eq(k, "pain_duration", "under_2_weeks"))))),
            new Rule("severe_pain_after_injury", "URGENT", k -> and(eq(k, "injury", "minor"), ge(k, "pain_score", 7))),
            new Rule("worsening_numbness", "SOON", "spine_specialist", k -> eq(k, "numbness", "worsening")),
            new Rule("spinal_cord_gradual", "SOON", "spine_specialist", k -> or(eq(k, "walking_balance", "gradual"), eq(k, "hand_clumsiness", "gradual"),
                    eq(k, "neck_shock", "yes"))),
            new Rule("infection_risk", "SOON", k -> hasOtherThan(k, "infection_risk", "none")),
            new Rule("minor_injury_over_50", "SOON", k -> and(eq(k, "injury", "minor"), ge(k, "age", 50))),
            new Rule("long_duration", "ROUTINE", "spine_specialist", k -> or(eq(k, "pain_duration", "6_to_12_weeks"), eq(k, "pain_duration", "over_12_weeks"))),
            new Rule("daily_life", "ROUTINE", "spine_specialist", k -> eq(k, "daily_impact", "a_lot")),
            new Rule("getting_worse", "ROUTINE", k -> eq(k, "trend", "worse")),
            new Rule("inflammatory_pattern", "ROUTINE", "rheumatologist", k -> k.codes("inflammatory_signs") == null ? null
                    : k.codes("inflammatory_signs").stream().filter(c -> !c.equals("none")).count() >= 3),
            new Rule("recent_surgery", "ROUTINE", "surgical_team", k -> eq(k, "spine_surgery", "recent")),
            new Rule("after_surgery_new_pain", "ROUTINE", "spine_specialist", k -> and(eq(k, "spine_surgery", "earlier"), eq(k, "new_pain_near_surgery", "yes"))));

    private static final List<String> LEVELS = List.of("EMERGENCY", "URGENT", "SOON", "ROUTINE", "SELF_CARE");

    private static final List<String> WHOM = List.of("surgical_team", "spine_specialist", "rheumatologist", "doctor");

    private SpecOracle() {}

    /** Section 6 item 3: call beats go, and go becomes call with difficulty walking or a newly weak limb. */
    private static String action(String level, List<String> flags, Known known) {
        List<Rule> fired = RULES.stream().filter(r -> flags.contains(r.id()) && r.level().equals(level)).toList();
        if (level.equals("SELF_CARE")) {
            return "";
        }
        if (level.equals("EMERGENCY")) {
            boolean call = fired.stream().anyMatch(r -> r.kindOrWhom().equals("call"))
                    || Boolean.TRUE.equals(or(ne(known, "walking_balance", "no"), eq(known, "weakness", "new"),
                            eq(known, "weakness", "worsening")));
            return call ? "call" : "go";
        }
        return WHOM.stream().filter(w -> fired.stream().anyMatch(r -> r.kindOrWhom().equals(w))).findFirst().orElseThrow();
    }

    /**
     * What a refused scripted run still checks (spec section 10): under 16, the answers are screened for an
     * emergency only, with the age unknown.
     */
    public static Outcome walkWithAgeUnknown(Map<String, Answer> answers) {
        Map<String, Answer> withoutAge = new LinkedHashMap<>(answers);
        withoutAge.remove("age");
        return walk(withoutAge);
    }

    public static Outcome walk(Map<String, Answer> answers) {
        Known known = new Known();
        List<String> missing = new ArrayList<>();
        boolean stopped = false;
        boolean outOfScope = false;
        for (String q : ORDER) {
            if (Boolean.FALSE.equals(askWhen(q, known))) {
                continue;
            }
            Answer a = answers.get(q);
            if (a == null) {
                missing.add(q);
                continue;
            }
            known.answers.put(q, a);
            if (q.equals("age") && a instanceof Answer.Number n && n.value() < 16) {
                outOfScope = true;
                break;
            }
            if (RULES.stream().anyMatch(r -> r.level().equals("EMERGENCY") && Boolean.TRUE.equals(r.when().apply(known)))) {
                stopped = true;
                break;
            }
        }
        List<String> flags = new ArrayList<>();
        String level = "SELF_CARE";
        if (!outOfScope) {
            for (Rule rule : RULES) {
                if (Boolean.TRUE.equals(rule.when().apply(known))) {
                    flags.add(rule.id());
                    if (LEVELS.indexOf(rule.level()) < LEVELS.indexOf(level)) {
                        level = rule.level();
                    }
                }
            }
        }
        List<String> notAsked = ORDER.stream().filter(q -> answers.containsKey(q) && !known.answers.containsKey(q)).toList();
        return new Outcome(level, flags, stopped, missing, notAsked, outOfScope, action(level, flags, known));
    }
}
