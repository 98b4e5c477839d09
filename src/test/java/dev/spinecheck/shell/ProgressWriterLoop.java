package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A child program for the crash test: saves version after version of a progress file with the real writer, printing
 * each version number once it is saved, until it is killed.
 */
public final class ProgressWriterLoop {
    private ProgressWriterLoop() {}

    public static void main(String[] args) throws Exception {
        var questionnaire = new QuestionnaireLoader(new TreeReader()).bundled();
        ProgressStore store = new ProgressStore(Path.of(args[0]), true);
        if (!store.lock()) {
            throw new IllegalStateException("locked");
        }
        for (long version = 1; ; version++) {
            store.save(questionnaire, answers(version), Map.of());
            System.out.println(version);
            System.out.flush();
        }
    }

    /** Version n: an age that encodes n, and a growing list of answers so that versions differ in length too. */
    static Map<String, Answer> answers(long version) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("age", Answer.number(16 + version % 100));
        answers.put("pain_region", Answer.codes("lower_back"));
        if (version % 2 == 0) {
            answers.put("spine_surgery", Answer.code("none"));
            answers.put("injury", Answer.code("none"));
        }
        return answers;
    }
}
