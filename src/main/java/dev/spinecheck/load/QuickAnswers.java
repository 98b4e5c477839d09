package dev.spinecheck.load;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.AnswersByPosition;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The common JSON Lines record (or answer file of one line) read in one pass, without the located tree: plain ASCII JSON
 * on one line with the keys of an answer file, its answers plain texts, whole numbers, true, false, null or lists of
 * them. It gives exactly the reading that {@link TreeReader} and {@link AnswerReader#readAll} give: the same answers,
 * in the same order, at the same places, and the same problems with them (an invalid answer, a question the
 * questionnaire does not have), worded by the same code. Anything else — an escape, a non-ASCII character, a
 * duplicate key, a decimal, a line that is not JSON, anything unusual at all — gives null, and the record is read the
 * full way, which finds and words every problem.
 */
public final class QuickAnswers {
    private static final int MAX_TEXT = 1000;

    private final byte[] bytes;
    private final int end;
    private final Keys keys;
    private int at;
    /** The step after the one that the last answer read was for. */
    private int expected;

    private QuickAnswers(byte[] bytes, int end, Keys keys) {
        this.bytes = bytes;
        this.end = end;
        this.keys = keys;
    }

    /**
     * The questionnaire's question ids and option codes as bytes, by step, made once for the many records of a batch:
     * a key or a code is matched against them in place.
     */
    public static final class Keys {
        private final Questionnaire questionnaire;
        private final byte[][] ids;
        private final byte[][][] codes;
        /** For each step, an answer of each of its options' codes (immutable: one serves every record). */
        private final Answer.Code[][] answers;
        /** For each step, the answer of a list of that one code, by option (immutable too). */
        private final Answer.Codes[][] alone;
        /**
         * For each step: its question, the question's id, its options and whether each is exclusive — in arrays, for
         * the quick compiler, which calls a method of an interface or a list through a slow stub.
         */
        private final Question[] questions;
        private final String[] questionIds;
        /** The questions' ids in the questionnaire's order, for "did you mean". */
        private final List<String> idList;
        private final Option[][] options;
        private final boolean[][] exclusive;

        public Keys(Questionnaire questionnaire) {
            this.questionnaire = questionnaire;
            List<Questionnaire.Step> steps = questionnaire.steps();
            int n = steps.size();
            ids = new byte[n][];
            codes = new byte[n][][];
            answers = new Answer.Code[n][];
            alone = new Answer.Codes[n][];
            questions = new Question[n];
            questionIds = new String[n];
            options = new Option[n][];
            exclusive = new boolean[n][];
            List<String> stepIds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Question question = steps.get(i).question();
                ids[i] = question.id().getBytes(StandardCharsets.UTF_8);
                questions[i] = question;
                questionIds[i] = question.id();
                stepIds.add(question.id());
                List<Option> stepOptions = question.options();
                options[i] = stepOptions.toArray(new Option[0]);
                codes[i] = new byte[stepOptions.size()][];
                answers[i] = new Answer.Code[stepOptions.size()];
                alone[i] = new Answer.Codes[stepOptions.size()];
                exclusive[i] = new boolean[stepOptions.size()];
                for (int o = 0; o < stepOptions.size(); o++) {
                    codes[i][o] = stepOptions.get(o).code().getBytes(StandardCharsets.UTF_8);
                    answers[i][o] = new Answer.Code(stepOptions.get(o).code());
                    alone[i][o] = new Answer.Codes(List.of(stepOptions.get(o).code()));
                    exclusive[i][o] = stepOptions.get(o).exclusive();
                }
            }
            // Loops, not streams or lambdas: this runs at start-up, where the first lambda costs milliseconds.
            idList = List.copyOf(stepIds);
        }

        public Questionnaire questionnaire() {
            return questionnaire;
        }
    }

    /** {@link #read(byte[], Keys, String, int, String)} for one record. */
    public static AnswerReader.Reading read(byte[] bytes, Questionnaire questionnaire, String file, int line, String source)
            throws InvalidInputException {
        return read(bytes, new Keys(questionnaire), file, line, source);
    }

    /**
     * The reading of one record, or null when it must be read the full way.
     *
     * @param file the file the record is in, and {@code line} its line there, for the answers' places
     */
    public static AnswerReader.Reading read(byte[] bytes, Keys keys, String file, int line, String source) throws InvalidInputException {
        int end = bytes.length;
        if (end > TreeReader.MAX_BYTES) {
            return null;
        }
        // White space after the record, with the line break that ends an answer file of one line.
        boolean spacesAfter = true;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            spacesAfter &= bytes[end - 1] == ' ';
            end--;
        }
        if (end == 0) {
            return null;
        }
        try {
            return new QuickAnswers(bytes, end, keys).record(keys.questionnaire, file, line, source);
        } catch (EndsEarly e) {
            // A record cut short (a line of a batch that was not written to its end): the full way says so, one problem
            // just after the last character. Unless a line break comes after the cut (the end is then on a line of its
            // own), or a tab (inside a text that the cut left open, the full way refuses the tab).
            if (!spacesAfter) {
                return null;
            }
            throw new InvalidInputException(new Problem(new Location(file, line, bytes.length + 1), TreeReader.JSON_ENDS_EARLY));
        } catch (NotQuick e) {
            return null;
        }
    }

    /** Thrown (without a stack trace) at the first thing the quick way does not read. */
    private static class NotQuick extends Exception {
        private static final long serialVersionUID = 1L;
        private static final NotQuick INSTANCE = new NotQuick();

        private NotQuick() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown when the text ends where JSON goes on — inside a text, or where a value, a key, a colon, a comma or a
     * closing bracket is due — after nothing that the quick way does not read: the JSON is then cut short.
     */
    private static final class EndsEarly extends NotQuick {
        private static final long serialVersionUID = 1L;
        private static final EndsEarly INSTANCE = new EndsEarly();
    }

    private static NotQuick notQuick() {
        return NotQuick.INSTANCE;
    }

    private AnswerReader.Reading record(Questionnaire questionnaire, String file, int line, String source) throws NotQuick {
        Optional<String> id = Optional.empty();
        Optional<String> record = Optional.empty();
        Optional<String> savedAt = Optional.empty();
        Map<String, Answer> answers = null;
        Map<String, Location> answerAt = null;
        Location answersAt = null;
        List<Problem> problems = new ArrayList<>(0);
        Set<String> invalid = new java.util.HashSet<>(0);
        space();
        expect('{');
        space();
        if (peek() == '}') {
            throw notQuick();
        }
        while (true) {
            space();
            int keyStart = at;
            int length = quoted();
            space();
            expect(':');
            space();
            // Each key once: a second one is not quick (the full way words it).
            if (same("answers", keyStart + 1, length) && answers == null) {
                answersAt = new Location(file, line, keyStart + 1);
                AnswersByPosition.Builder given = new AnswersByPosition.Builder(questionnaire);
                answerAt = answers(file, line, given, problems, invalid);
                answers = given.build();
            } else if (same("questionnaire", keyStart + 1, length) && id.isEmpty()) {
                String value = nonBlank(string());
                if (!value.equals(questionnaire.id())) {
                    throw notQuick();
                }
                id = Optional.of(value);
            } else if (same("record", keyStart + 1, length) && record.isEmpty()) {
                record = Optional.of(string());
            } else if (same("saved_at", keyStart + 1, length) && savedAt.isEmpty()) {
                String value = nonBlank(string());
                if (!isPlainUtcTime(value)) {
                    throw notQuick();
                }
                savedAt = Optional.of(value);
            } else {
                throw notQuick();
            }
            space();
            byte next = next();
            if (next == '}') {
                break;
            }
            if (next != ',') {
                throw notQuick();
            }
        }
        space();
        if (at != end || answers == null) {
            throw notQuick();
        }
        AnswerFile answerFile = new AnswerFile(source, id, record, savedAt, answers, answerAt, answersAt);
        // Mostly none: then the empty immutable ones, which the reading keeps as they are (it copies any other).
        return problems.isEmpty() && invalid.isEmpty() ? new AnswerReader.Reading(answerFile, List.of(), Set.of(), true)
                : new AnswerReader.Reading(answerFile, QuestionnaireReader.sorted(problems), invalid, true);
    }

    /**
     * Reads the answers into {@code answers} and says where each valid one was written. An answer that is not valid for
     * its question, or to a question the questionnaire does not have, is worded as the full way words it, into
     * {@code problems}, and an invalid answer's question goes to {@code invalid}.
     */
    private Places answers(String file, int line, AnswersByPosition.Builder answers, List<Problem> problems, Set<String> invalid)
            throws NotQuick {
        int steps = keys.questions.length;
        String[] ids = new String[steps];
        int[] columns = new int[steps];
        boolean[] written = new boolean[steps];
        List<String> unknown = null;
        int count = 0;
        expect('{');
        space();
        if (peek() == '}') {
            at++;
            return new Places(file, line, ids, columns, 0);
        }
        while (true) {
            space();
            int keyAt = at;
            // The key is the questionnaire's own id string (no text is made), found among the steps from the one
            // after the last answer's: answers are mostly written in the questionnaire's order.
            int step = key();
            if (step < 0) {
                String name = string();
                // A second answer to the same unknown question: the full way words the duplicate.
                if (unknown == null) {
                    unknown = new ArrayList<>(2);
                } else if (unknown.contains(name)) {
                    throw notQuick();
                }
                unknown.add(name);
                space();
                expect(':');
                space();
                value(file, line);
                problems.add(new Problem(new Location(file, line, keyAt + 1), AnswerReader.noSuchQuestion(name, keys.idList)));
            } else {
                // Each question once: a second answer to it is not quick (the full way words the duplicate).
                if (written[step]) {
                    throw notQuick();
                }
                written[step] = true;
                space();
                expect(':');
                space();
                int column = at + 1;
                Answer answer = answerOrNull(step, file, line, problems);
                if (answer == null) {
                    invalid.add(keys.questionIds[step]);
                } else {
                    if (!answers.put(step, answer)) {
                        throw notQuick();
                    }
                    ids[count] = keys.questionIds[step];
                    columns[count] = column;
                    count++;
                }
            }
            space();
            byte next = next();
            if (next == '}') {
                return new Places(file, line, ids, columns, count);
            }
            if (next != ',') {
                throw notQuick();
            }
        }
    }

    /**
     * The answer to the question of this step, or null when it is not valid: then its problems, worded as the full way
     * words them, are in {@code problems}. The usual valid answer is read in place; any other value is read as the
     * full way reads it (or, when it is not a plain text, number, true, false, null or list of them, not quick).
     */
    private Answer answerOrNull(int step, String file, int line, List<Problem> problems) throws NotQuick {
        int start = at;
        try {
            return answer(keys.questions[step], step);
        } catch (NotQuick e) {
            at = start;
        }
        return AnswerReader.checked(keys.questions[step], value(file, line), problems).orElse(null);
    }

    /**
     * The value that starts here, as the full way's tree holds it: a text without escapes, a whole number of at most 18
     * digits as JSON writes it, true, false, null, or a list of those. Anything else is not quick.
     */
    private Node value(String file, int line) throws NotQuick {
        Location where = new Location(file, line, at + 1);
        if (peek() != '[') {
            return scalar(where);
        }
        at++;
        List<Node> items = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return new Node.Sequence(where, items);
        }
        while (true) {
            space();
            if (peek() == '[' || peek() == '{') {
                throw notQuick();
            }
            items.add(scalar(new Location(file, line, at + 1)));
            space();
            byte next = next();
            if (next == ']') {
                return new Node.Sequence(where, items);
            }
            if (next != ',') {
                throw notQuick();
            }
        }
    }

    private Node.Scalar scalar(Location where) throws NotQuick {
        byte first = peek();
        if (first == '"') {
            return new Node.Scalar(where, Node.Kind.STRING, string());
        }
        if (first == '-' || first >= '0' && first <= '9') {
            int start = at;
            number();
            return new Node.Scalar(where, Node.Kind.INTEGER, new String(bytes, start, at - start, StandardCharsets.ISO_8859_1));
        }
        if (word("true")) {
            return new Node.Scalar(where, Node.Kind.BOOLEAN, "true");
        }
        if (word("false")) {
            return new Node.Scalar(where, Node.Kind.BOOLEAN, "false");
        }
        if (word("null")) {
            return new Node.Scalar(where, Node.Kind.NULL, "");
        }
        throw notQuick();
    }

    /**
     * The step that this key names the question of, or -1 when it names none (the key is then not read: it may not
     * be a plain string at all).
     */
    private int key() {
        byte[][] ids = keys.ids;
        int n = ids.length;
        for (int k = 0; k < n; k++) {
            int i = expected + k < n ? expected + k : expected + k - n;
            if (quotedIs(ids[i])) {
                expected = i + 1 < n ? i + 1 : 0;
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the string that starts here is exactly this text (an id or a code: plain ASCII, no quote in it); if so,
     * steps over it, as {@link #quoted()} would. Matched in place, without reading the string first.
     */
    private boolean quotedIs(byte[] text) {
        byte[] bytes = this.bytes;
        int start = at + 1;
        int close = start + text.length;
        if (close >= end || bytes[close] != '"' || bytes[at] != '"') {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (bytes[start + i] != text[i]) {
                return false;
            }
        }
        at = close + 1;
        return true;
    }

    /** Whether the bytes from {@code start} are this text (ASCII, as every record read here is). */
    private boolean same(String text, int start, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the time is written the one usual way, 2026-11-22T10:15:00Z, and is a real date and time — which
     * {@code OffsetDateTime.parse} accepts. Any other way of writing it is read the full way, where it is parsed.
     */
    static boolean isPlainUtcTime(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        return day <= daysIn(year, month);
    }

    /** The days of a month of the ISO calendar (as {@code YearMonth.lengthOfMonth}, without making one for each record). */
    private static int daysIn(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The number written by these digits, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A valid answer to the question, as {@code AnswerReader} converts it and {@code question.problems(answer)} finds
     * nothing wrong with it. Any other value is not quick. One small method a kind of question, for the JIT.
     */
    private Answer answer(Question question, int step) throws NotQuick {
        if (question instanceof Question.IntegerQuestion whole) {
            return whole(whole);
        }
        if (question instanceof Question.Multi) {
            return codes(step);
        }
        return single(step);
    }

    private Answer whole(Question.IntegerQuestion question) throws NotQuick {
        Answer answer = new Answer.Number(number());
        long value = ((Answer.Number) answer).value();
        if (!(question.isOutOfScope(answer) || value >= question.min() && value <= question.max())) {
            throw notQuick();
        }
        return answer;
    }

    /** A list of distinct codes, not empty, an exclusive one alone. */
    private Answer codes(int step) throws NotQuick {
        expect('[');
        space();
        int first = code(step);
        space();
        if (peek() == ']') {
            // One code, the usual answer ("none", or one place): the same immutable answer for every record.
            at++;
            return keys.alone[step][first];
        }
        Answer.Code[] answers = keys.answers[step];
        List<String> codes = new ArrayList<>(4);
        codes.add(answers[first].code());
        // An exclusive code ("none") is alone: with any other, the full way words the problem.
        if (keys.exclusive[step][first]) {
            throw notQuick();
        }
        while (true) {
            if (next() != ',') {
                throw notQuick();
            }
            space();
            int option = code(step);
            String code = answers[option].code();
            for (int j = 0; j < codes.size(); j++) {
                if (codes.get(j) == code) {
                    throw notQuick();
                }
            }
            if (keys.exclusive[step][option]) {
                throw notQuick();
            }
            codes.add(code);
            space();
            if (peek() == ']') {
                at++;
                return new Answer.Codes(codes);
            }
        }
    }

    /** A code, or true or false for yes or no when the question has that code. */
    private Answer single(int step) throws NotQuick {
        if (peek() == '"') {
            return keys.answers[step][code(step)];
        }
        Option[] options = keys.options[step];
        String code;
        if (word("true")) {
            code = "yes";
        } else if (word("false")) {
            code = "no";
        } else {
            throw notQuick();
        }
        for (int i = 0; i < options.length; i++) {
            if (options[i].code().equals(code)) {
                return keys.answers[step][i];
            }
        }
        throw notQuick();
    }

    private boolean word(String word) throws NotQuick {
        int n = word.length();
        if (at + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += n;
        if (at < end && isWordByte(bytes[at])) {
            throw notQuick();
        }
        return true;
    }

    private static boolean isWordByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.';
    }

    /** A whole number as JSON writes it: no sign but minus, no leading zero, no fraction or exponent, 18 digits at most. */
    private long number() throws NotQuick {
        int start = at;
        if (at < end && bytes[at] == '-') {
            at++;
        }
        int digits = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        int count = at - digits;
        if (count == 0 || count > 18 || bytes[digits] == '0' && count > 1) {
            throw notQuick();
        }
        if (at < end && isWordByte(bytes[at])) {
            throw notQuick();
        }
        long value = 0;
        for (int i = digits; i < at; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return bytes[start] == '-' ? -value : value;
    }

    /** A string without escapes. */
    private String string() throws NotQuick {
        int start = at + 1;
        int length = quoted();
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Steps over a string without escapes, to just after its closing quote: its text starts one byte after where
     * it did. Returns the text's length.
     */
    private int quoted() throws NotQuick {
        expect('"');
        // In locals: the loop is the reading's hottest, and the quick compiler keeps fields in memory.
        byte[] bytes = this.bytes;
        int end = this.end;
        int start = at;
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b == '"') {
                break;
            }
            // An escape, a raw tab or other control character (JSON allows none inside a string), or a byte of a
            // character beyond ASCII (outside strings the reader takes only ASCII anyway): the full way reads it. Then a
            // column counted in bytes is the column in characters.
            if (b == '\\' || b < 0x20) {
                throw notQuick();
            }
            i++;
        }
        if (i >= end) {
            throw EndsEarly.INSTANCE;
        }
        if (i - start > MAX_TEXT) {
            throw notQuick();
        }
        at = i + 1;
        return i - start;
    }

    /**
     * A string that must be one of the question's codes: the index of its option (no text is made). Any other string
     * is not a valid answer here, so the record is not quick.
     */
    private int code(int step) throws NotQuick {
        byte[][] codes = keys.codes[step];
        for (int i = 0; i < codes.length; i++) {
            if (quotedIs(codes[i])) {
                return i;
            }
        }
        throw notQuick();
    }

    private static String nonBlank(String text) throws NotQuick {
        if (text.isBlank()) {
            throw notQuick();
        }
        return text;
    }

    /**
     * Steps over spaces and tabs. Small enough for the quick compiler to inline at each of its many calls: machine-written
     * records mostly have none, and only a byte that can be one goes to the loop.
     */
    private void space() {
        if (at < end && bytes[at] <= ' ') {
            spaces();
        }
    }

    private void spaces() {
        int i = at;
        while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        at = i;
    }

    private byte peek() throws NotQuick {
        if (at >= end) {
            throw EndsEarly.INSTANCE;
        }
        return bytes[at];
    }

    private byte next() throws NotQuick {
        byte b = peek();
        at++;
        return b;
    }

    private void expect(char c) throws NotQuick {
        if (next() != c) {
            throw notQuick();
        }
    }
}
