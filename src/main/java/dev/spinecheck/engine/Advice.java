package dev.spinecheck.engine;

import java.util.List;
import java.util.Set;

/** The advice a result carries beside its flags, all of it from the questionnaire. */
public record Advice(
        SafetyNet safetyNet, String disclaimer, ConservativeCare care, FusionNote fusion, List<AnswerNote> notes) {

    public Advice {
        notes = List.copyOf(notes);
    }

    /** Shown on every result. */
    public record SafetyNet(String emergencyIntro, List<String> emergency, String sameDayIntro, List<String> sameDay) {
        public SafetyNet {
            emergency = List.copyOf(emergency);
            sameDay = List.copyOf(sameDay);
        }
    }

    /**
     * Care to try or continue, for the given levels when {@code when} is certainly true; each item names the codes of
     * {@code triedQuestion} that mean the person has already tried it.
     */
    public record ConservativeCare(
            Set<Level> levels, Condition when, String intro, String triedQuestion, String triedLabel, List<CareItem> items) {
        public ConservativeCare {
            levels = Set.copyOf(levels);
            items = List.copyOf(items);
        }
    }

    public record CareItem(String text, List<String> tried) {
        public CareItem {
            tried = List.copyOf(tried);
        }
    }

    /** Neutral information shown for the given levels when {@code when} is certainly true. */
    public record FusionNote(Set<Level> levels, Condition when, String title, String text) {
        public FusionNote {
            levels = Set.copyOf(levels);
        }
    }

    /** A line shown when a question was answered with this exact code (also an "unknown" code). */
    public record AnswerNote(String question, String code, String text) {}
}
