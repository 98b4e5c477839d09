package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A questionnaire's author test cases ({@code questionnaires/tests/<id>.yaml}). */
public record TestSuite(String source, List<Case> cases) {

    /**
     * One case: the answers (the suite's base answers with the case's own on top, unless it opts out), the expected
     * level, the flags that must fire and must not, and optionally the exact questions asked and the emergency stop.
     */
    public record Case(String name, Location at, Map<String, Answer> answers, Level level, List<String> fires,
            List<String> doesNotFire, Optional<List<String>> asked, Optional<Boolean> stoppedEarly) {}
}
