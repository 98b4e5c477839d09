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

    private final TokenStreamFactory json;

    public TreeReader() {
        // The limits on nesting and on the length of keys, texts and numbers are checked by the tree builders, at the
        // value's own place and in our words; Jackson's own limits are set beyond them, as a backstop.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH * 4)
                .maxStringLength(MAX_BYTES * 2)
                .maxNameLength(MAX_BYTES * 2)
                .maxNumberLength(MAX_BYTES * 2)
                .maxDocumentLength(MAX_BYTES * 2L)
                .build();
        this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
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
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), text)) {
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

    public static String tooLarge(long bytes) {
        return String.format(java.util.Locale.ROOT, "the file is too large (%.1f MB) — a questionnaire or answer file is at most %d MB",
                bytes / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024));
    }

    private static String decode(byte[] bytes, String source, int firstLine) throws InvalidInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = firstLine;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new InvalidInputException(new Problem(new Location(source, line, column),
                    "the text is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF)
                            + ") — save the file as UTF-8"));
        }
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
            return tooLarge(MAX_BYTES * 2L);
        }
        return "the file is too large or too complex to read — simplify it";
    }

    private static String jsonSyntax(JacksonException e) {
        String m = firstLine(String.valueOf(e.getOriginalMessage()));
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("trailing token") || lower.contains("expected end-of-input")) {
            return "there is more text after the end of the JSON value — remove it";
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
                        "there is more text after the end of the JSON value — remove it"));
                return;
            }
            if (next != null) {
                problems.add(new Problem(here(), "there is more text after the end of the JSON value — remove it"));
            }
        }
    }
}
