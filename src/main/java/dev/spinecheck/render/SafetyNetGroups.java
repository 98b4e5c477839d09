package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Questionnaire;
import java.util.List;

/** The questionnaire's safety net as groups of warning signs, filled in, for a topic that shows it in place. */
public final class SafetyNetGroups {
    private SafetyNetGroups() {}

    /** One group: what to do ("Call 999 at once if you get:") and the signs it applies to. */
    public record Group(String intro, List<String> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    public static List<Group> of(Questionnaire questionnaire, Wording wording) {
        Advice.SafetyNet net = questionnaire.advice().safetyNet();
        return List.of(
                new Group(wording.fill(net.emergencyIntro()), net.emergency().stream().map(wording::fill).toList()),
                new Group(wording.fill(net.sameDayIntro()), net.sameDay().stream().map(wording::fill).toList()));
    }
}
