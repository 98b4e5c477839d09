package dev.spinecheck.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags by the questions they read, and how calm each answer of a question is: how few leaves of the emergencies,
 * then of the other flags, it sets the way that helps them, the harmless answer (spec section 3a) first among equals.
 */
final class FlagIndex {
    private final Questionnaire questionnaire;
    private final AnswerClasses classes;
    private final Map<String, List<Flag>> emergenciesReading = new HashMap<>();
    private final Map<String, List<Flag>> flagsReading = new HashMap<>();
    private final SignedLeaves emergencyLeaves;
    private final SignedLeaves flagLeaves;
    private final Set<String> readByEmergencies = new HashSet<>();

    FlagIndex(Questionnaire questionnaire, AnswerClasses classes) {
        this.questionnaire = questionnaire;
        this.classes = classes;
        List<Condition> emergencies = new ArrayList<>();
        List<Condition> others = new ArrayList<>();
        for (Flag flag : questionnaire.flags()) {
            Set<String> read = new HashSet<>();
            flag.when().readQuestions(read);
            for (String id : read) {
                flagsReading.computeIfAbsent(id, k -> new ArrayList<>()).add(flag);
                if (flag.isEmergency()) {
                    emergenciesReading.computeIfAbsent(id, k -> new ArrayList<>()).add(flag);
                }
            }
            if (flag.isEmergency()) {
                emergencies.add(flag.when());
                readByEmergencies.addAll(read);
            } else {
                others.add(flag.when());
            }
        }
        this.emergencyLeaves = new SignedLeaves(emergencies);
        this.flagLeaves = new SignedLeaves(others);
    }

    /** The questions some EMERGENCY flag reads. */
    Set<String> readByEmergencies() {
        return readByEmergencies;
    }

    /** The flags that read this question. */
    List<Flag> reading(String questionId) {
        return flagsReading.getOrDefault(questionId, List.of());
    }

    int emergencyScore(String questionId, Answer answer) {
        return emergencyLeaves.score(questionnaire, questionId, answer);
    }

    int flagScore(String questionId, Answer answer) {
        return flagLeaves.score(questionnaire, questionId, answer);
    }

    /** Whether an emergency became certain with the answer to this question (none was before it). */
    boolean emergencyAfter(String questionId, Facts facts) {
        for (Flag flag : emergenciesReading.getOrDefault(questionId, List.of())) {
            if (flag.when().evaluate(facts).isTrue()) {
                return true;
            }
        }
        return false;
    }

    /** The answer least likely to raise a flag, given alone; the harmless one first among equals. */
    Answer calmest(Question question) {
        List<Answer> calm = calmFirst(question);
        return calm.isEmpty() ? null : calm.get(0);
    }

    /** The question's classes, those least likely to raise a flag (given alone) first, harmless ones first among equals. */
    List<Answer> calmFirst(Question question) {
        List<Answer> sorted = new ArrayList<>(classes.of(question.id()));
        sorted.sort(Comparator.comparingInt(a -> calmCost(question, a)));
        return sorted;
    }

    int calmCost(Question question, Answer answer) {
        return 4 * (1000 * emergencyScore(question.id(), answer) + flagScore(question.id(), answer)) + (harmless(question, answer) ? 0 : 1);
    }

    /** A harmless answer (spec section 3a): no, none, none_or_unsure, not_at_all. */
    static boolean harmless(Question question, Answer answer) {
        if (answer instanceof Answer.Code code) {
            return question.option(code.code()).map(Option::isHarmless).orElse(false);
        }
        return answer instanceof Answer.Codes codes && !codes.codes().isEmpty()
                && codes.codes().stream().allMatch(c -> question.option(c).map(Option::isHarmless).orElse(false));
    }
}
