package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks an answer file against a questionnaire (spec section 7), reporting every problem with its line. */
public final class AnswerReader {
    private static final Set<String> TOP = Set.of("questionnaire", "record", "saved_at", "answers", "undone_emergencies");

    private AnswerReader() {}

    /**
     * An answer file read as far as it can be: the valid answers, every problem, and the questions whose answers were
     * invalid (they count as unknown).
     *
     * @param screenable false when the answers cannot be read at all or are for another questionnaire: then not even
     *     the emergency check may run on them (spec section 10)
     */
    public record Reading(AnswerFile file, List<Problem> problems, Set<String> invalid, boolean screenable) {
        public Reading {
            problems = List.copyOf(problems);
            invalid = Set.copyOf(invalid);
        }
    }

    /** Reads an answer file that must be entirely valid: any problem is thrown, all of them at once. */
    public static AnswerFile read(Node root, Questionnaire questionnaire, String source) throws InvalidInputException {
        Reading reading = readAll(root, questionnaire, source);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInputException(reading.problems());
        }
        return reading.file();
    }

    /**
     * Reads an answer file, keeping every valid answer beside the problems: invalid answers are left out (unknown), so
     * that a certain emergency in the valid ones is never hidden by an error elsewhere.
     */
    public static Reading readAll(Node root, Questionnaire questionnaire, String source) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Optional<Fields> top = Fields.of(root, "the answer file", TOP, problems);
        if (top.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Fields f = top.get();
        boolean screenable = true;
        Optional<String> id = f.code("questionnaire", false);
        if (id.isPresent() && !id.get().equals(questionnaire.id())) {
            screenable = false;
            problems.add(new Problem(f.node("questionnaire").orElseThrow().at(), "these answers are for the questionnaire '"
                    + id.get() + "', not '" + questionnaire.id() + "' — use --questionnaire with the right file, or correct the id"));
        }
        Optional<String> record = f.node("record").flatMap(n -> record(n, problems));
        Optional<String> savedAt = f.code("saved_at", false);
        if (savedAt.isPresent()) {
            try {
                // The usual way of writing it is checked without the parser (it accepts that way, and much else).
                if (!QuickAnswers.isPlainUtcTime(savedAt.get())) {
                    OffsetDateTime.parse(savedAt.get());
                }
            } catch (DateTimeParseException e) {
                problems.add(new Problem(f.node("saved_at").orElseThrow().at(), "saved_at '" + savedAt.get()
                        + "' is not a date and time — write it like 2026-11-22T10:15:00Z"));
            }
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, Location> answerAt = new LinkedHashMap<>();
        Set<String> invalid = new java.util.HashSet<>();
        Location answersAt = f.keyAt("answers");
        Optional<Node> answersNode = f.node("answers");
        if (answersNode.isEmpty()) {
            screenable = false;
            problems.add(new Problem(root.at(), "the answer file has no 'answers' — add answers: with one line per question, like age: 45"));
        } else if (answersNode.get() instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
            // "answers:" with nothing under it: every question will be reported as missing.
        } else {
            screenable &= answersNode.get() instanceof Node.Mapping;
            invalid.addAll(answers(answersNode.get(), questionnaire, problems, answers, answerAt));
        }
        Map<String, Answer> undone = new LinkedHashMap<>();
        Map<String, Location> undoneAt = new LinkedHashMap<>();
        f.node("undone_emergencies").ifPresent(n -> answers("undone_emergencies", n, questionnaire, problems, undone, undoneAt));
        AnswerFile file = new AnswerFile(source, id, record, savedAt, answers, answerAt, answersAt, undone, undoneAt);
        return new Reading(file, QuestionnaireReader.sorted(problems), invalid, screenable);
    }

    /**
     * Reads a mapping of question: answer lines into {@code answers}, checking each answer against its question;
     * every problem goes to {@code problems} with its place. Returns the questions whose answers were invalid.
     */
    public static Set<String> answers(Node node, Questionnaire questionnaire, List<Problem> problems, Map<String, Answer> answers,
            Map<String, Location> answerAt) {
        return answers("answers", node, questionnaire, problems, answers, answerAt);
    }

    private static Set<String> answers(String key, Node node, Questionnaire questionnaire, List<Problem> problems,
            Map<String, Answer> answers, Map<String, Location> answerAt) {
        Set<String> invalid = new java.util.HashSet<>();
        if (!(node instanceof Node.Mapping map)) {
            problems.add(new Problem(node.at(), "'" + key + "' must be question: answer lines, not "
                    + node.describe() + " — write one line per question, like age: 45"));
            return invalid;
        }
        for (Node.Entry entry : map.entries()) {
            Optional<Question> question = questionnaire.question(entry.key());
            if (question.isEmpty()) {
                List<String> ids = questionnaire.steps().stream().map(s -> s.question().id()).toList();
                problems.add(new Problem(entry.keyAt(), noSuchQuestion(entry.key(), ids)));
                continue;
            }
            Optional<Answer> answer = checked(question.get(), entry.value(), problems);
            if (answer.isPresent()) {
                answers.put(entry.key(), answer.get());
                answerAt.put(entry.key(), entry.value().at());
            } else {
                invalid.add(entry.key());
            }
        }
        return invalid;
    }

    /** Said of an answer to a question the questionnaire does not have ({@code ids}: its questions' ids, in order). */
    static String noSuchQuestion(String key, List<String> ids) {
        return "there is no question '" + key + "' — "
                + Suggest.didYouMean(key, ids, "remove it, or check the spelling against the questionnaire");
    }

    /**
     * The answer that this value gives the question, when it is a valid one; otherwise every problem with it, each at the
     * value's place, goes to {@code problems}.
     */
    static Optional<Answer> checked(Question question, Node value, List<Problem> problems) {
        List<String> found = new ArrayList<>();
        Optional<Answer> answer = convert(question, value, found);
        if (answer.isPresent()) {
            found.addAll(question.problems(answer.get()));
        }
        for (String message : found) {
            problems.add(new Problem(value.at(), message));
        }
        return found.isEmpty() ? answer : Optional.empty();
    }

    private static Optional<String> record(Node node, List<Problem> problems) {
        if (node instanceof Node.Scalar s && s.kind() != Node.Kind.NULL) {
            return Optional.of(s.text());
        }
        problems.add(new Problem(node.at(), "'record' must be text, not " + node.describe() + " — write a reference like clinic-2026-0042"));
        return Optional.empty();
    }

    /** Turns a YAML or JSON value into an answer of the question's type, or says why it cannot. */
    static Optional<Answer> convert(Question question, Node value, List<String> problems) {
        String id = question.id();
        if (value instanceof Node.Scalar s && (s.kind() == Node.Kind.NULL || s.isString() && s.text().isEmpty())) {
            problems.add(id + " has no answer after the colon — give an answer, or remove the line");
            return Optional.empty();
        }
        if (question instanceof Question.IntegerQuestion whole) {
            if (value instanceof Node.Scalar s && s.kind() == Node.Kind.INTEGER) {
                try {
                    return Optional.of(new Answer.Number(Long.parseLong(s.text())));
                } catch (NumberFormatException e) {
                    problems.add(s.text() + " is out of range for " + id + " — give a whole number from "
                            + whole.min() + " to " + whole.max());
                    return Optional.empty();
                }
            }
            String how = value instanceof Node.Scalar s && s.isString() ? numberLike(id, s.text())
                    .orElse("write a number from " + whole.min() + " to " + whole.max() + ", without quotes")
                    : "write a number from " + whole.min() + " to " + whole.max() + ", without quotes";
            problems.add(id + " takes a whole number, not " + value.describe() + " — " + how);
            return Optional.empty();
        }
        if (question instanceof Question.Multi) {
            if (!(value instanceof Node.Sequence seq)) {
                String code = value instanceof Node.Scalar s ? s.text() : question.codes().get(0);
                problems.add(id + " takes a list of codes, not " + value.describe() + " — write it as a list, like " + id + ": [" + code + "]");
                return Optional.empty();
            }
            List<String> codes = new ArrayList<>();
            for (Node item : seq.items()) {
                Optional<String> code = code(question, item, problems);
                if (code.isPresent()) {
                    codes.add(code.get());
                }
            }
            return codes.size() == seq.items().size() ? Optional.of(new Answer.Codes(codes)) : Optional.empty();
        }
        Optional<String> code = code(question, value, problems);
        return code.isPresent() ? Optional.of(new Answer.Code(code.get())) : Optional.empty();
    }

    /**
     * What to do with text that is nearly a whole number. Unquoted, YAML reads 45 as a number but +45 and 045 as text,
     * so only the plain digits can have been quoted.
     */
    private static Optional<String> numberLike(String id, String text) {
        String t = text.strip();
        int sign = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (!digits(t, sign, 1, 18)) {
            return Optional.empty();
        }
        String plain = Long.toString(Long.parseLong(t));
        if (t.startsWith("+")) {
            return Optional.of("write it without the + sign, like " + id + ": " + plain);
        }
        int unsigned = t.startsWith("-") ? 1 : 0;
        if (t.length() > unsigned + 1 && t.charAt(unsigned) == '0') {
            return Optional.of("write it without the leading zeros, like " + id + ": " + plain);
        }
        if (!t.equals(plain)) {
            return Optional.of("write it as " + id + ": " + plain);
        }
        return Optional.of((t.equals(text) ? "write it without quotes" : "write it without quotes and spaces") + ", like " + id + ": " + plain);
    }

    /** Whether the text from {@code from} on is between {@code least} and {@code most} digits 0-9 and nothing else. */
    private static boolean digits(String text, int from, int least, int most) {
        int count = text.length() - from;
        if (count < least || count > most) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> code(Question question, Node value, List<String> problems) {
        if (value instanceof Node.Scalar s) {
            if (s.kind() == Node.Kind.BOOLEAN) {
                String code = s.text().equals("true") ? "yes" : "no";
                if (question.option(code).isPresent()) {
                    return Optional.of(code);
                }
                problems.add(question.id() + " has no yes/no answer, so " + s.text() + " does not fit — use one of: "
                        + String.join(", ", question.codes()));
                return Optional.empty();
            }
            if (s.kind() == Node.Kind.STRING || question.option(s.text()).isPresent()) {
                return Optional.of(s.text());
            }
        }
        problems.add(question.id() + " takes " + (question instanceof Question.Multi ? "codes" : "a code") + ", not "
                + value.describe() + " — use one of: " + String.join(", ", question.codes()));
        return Optional.empty();
    }
}
