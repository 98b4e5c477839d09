package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.load.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a person typed into an answer, by the rules of spec sections 3a and 10, so that no answer is given by
 * habit with the opposite meaning and no answer is taken that was not on the screen:
 * <ul>
 *   <li>Case is folded and punctuation counts as spaces.</li>
 *   <li>{@code yes_no}: yes, y, no or n, and nothing else (never a number).</li>
 *   <li>{@code choice} and {@code multi}: an option's number, its full code, its whole visible text, or an
 *       unambiguous start of its visible text from its first word ("lower" picks "Lower back"; "back" does not). A
 *       start of a code is never a match ("ne" does not pick {@code new}). A full code or a whole text wins over a
 *       start of another option.</li>
 *   <li>{@code multi}: the whole input is tried as one answer first ("lower back", "none of these"); otherwise it is
 *       split at commas and at the word "and", and numbers also at spaces ("1 3").</li>
 *   <li>A choice of bands of time ({@link DurationBands}): a length with its unit ("4 weeks") is placed in its band;
 *       a bare number is an option number only once the person confirms it; a range is asked again.</li>
 *   <li>{@code integer}: a whole number within bounds, optionally followed by its unit.</li>
 * </ul>
 * Anything else gets one plain line saying what was not understood and what to type.
 */
final class TypedAnswer {

    /** An answer, a question to confirm first, or one line telling the person what to type. */
    sealed interface Parsed permits Ok, Confirm, Retry {}

    /**
     * @param typedLength what the person typed when it was a length placed in a band ("8 weeks"), to repeat it back
     */
    record Ok(Answer answer, Optional<String> typedLength) implements Parsed {}

    /** A bare number at a question of bands of time: taken only once the person says yes to {@code question}. */
    record Confirm(Answer answer, String question) implements Parsed {}

    record Retry(String message) implements Parsed {}

    static final String YES_OR_NO = "Please type yes or no.";
    static final String ARROW_KEYS = "The arrow keys do not work here. Please type your answer.";

    private static final Set<String> YES = Set.of("yes", "y");
    private static final Set<String> NO = Set.of("no", "n");

    /** How one piece of typed text matched the options. */
    private sealed interface Match permits One, Several, NoMatch {}

    private record One(Option option, boolean byNumber) implements Match {}

    private record Several(List<Option> options) implements Match {}

    private record NoMatch() implements Match {}

    private TypedAnswer() {}

    /** Whether a typed line is a yes, a no, or neither (for the yes-or-no prompts of the shell). */
    static Optional<Boolean> yesOrNo(String typed) {
        String folded = fold(typed);
        if (YES.contains(folded)) {
            return Optional.of(true);
        }
        if (NO.contains(folded)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    static Parsed parse(Question question, String typed) {
        if (typed.indexOf('\u001b') >= 0) {
            return new Retry(ARROW_KEYS);
        }
        if (question instanceof Question.IntegerQuestion whole) {
            return whole(whole, typed.strip());
        }
        if (question instanceof Question.YesNo) {
            return yesOrNo(typed).<Parsed>map(yes -> new Ok(Answer.code(yes ? "yes" : "no"), Optional.empty()))
                    .orElseGet(() -> new Retry(YES_OR_NO));
        }
        String folded = fold(typed);
        if (folded.isEmpty()) {
            return new Retry(question instanceof Question.Multi
                    ? "Please choose one or more answers: type their numbers, like 1 3, or their first words."
                    : "Please choose an answer: type its number, or its first words.");
        }
        if (question instanceof Question.Multi) {
            return multi(question, typed);
        }
        Optional<DurationBands> bands = DurationBands.of(question);
        Match match = match(question.options(), folded, true);
        if (match instanceof One one) {
            Answer answer = Answer.code(one.option().code());
            if (one.byNumber() && bands.isPresent()) {
                int number = question.options().indexOf(one.option()) + 1;
                return new Confirm(answer, "Did you mean option " + number + ", " + lowerFirst(one.option().text())
                        + "? Type yes, or type how long with its unit, like 3 days");
            }
            return new Ok(answer, Optional.empty());
        }
        if (bands.isPresent() && match instanceof NoMatch) {
            Optional<Parsed> length = length(bands.get(), typed, folded);
            if (length.isPresent()) {
                return length.get();
            }
        }
        return retry(question, typed, folded, match);
    }

    private static Optional<Parsed> length(DurationBands bands, String typed, String folded) {
        DurationBands.Length length = DurationBands.parse(typed);
        if (length instanceof DurationBands.Range) {
            return Optional.of(new Retry("Please type one length, not a range: for example 4 weeks. If you are not sure,"
                    + " type the longer one."));
        }
        if (length instanceof DurationBands.Days days) {
            Optional<Option> band = bands.bandFor(days.days());
            if (band.isPresent()) {
                return Optional.of(new Ok(Answer.code(band.get().code()), Optional.of(typed.strip().replaceAll("\\s+", " "))));
            }
        }
        if (folded.matches("\\d+(\\s\\d+)?")) {
            return Optional.of(new Retry("There is no answer " + folded + ". To say how long, type it with its unit, like "
                    + folded.split(" ")[0] + " weeks."));
        }
        return Optional.empty();
    }

    private static Parsed retry(Question question, String typed, String folded, Match match) {
        if (match instanceof Several several) {
            return new Retry("\"" + shown(typed) + "\" could be " + describe(several.options())
                    + ". Please type more of the answer, or its number.");
        }
        if (folded.matches("\\d+")) {
            return new Retry("There is no answer " + folded + ". Please type a number from 1 to " + question.options().size()
                    + ", or the first words of an answer.");
        }
        return new Retry("\"" + shown(typed) + "\" is not one of the answers. Please type the number of your answer,"
                + " or its first words" + (DurationBands.of(question).isPresent() ? ", or how long with its unit, like 3 days." : "."));
    }

    private static Parsed whole(Question.IntegerQuestion question, String text) {
        String example = question.min() + "" + (question.unit().isEmpty() ? "" : " " + question.unit());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?\\d+)\\s*(.*)").matcher(text);
        if (!m.matches() || !fitsUnit(m.group(2), question.unit())) {
            return new Retry("Please type a whole number" + (question.unit().isEmpty() ? "" : " (" + question.unit() + ")")
                    + ", like " + Math.max(question.min(), Math.min(45, question.max())) + ".");
        }
        Answer answer;
        try {
            answer = Answer.number(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            answer = null;
        }
        if (answer == null || !question.problems(answer).isEmpty()) {
            return new Retry("Please type a whole number from " + question.min() + " to " + question.max() + ".");
        }
        return new Ok(answer, Optional.empty());
    }

    /** Nothing after the number, or the question's unit (or its start): "40 years", "7 out of 10". */
    private static boolean fitsUnit(String rest, String unit) {
        String folded = fold(rest);
        return folded.isEmpty() || !unit.isEmpty() && fold(unit).startsWith(folded);
    }

    private static Parsed multi(Question question, String typed) {
        Match whole = match(question.options(), fold(typed), true);
        if (whole instanceof One one) {
            return new Ok(new Answer.Codes(List.of(one.option().code())), Optional.empty());
        }
        List<String> codes = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        for (String part : parts(typed)) {
            String folded = fold(part);
            if (folded.isEmpty()) {
                continue;
            }
            List<String> pieces = folded.matches("\\d+( \\d+)*") ? List.of(folded.split(" ")) : List.of(folded);
            for (String piece : pieces) {
                Match match = match(question.options(), piece, true);
                if (match instanceof One one) {
                    if (!codes.contains(one.option().code())) {
                        codes.add(one.option().code());
                    }
                } else if (match instanceof Several several) {
                    ambiguous.add("\"" + shown(pieces.size() == 1 ? part : piece) + "\" could be " + describe(several.options()));
                } else {
                    notUnderstood.add(pieces.size() == 1 ? part.strip() : piece);
                }
            }
        }
        if (!notUnderstood.isEmpty()) {
            List<String> phrases = notUnderstood.stream()
                    .map(p -> p.matches("\\d+") ? "there is no answer " + p : "\"" + shown(p) + "\" is not one of the answers").toList();
            String said = String.join(", and ", phrases);
            return new Retry(Character.toUpperCase(said.charAt(0)) + said.substring(1) + ". Please type the numbers of your"
                    + " answers (from 1 to " + question.options().size() + "), like 1 3, or their first words separated by commas.");
        }
        if (!ambiguous.isEmpty()) {
            return new Retry(String.join("; ", ambiguous) + ". Please type more of each answer, or its number.");
        }
        if (codes.isEmpty()) {
            return new Retry("Please choose one or more answers: type their numbers, like 1 3, or their first words.");
        }
        for (String code : codes) {
            Option option = question.option(code).orElseThrow();
            if (option.exclusive() && codes.size() > 1) {
                return new Retry("\"" + brief(option.text()) + "\" cannot be chosen with other answers. Please choose it alone,"
                        + " or the others without it.");
            }
        }
        List<String> inOrder = question.codes().stream().filter(codes::contains).toList();
        return new Ok(new Answer.Codes(inOrder), Optional.empty());
    }

    /** The parts of a multi answer: split at commas and at the word "and". */
    private static List<String> parts(String typed) {
        List<String> parts = new ArrayList<>();
        for (String byComma : typed.split(",")) {
            parts.addAll(List.of(byComma.split("(?i)(?<![\\p{L}\\p{N}])and(?![\\p{L}\\p{N}])")));
        }
        return parts;
    }

    /** By number, then by full code or whole text, then by a start of the visible text that only one option has. */
    private static Match match(List<Option> options, String folded, boolean numbers) {
        if (numbers && folded.matches("\\d{1,6}")) {
            int n = Integer.parseInt(folded);
            return n >= 1 && n <= options.size() ? new One(options.get(n - 1), true) : new NoMatch();
        }
        List<Option> exact = new ArrayList<>();
        for (Option option : options) {
            if (fold(option.code()).equals(folded) || fold(option.text()).equals(folded)) {
                exact.add(option);
            }
        }
        if (exact.size() == 1) {
            return new One(exact.get(0), false);
        }
        if (exact.size() > 1) {
            return new Several(exact);
        }
        List<Option> starts = new ArrayList<>();
        for (Option option : options) {
            if (fold(option.text()).startsWith(folded)) {
                starts.add(option);
            }
        }
        if (starts.size() == 1) {
            return new One(starts.get(0), false);
        }
        return starts.isEmpty() ? new NoMatch() : new Several(starts);
    }

    /** Lower case, punctuation (and the underscores of codes) as spaces, one space between words. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                folded.appendCodePoint(cp);
            } else {
                folded.append(' ');
            }
        });
        return folded.toString().strip().replaceAll(" +", " ");
    }

    /** An option's text short enough to name in a sentence: up to its first dash or bracket, else cut at a word. */
    static String brief(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        for (String cut : List.of(" — ", " (", ", for example")) {
            int at = t.indexOf(cut);
            if (at > 0) {
                t = t.substring(0, at);
            }
        }
        if (t.length() > 60) {
            int space = t.lastIndexOf(' ', 57);
            t = t.substring(0, space > 20 ? space : 57) + " ...";
        }
        return t;
    }

    private static String describe(List<Option> options) {
        return String.join(" or ", options.stream().map(o -> "\"" + brief(o.text()) + "\"").toList());
    }

    private static String lowerFirst(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1) : t;
    }

    /** Typed text as it may be shown again: control characters escaped, spaces tidied. */
    private static String shown(String typed) {
        return Problem.visible(typed.strip().replaceAll("\\s+", " "));
    }
}
