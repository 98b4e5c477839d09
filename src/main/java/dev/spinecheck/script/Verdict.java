package dev.spinecheck.script;

import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.AnswerFile;
import java.util.List;
import java.util.Optional;

/** What a scripted screening of one answer set came to. */
public sealed interface Verdict {

    /** Where the answers came from: a path, or {@code path:line} for a JSON Lines record. */
    String source();

    int exitCode();

    /** The walk ran to its end (or to an emergency stop): a result. */
    record Screened(String source, AnswerFile answers, Result result) implements Verdict {
        @Override
        public int exitCode() {
            return 0;
        }
    }

    /**
     * The answers could not be screened. {@code emergency} is the walk when an {@code EMERGENCY} flag is already
     * certain from the answers given, so that it can be shown before the problems.
     */
    record Refused(String source, int exitCode, List<String> problems, Optional<AnswerFile> answers,
            Optional<Walk.Outcome> emergency, List<String> missing) implements Verdict {
        public Refused {
            problems = List.copyOf(problems);
            missing = List.copyOf(missing);
        }

        public static Refused of(String source, int exitCode, List<String> problems) {
            return new Refused(source, exitCode, problems, Optional.empty(), Optional.empty(), List.of());
        }
    }
}
