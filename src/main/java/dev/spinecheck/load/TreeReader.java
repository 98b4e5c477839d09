package dev.spinecheck.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads YAML or JSON text into a {@link Node} tree that remembers where every value came from. Everything a
 * questionnaire or answer file must not contain is refused here, each with its place: text that is not UTF-8,
 * syntax errors, duplicate keys, anchors, aliases and merge keys, more than one document, an empty document, too
 * deep nesting, too long keys, texts and numbers. YAML is read from the YAML library's events ({@link YamlTree}),
 * JSON from Jackson's tokens.
 */
public final class TreeReader {

    /** Larger inputs are refused before they are read: no questionnaire or answer set comes near this. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 100_000;
    static final int MAX_NAME = 1000;
    static final int MAX_NUMBER = 100;

    public enum Syntax {
        YAML,
        JSON
    }

    /**
     * Made on the first JSON text: a YAML-only run never loads Jackson. (Two threads may each make one; they are
     * the same, and either may be kept.)
     */
    private volatile TokenStreamFactory json;

    private TokenStreamFactory json() {
        TokenStreamFactory factory = json;
        if (factory == null) {
            // The limits on nesting and on the length of keys, texts and numbers are checked by the tree builders, at
            // the value's own place and in our words; Jackson's own limits are set beyond them, as a backstop.
            StreamReadConstraints constraints = StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH * 4)
                    .maxStringLength(MAX_BYTES * 2)
                    .maxNameLength(MAX_BYTES * 2)
                    .maxNumberLength(MAX_BYTES * 2)
                    .maxDocumentLength(MAX_BYTES * 2L)
                    .build();
            factory = JsonFactory.builder().streamReadConstraints(constraints).build();
            json = factory;
        }
        return factory;
    }

    /** Which syntax a file name asks for: JSON for {@code .json} and {@code .jsonl}, YAML otherwise. */
    public static Syntax syntaxFor(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".jsonl") ? Syntax.JSON : Syntax.YAML;
    }

    /**
     * Reads one document. {@code firstLine} is the line the text starts on in its file (1 for a file, the line
     * number of a JSON Lines record), so that locations point into the real file.
     */
    public Node read(byte[] bytes, String source, Syntax syntax, int firstLine) throws InvalidInputException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(new Problem(Location.start(source), tooLarge(bytes.length)));
        }
        String text = decode(bytes, source, firstLine);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Problem> problems = new ArrayList<>();
        Node root = syntax == Syntax.YAML ? YamlTree.read(text, source, firstLine, problems) : json(text, source, firstLine, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(QuestionnaireReader.sorted(problems));
        }
        return root;
    }

    private Node json(String text, String source, int firstLine, List<Problem> problems) throws InvalidInputException {
        try (JsonParser parser = json().createParser(ObjectReadContext.empty(), text)) {
            Builder builder = new Builder(parser, source, firstLine, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(new Problem(new Location(source, firstLine, 1),
                        "the " + (firstLine > 1 ? "line" : "file") + " is empty — it needs the answers (or questionnaire) as key: value lines"));
            }
            Node root = builder.value();
            builder.expectEnd();
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(new Problem(locate(e.getLocation(), source, firstLine), constraintMessage(e)));
        } catch (JacksonException e) {
            throw new InvalidInputException(new Problem(locate(e.getLocation(), source, firstLine), jsonSyntax(e)));
        }
    }

    /** Its real size, and the limit: "(5.0 MB)", or "(more than 2.0 MB)" when the size rounds to the limit. */
    public static String tooLarge(long bytes) {
        String size = String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        String limit = String.format(java.util.Locale.ROOT, "%.1f MB", MAX_BYTES / (1024.0 * 1024.0));
        return "the file is too large (" + (size.equals(limit) ? "more than " : "") + size + ") — a questionnaire or answer file is at most "
                + MAX_BYTES / (1024 * 1024) + " MB";
    }

    /** When only a lower bound of the size is known. */
    private static String tooLargeAtLeast(long bytes) {
        return "the file is too large (more than " + bytes / (1024 * 1024) + " MB) — a questionnaire or answer file is at most "
                + MAX_BYTES / (1024 * 1024) + " MB";
    }

    private static String decode(byte[] bytes, String source, int firstLine) throws InvalidInputException {
        refuseUtf16AndNul(bytes, source, firstLine);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            throw new InvalidInputException(new Problem(place(bytes, bad, source, firstLine),
                    "the text is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF)
                            + ") — save the file as UTF-8"));
        }
    }

    /**
     * UTF-16 text (with or without its byte-order mark) and NUL bytes are named as what they are: as UTF-8 they would
     * be "not valid UTF-8" or a YAML "special character".
     */
    private static void refuseUtf16AndNul(byte[] bytes, String source, int firstLine) throws InvalidInputException {
        String what = firstLine > 1 ? "line" : "file";
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new InvalidInputException(new Problem(new Location(source, firstLine, 1), "the " + what
                    + " is UTF-16 text (it starts with a UTF-16 byte-order mark) — save it as UTF-8"));
        }
        int nul = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            return;
        }
        if (looksLikeUtf16(bytes)) {
            throw new InvalidInputException(new Problem(new Location(source, firstLine, 1), "the " + what
                    + " looks like UTF-16 text without a byte-order mark (every other byte is 0) — save it as UTF-8"));
        }
        throw new InvalidInputException(new Problem(place(bytes, nul, source, firstLine), "the " + what
                + " holds a NUL byte (0x00), which no text file has — remove it, or check that this is the right file"));
    }

    /** ASCII text in UTF-16: in the first bytes, a 0 in every even (big-endian) or every odd (little-endian) place. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int n = Math.min(bytes.length, 200) & ~1;
        if (n < 2) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = n / 2;
        return evenZeros >= pairs * 3 / 4 && oddZeros == 0 || oddZeros >= pairs * 3 / 4 && evenZeros == 0;
    }

    /** The line and column (in characters) of a byte. */
    private static Location place(byte[] bytes, int index, String source, int firstLine) {
        int line = firstLine;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Location(source, line, column);
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static Location locate(TokenStreamLocation at, String source, int firstLine) {
        if (at == null || at.getLineNr() < 1) {
            return new Location(source, firstLine, 1);
        }
        return new Location(source, at.getLineNr() + firstLine - 1, Math.max(1, at.getColumnNr()));
    }

    private static String constraintMessage(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "the values are nested too deeply (more than " + MAX_DEPTH + " levels) — flatten the file";
        }
        if (m.contains("String value length")) {
            return "a text value is too long (more than " + MAX_STRING + " characters) — shorten it";
        }
        if (m.contains("Document length")) {
            return tooLargeAtLeast(MAX_BYTES * 2L);
        }
        return "the file is too large or too complex to read — simplify it";
    }

    /** Said when a JSON text stops before its value is complete (a file cut short, a missing bracket). */
    static final String JSON_ENDS_EARLY = "the JSON ends too early: a closing } ] or \" is missing — check that the whole file was"
            + " saved, and that every { [ and \" is closed";
    static final String JSON_MORE_TEXT = "there is more text after the end of the JSON value — remove it";

    private static String jsonSyntax(JacksonException e) {
        String m = firstLine(String.valueOf(e.getOriginalMessage()));
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unexpected end-of-input")) {
            return JSON_ENDS_EARLY;
        }
        if (lower.contains("trailing token") || lower.contains("expected end-of-input")) {
            return JSON_MORE_TEXT;
        }
        return "this is not valid JSON (" + m + ") — check brackets, quotes and commas";
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.strip();
    }

    /** Builds the tree from the token stream, collecting the problems that do not stop reading. */
    private static final class Builder {
        private final JsonParser parser;
        private final String source;
        private final int firstLine;
        private final List<Problem> problems;

        Builder(JsonParser parser, String source, int firstLine, List<Problem> problems) {
            this.parser = parser;
            this.source = source;
            this.firstLine = firstLine;
            this.problems = problems;
        }

        private Location here() {
            return locate(parser.currentTokenLocation(), source, firstLine);
        }

        /** Reads the value at the current token. */
        Node value() throws InvalidInputException {
            return value(1);
        }

        private Node value(int depth) throws InvalidInputException {
            Location at = here();
            JsonToken token = parser.currentToken();
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
                throw new InvalidInputException(new Problem(at, "the values are nested too deeply (more than " + MAX_DEPTH
                        + " levels) — flatten the file"));
            }
            return switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_STRING -> new Node.Scalar(at, Node.Kind.STRING, limited(parser.getString(), at));
                case VALUE_NUMBER_INT -> number(at, Node.Kind.INTEGER);
                case VALUE_NUMBER_FLOAT -> number(at, Node.Kind.DECIMAL);
                case VALUE_TRUE -> new Node.Scalar(at, Node.Kind.BOOLEAN, "true");
                case VALUE_FALSE -> new Node.Scalar(at, Node.Kind.BOOLEAN, "false");
                case VALUE_NULL -> new Node.Scalar(at, Node.Kind.NULL, "");
                default -> new Node.Scalar(at, Node.Kind.STRING, String.valueOf(parser.getString()));
            };
        }

        private Node number(Location at, Node.Kind kind) {
            String text = parser.getString();
            if (text.length() > MAX_NUMBER) {
                problems.add(new Problem(at, "a number is too long (more than " + MAX_NUMBER
                        + " digits) — no answer or setting needs one this long"));
                return new Node.Scalar(at, Node.Kind.STRING, text.substring(0, 40));
            }
            return new Node.Scalar(at, kind, text);
        }

        private String limited(String text, Location at) {
            if (text.length() > MAX_STRING) {
                problems.add(new Problem(at, "a text value is too long (more than " + MAX_STRING + " characters) — shorten it"));
                return text.substring(0, 40);
            }
            return text;
        }

        private Node mapping(Location at, int depth) throws InvalidInputException {
            List<Node.Entry> entries = new ArrayList<>();
            Map<String, Location> seen = new HashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                Location keyAt = here();
                String key = parser.currentName();
                if (key.length() > MAX_NAME) {
                    problems.add(new Problem(keyAt, "a key is too long (more than " + MAX_NAME + " characters) — shorten it"));
                    key = key.substring(0, 40);
                }
                parser.nextToken();
                Node value = value(depth + 1);
                Location first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(new Problem(keyAt, "duplicate key '" + key + "' (first on line " + first.line()
                            + ") — keep only one"));
                } else {
                    entries.add(new Node.Entry(key, keyAt, value));
                }
            }
            return new Node.Mapping(at, entries);
        }

        private Node sequence(Location at, int depth) throws InvalidInputException {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(depth + 1));
            }
            return new Node.Sequence(at, items);
        }

        void expectEnd() {
            JsonToken next;
            try {
                next = parser.nextToken();
            } catch (JacksonException e) {
                problems.add(new Problem(locate(e.getLocation(), source, firstLine),
                        JSON_MORE_TEXT));
                return;
            }
            if (next != null) {
                problems.add(new Problem(here(), JSON_MORE_TEXT));
            }
        }
    }
}
