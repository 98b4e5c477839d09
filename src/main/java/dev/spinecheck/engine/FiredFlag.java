package dev.spinecheck.engine;

import java.util.Map;

/**
 * A flag that fired.
 *
 * @param because every answered question its condition reads, with the answer given (spec section 4)
 * @param raisedBy the answers among those that made the condition true: what a person is told
 */
public record FiredFlag(Flag flag, Map<String, Answer> because, Map<String, Answer> raisedBy) {
    public FiredFlag {
        because = AnswerMap.fixed(because);
        raisedBy = AnswerMap.fixed(raisedBy);
    }

    public Level level() {
        return flag.level();
    }

    public String id() {
        return flag.id();
    }
}
