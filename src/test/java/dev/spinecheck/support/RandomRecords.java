package dev.spinecheck.support;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON Lines records for the batch's properties: mostly valid answer sets written in the ways JSON is written
 * (spaced or not, booleans for yes and no), with every kind of fault a real batch meets mixed in — a missing or
 * invalid answer, a misspelt question, a quoted number, an escape, a non-ASCII text, a duplicate key, a cut line, a
 * blank line, a line that is not JSON at all.
 */
public final class RandomRecords {
    private RandomRecords() {}

    /** {@code count} records, one a line. */
    public static String lines(Questionnaire questionnaire, Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(record(questionnaire, random, i)).append('\n');
        }
        return text.toString();
    }

    public static String record(Questionnaire questionnaire, Random random, int index) {
        Map<String, Answer> answers = RandomAnswers.of(questionnaire, random, random.nextDouble() < 0.1 ? 0.1 : 0.0);
        boolean spaced = random.nextBoolean();
        String colon = spaced ? ": " : ":";
        String comma = spaced ? ", " : ",";
        List<String> top = new ArrayList<>();
        if (random.nextDouble() < 0.9) {
            top.add(quote("questionnaire") + colon + quote(random.nextDouble() < 0.02 ? "another" : questionnaire.id()));
        }
        if (random.nextDouble() < 0.8) {
            String record = switch (random.nextInt(40)) {
                case 0 -> "caf\u00e9-" + index;
                case 1 -> "r\\u0065c-" + index;
                case 2 -> "tab\\t" + index;
                default -> "rec-" + index;
            };
            top.add(quote("record") + colon + (random.nextInt(50) == 0 ? Integer.toString(index) : quote(record)));
        }
        if (random.nextDouble() < 0.3) {
            top.add(quote("saved_at") + colon + quote(random.nextInt(30) == 0 ? "yesterday" : "2026-11-22T10:15:00Z"));
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            entries.add(quote(e.getKey()) + colon + value(e.getValue(), random));
        }
        int fault = random.nextInt(100);
        switch (fault) {
            case 0 -> entries.add(quote("nigth_pain") + colon + quote("no"));
            case 1 -> entries.add(quote("age") + colon + quote("45"));
            case 2 -> entries.add(quote("trend") + colon + quote("maybe"));
            case 3 -> entries.add(quote("age") + colon + "045");
            case 4 -> entries.add(quote("age") + colon + "45.5");
            case 5 -> entries.add(entries.isEmpty() ? quote("age") + colon + "null" : entries.get(0));
            case 6 -> entries.add(quote("pain_region") + colon + "[]");
            case 7 -> entries.add(quote("fever") + colon + "null");
            case 8 -> top.add(quote("colour") + colon + quote("blue"));
            default -> { }
        }
        top.add(quote("answers") + colon + (fault == 9 ? "null" : "{" + String.join(comma, entries) + "}"));
        String line = (random.nextInt(20) == 0 ? " \t" : "") + "{" + String.join(comma, top) + "}" + (random.nextInt(20) == 0 ? " \r" : "");
        return switch (fault) {
            case 10 -> line.substring(0, line.length() / 2);
            case 11 -> "";
            case 12 -> "not json";
            case 13 -> line + " {}";
            default -> line;
        };
    }

    private static String value(Answer answer, Random random) {
        if (answer instanceof Answer.Number n) {
            return Long.toString(n.value());
        }
        if (answer instanceof Answer.Codes codes) {
            List<String> quoted = new ArrayList<>();
            codes.codes().forEach(c -> quoted.add(quote(c)));
            return "[" + String.join(random.nextBoolean() ? ", " : ",", quoted) + "]";
        }
        String code = ((Answer.Code) answer).code();
        if ((code.equals("yes") || code.equals("no")) && random.nextInt(4) == 0) {
            return code.equals("yes") ? "true" : "false";
        }
        return quote(code);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
