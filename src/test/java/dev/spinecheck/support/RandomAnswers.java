package dev.spinecheck.support;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but valid answer sets for property tests: every question gets a valid answer (some are left out), with a
 * lean towards harmless answers so that walks often run long; off-path answers appear naturally.
 */
public final class RandomAnswers {
    private RandomAnswers() {}

    public static Map<String, Answer> of(Questionnaire questionnaire, Random random, double missing) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Questionnaire.Step step : questionnaire.steps()) {
            if (random.nextDouble() < missing) {
                continue;
            }
            answers.put(step.question().id(), answer(step.question(), random));
        }
        return answers;
    }

    public static Answer answer(Question question, Random random) {
        if (question instanceof Question.IntegerQuestion whole) {
            long low = whole.belowMinMessage() != null ? Math.max(0, whole.min() - 6) : whole.min();
            return Answer.number(low + random.nextInt((int) Math.min(100, whole.max() - low + 1)));
        }
        List<Option> options = question.options();
        if (question instanceof Question.Multi) {
            List<String> codes = new ArrayList<>();
            Option exclusive = options.stream().filter(Option::exclusive).findFirst().orElse(null);
            if (exclusive != null && random.nextDouble() < 0.6) {
                return Answer.codes(exclusive.code());
            }
            for (Option option : options) {
                if (!option.exclusive() && random.nextDouble() < 0.35) {
                    codes.add(option.code());
                }
            }
            if (codes.isEmpty()) {
                codes.add(options.stream().filter(o -> !o.exclusive()).findFirst().orElse(options.get(0)).code());
            }
            return new Answer.Codes(codes);
        }
        if (random.nextDouble() < 0.6) {
            return Answer.code(options.get(0).code());
        }
        return Answer.code(options.get(random.nextInt(options.size())).code());
    }
}
