package dev.spinecheck.engine;

import java.util.List;

/**
 * The conditions a result reads beside the flags, compiled as the walk's are ({@link WalkIndex}): the conservative
 * care's, the fusion note's, each read-more line's and the emergency's call-when; and the safety net as a call tells
 * it. Derived from the questionnaire, immutable; a condition the questionnaire does not have is never true.
 */
final class AdviceIndex {
    private final Compiled care;
    private final Compiled fusion;
    private final Compiled[] readMore;
    private final Compiled callWhen;
    private final List<Advice.SafetyGroup> safetyNetUnderCall;

    AdviceIndex(Advice advice, Emergency emergency, WalkIndex index) {
        care = advice == null || advice.care() == null ? null : compiled(advice.care().when(), index);
        fusion = advice == null || advice.fusion() == null ? null : compiled(advice.fusion().when(), index);
        List<Advice.ReadMore> more = advice == null ? List.of() : advice.readMore();
        readMore = new Compiled[more.size()];
        for (int i = 0; i < readMore.length; i++) {
            readMore[i] = compiled(more.get(i).when(), index);
        }
        callWhen = emergency == null ? null : compiled(emergency.callWhen(), index);
        safetyNetUnderCall = advice == null || advice.safetyNet() == null ? null
                : List.copyOf(advice.safetyNet().groupsFor(ActionKind.CALL));
    }

    private static Compiled compiled(Condition condition, WalkIndex index) {
        return condition == null ? null : Compiled.of(condition, index);
    }

    boolean care(Facts facts) {
        return care != null && care.isTrue(facts);
    }

    boolean fusion(Facts facts) {
        return fusion != null && fusion.isTrue(facts);
    }

    /** Whether the condition of the read-more line at this position is certainly true. */
    boolean readMore(int line, Facts facts) {
        return readMore[line] != null && readMore[line].isTrue(facts);
    }

    /** The safety net's groups as a result whose emergency action is call tells them, made once; null without one. */
    List<Advice.SafetyGroup> safetyNetUnderCall() {
        return safetyNetUnderCall;
    }

    boolean callWhen(Facts facts) {
        return callWhen != null && callWhen.isTrue(facts);
    }
}
