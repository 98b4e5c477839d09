package dev.spinecheck.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The advice a result carries beside its flags, all of it from the questionnaire. */
public record Advice(SafetyNet safetyNet, String disclaimer, ConservativeCare care, FusionNote fusion, List<AnswerNote> notes,
        List<ReadMore> readMore) {

    public Advice {
        notes = List.copyOf(notes);
        readMore = List.copyOf(readMore);
    }

    /**
     * Topics of {@code spinecheck learn} a result links to, one line each, with what to do next: when {@code when} is
     * certainly true, or, when {@code person} is given, when the one action names that person (spec section 10).
     */
    public record ReadMore(List<String> topics, Condition when, String person) {
        public ReadMore {
            topics = List.copyOf(topics);
        }
    }

    /** Shown on every result: "if any of these start, or get worse, after this screening", in groups. */
    public record SafetyNet(String intro, List<SafetyGroup> groups) {
        public SafetyNet {
            groups = List.copyOf(groups);
        }

        /**
         * The groups as a result whose emergency action is {@code action} tells them: under call, the go group's items
         * join the call group (call beats go); otherwise as written.
         */
        public List<SafetyGroup> groupsFor(ActionKind action) {
            if (action != ActionKind.CALL || !has(ActionKind.CALL)) {
                return groups;
            }
            return underCall();
        }

        private List<SafetyGroup> underCall() {
            List<String> moved = new java.util.ArrayList<>();
            for (SafetyGroup group : groups) {
                if (group.kind() == ActionKind.GO) {
                    moved.addAll(group.items());
                }
            }
            List<SafetyGroup> told = new java.util.ArrayList<>();
            for (SafetyGroup group : groups) {
                if (group.kind() == ActionKind.GO) {
                    continue;
                }
                if (group.kind() == ActionKind.CALL && !moved.isEmpty()) {
                    List<String> items = new java.util.ArrayList<>(group.items());
                    items.addAll(moved);
                    moved.clear();
                    told.add(new SafetyGroup(group.kind(), group.title(), items));
                } else {
                    told.add(group);
                }
            }
            return told;
        }

        private boolean has(ActionKind kind) {
            for (SafetyGroup group : groups) {
                if (group.kind() == kind) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One group of the safety net.
     *
     * @param kind the emergency action the group's title gives (call or go); {@code null} for a group that is not an
     *     emergency (the same-day group). When a result's own emergency action is call, a go group's items are told
     *     under the call group, so that nothing offers to travel to a person told not to move.
     */
    public record SafetyGroup(ActionKind kind, String title, List<String> items) {
        public SafetyGroup {
            items = List.copyOf(items);
        }

        // Written out: a record's generated equals and hashCode are linked at first use, milliseconds of a short run.
        @Override
        public boolean equals(Object other) {
            return other instanceof SafetyGroup group && group.kind == kind && Objects.equals(group.title, title) && group.items.equals(items);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(kind) + Objects.hashCode(title)) * 31 + items.hashCode();
        }
    }

    /**
     * Care to try or continue, for the given levels when {@code when} is certainly true; each item names the codes of
     * {@code triedQuestion} that mean the person has already tried it; {@code learn} the topics it links to.
     */
    public record ConservativeCare(Set<Level> levels, Condition when, String intro, String triedQuestion, String triedLabel,
            List<CareItem> items, List<String> learn) {
        public ConservativeCare {
            levels = Set.copyOf(levels);
            items = List.copyOf(items);
            learn = List.copyOf(learn);
        }
    }

    public record CareItem(String text, List<String> tried) {
        public CareItem {
            tried = List.copyOf(tried);
        }
    }

    /** Neutral information shown for the given levels when {@code when} is certainly true, with the topics it links to. */
    public record FusionNote(Set<Level> levels, Condition when, String title, String text, List<String> learn) {
        public FusionNote {
            levels = Set.copyOf(levels);
            learn = List.copyOf(learn);
        }
    }

    /**
     * A line shown when a question was answered with this exact code (also an "unknown" code).
     *
     * @param kind when the line tells the person to go (or call), the action it gives: a go line is left out of a
     *     result whose emergency action is call; {@code null} for a line that gives no emergency action
     */
    public record AnswerNote(String question, String code, String text, ActionKind kind) {}
}
