package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Questionnaire;
import java.util.List;

/** The questionnaire's safety net as groups of warning signs, filled in, for a topic that shows it in place. */
public final class SafetyNetGroups {
    private SafetyNetGroups() {}

    /** One group: what to do ("Call 999 at once:") and the signs it applies to. */
    public record Group(String intro, List<String> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** The groups as the questionnaire writes them (call, go, the same day): no result's own action reorders them here. */
    public static List<Group> of(Questionnaire questionnaire, Wording wording) {
        return questionnaire.advice().safetyNet().groups().stream()
                .map(g -> new Group(wording.fill(g.title()), g.items().stream().map(wording::fill).toList()))
                .toList();
    }
}
