package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.load.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a person typed into an answer: an option's number, its code, or the start of its words
 * (case-insensitive; a unique start is enough); several for a {@code multi}, separated by spaces or commas; a whole
 * number within bounds for an {@code integer}. Anything else gets one plain line saying what is expected.
 */
final class TypedAnswer {

    /** Either an answer or one line telling the person what to type. */
    sealed interface Parsed permits Ok, Retry {}

    record Ok(Answer answer) implements Parsed {}

    record Retry(String message) implements Parsed {}

    private TypedAnswer() {}

    static Parsed parse(Question question, String typed) {
        String text = Problem.visible(typed.strip());
        if (question instanceof Question.IntegerQuestion whole) {
            return whole(whole, text);
        }
        if (text.isEmpty()) {
            return new Retry(question instanceof Question.Multi
                    ? "Please choose one or more answers: type their numbers, separated by spaces."
                    : "Please choose an answer: type its number.");
        }
        if (question instanceof Question.Multi) {
            return multi(question, text);
        }
        Option one = single(question.options(), text);
        if (one != null) {
            return new Ok(Answer.code(one.code()));
        }
        List<Option> starts = startingWith(question.options(), text);
        if (starts.size() > 1) {
            return new Retry("\"" + text + "\" could be " + describe(starts) + ". Please type the number.");
        }
        String which = text.matches("\\d+") ? "There is no answer " + text + ". " : "";
        return new Retry(which + "Please type a number from 1 to " + question.options().size() + ", or the start of an answer.");
    }

    private static Parsed whole(Question.IntegerQuestion question, String text) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return new Retry("Please type a whole number" + (question.unit().isEmpty() ? "" : " of " + question.unit())
                    + ", like " + Math.max(question.min(), Math.min(45, question.max())) + ".");
        }
        Answer answer = Answer.number(value);
        if (!question.problems(answer).isEmpty()) {
            return new Retry("Please type a whole number from " + question.min() + " to " + question.max() + ".");
        }
        return new Ok(answer);
    }

    private static Parsed multi(Question question, String text) {
        List<String> codes = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Option option = single(question.options(), part);
            if (option == null) {
                List<Option> starts = startingWith(question.options(), part);
                if (starts.size() > 1) {
                    return new Retry("\"" + part + "\" could be " + describe(starts) + ". Please type the numbers.");
                }
                return new Retry((part.matches("\\d+") ? "There is no answer " + part + ". Please type numbers from 1 to "
                        + question.options().size() : "\"" + part + "\" is not one of the answers. Please type their numbers")
                        + ", like 1 3.");
            }
            if (!codes.contains(option.code())) {
                codes.add(option.code());
            }
        }
        Answer answer = new Answer.Codes(codes);
        for (String code : codes) {
            Option option = question.option(code).orElseThrow();
            if (option.exclusive() && codes.size() > 1) {
                return new Retry("\"" + option.text() + "\" cannot be chosen with other answers. Please choose it alone, or the others without it.");
            }
        }
        return new Ok(answer);
    }

    /** The one option this text names: by number, by code, or by a unique start of its words or code. */
    private static Option single(List<Option> options, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("\\d+")) {
            int n = Integer.parseInt(lower.length() > 6 ? "0" : lower);
            return n >= 1 && n <= options.size() ? options.get(n - 1) : null;
        }
        for (Option option : options) {
            if (option.code().equalsIgnoreCase(text) || normalise(option.text()).equals(normalise(text))) {
                return option;
            }
        }
        List<Option> starts = startingWith(options, text);
        return starts.size() == 1 ? starts.get(0) : null;
    }

    static List<Option> startingWith(List<Option> options, String text) {
        String wanted = normalise(text);
        List<Option> found = new ArrayList<>();
        for (Option option : options) {
            if (normalise(option.text()).startsWith(wanted) || option.code().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                found.add(option);
            }
        }
        return found;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String describe(List<Option> options) {
        List<String> names = options.stream().map(o -> "\"" + o.text() + "\"").toList();
        return String.join(" or ", names);
    }
}
