package dev.spinecheck.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds the located tree of a YAML text from the YAML library's event stream (snakeyaml-engine, which Jackson's YAML
 * support is built on). Reading the events directly finds every anchor and alias exactly where it is — on a list, a
 * mapping or a single value — and never where there is none ({@code a & b}, or {@code &x} inside a block of text).
 * The limits (nesting, the length of a key, a text or a number) are checked here, at the value's own place; a syntax
 * error is told by {@link YamlSyntax} in the author's terms.
 *
 * <p>Scalars are typed as Jackson types them (the YAML JSON schema): {@code true}/{@code false}, {@code null}, and
 * plain decimal numbers; everything else, {@code yes}, {@code no} and {@code 012} included, is text.
 */
final class YamlTree {
    private static final ScalarResolver RESOLVER = new JsonScalarResolver();
    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    /** What the reader was inside when an error came: for messages like "not lined up with 'code' above it". */
    record Open(boolean mapping, boolean flow, Location at) {}

    /** A key read in block style (not inside [ ] or { }), with its place: what a line may be lined up with. */
    record Key(String text, Location at) {}

    /** A quoted text read, with where it starts and ends: one that runs over lines may be a quote left open. */
    record Quoted(char quote, Location start, Location end) {}

    private final String text;
    private final String source;
    private final int firstLine;
    private final List<Problem> problems;
    private final ParserImpl parser;
    private final Deque<Open> open = new ArrayDeque<>();
    private Key lastKey;
    private Quoted lastQuoted;
    private boolean firstDocumentEnded;

    private YamlTree(String text, String source, int firstLine, List<Problem> problems) {
        this.text = text;
        this.source = source;
        this.firstLine = firstLine;
        this.problems = problems;
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
        this.parser = new ParserImpl(settings, new StreamReader(settings, text));
    }

    /**
     * Reads the one document of the text. Problems that do not stop reading (an anchor, a duplicate key, a value too
     * long) are added to {@code problems}; a syntax error, an empty file or too deep nesting is thrown.
     */
    static Node read(String text, String source, int firstLine, List<Problem> problems) throws InvalidInputException {
        return new YamlTree(text, source, firstLine, problems).document();
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Stop(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    private Node document() throws InvalidInputException {
        try {
            next(); // the stream starts
            Event event = next();
            if (event.getEventId() == Event.ID.StreamEnd) {
                throw new Stop(new Problem(new Location(source, firstLine, 1), "the " + (firstLine > 1 ? "line" : "file")
                        + " is empty — it needs the answers (or questionnaire) as key: value lines"));
            }
            Node root = value(next(), 1);
            next(); // the document ends
            firstDocumentEnded = true;
            Event after = next();
            if (after.getEventId() == Event.ID.DocumentStart) {
                problems.add(new Problem(at(after), moreThanOneDocument()));
            }
            return root;
        } catch (Stop stop) {
            throw new InvalidInputException(stop.problem);
        } catch (MarkedYamlEngineException e) {
            if (firstDocumentEnded) {
                throw new InvalidInputException(new Problem(e.getProblemMark().map(this::at).orElse(Location.start(source)),
                        moreThanOneDocument()));
            }
            throw new InvalidInputException(new YamlSyntax(text, source, firstLine, open, lastKey, lastQuoted).explain(e));
        } catch (ReaderException e) {
            throw new InvalidInputException(YamlSyntax.unreadable(text, source, firstLine, e));
        } catch (YamlEngineException e) {
            throw new InvalidInputException(new Problem(Location.start(source), "this is not valid YAML"
                    + " — check the indentation, colons, brackets and quotes"));
        }
    }

    private static String moreThanOneDocument() {
        return "there is more than one YAML document (---) in this file — keep one document per file";
    }

    private Event next() {
        return parser.next();
    }

    private Location at(Event event) {
        return event.getStartMark().map(this::at).orElse(Location.start(source));
    }

    Location at(Mark mark) {
        return new Location(source, mark.getLine() + firstLine, mark.getColumn() + 1);
    }

    private Node value(Event event, int depth) {
        if (event instanceof AliasEvent alias) {
            String name = alias.getAnchor().map(Object::toString).orElse("");
            problems.add(new Problem(at(event), "an alias (*" + name + ") is not allowed — write the value out in full"));
            return new Node.Scalar(at(event), Node.Kind.STRING, name);
        }
        if (event instanceof NodeEvent node) {
            node.getAnchor().ifPresent(a -> problems.add(new Problem(at(event), "an anchor (&" + a
                    + ") is not allowed — write each value out in full")));
        }
        return switch (event.getEventId()) {
            case Scalar -> scalar((ScalarEvent) event);
            case MappingStart -> mapping(event, depth);
            case SequenceStart -> sequence(event, depth);
            default -> throw new Stop(new Problem(at(event), "this is not valid YAML here — check the indentation, colons,"
                    + " brackets and quotes"));
        };
    }

    private void deeper(Event event, int depth) {
        if (depth > TreeReader.MAX_DEPTH) {
            throw new Stop(new Problem(at(event), "the values are nested too deeply (more than " + TreeReader.MAX_DEPTH
                    + " levels) — flatten the file"));
        }
    }

    private Node mapping(Event start, int depth) {
        deeper(start, depth);
        Location at = at(start);
        open.push(new Open(true, ((org.snakeyaml.engine.v2.events.CollectionStartEvent) start).isFlow(), at));
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Event event = next(); event.getEventId() != Event.ID.MappingEnd; event = next()) {
            Location keyAt = at(event);
            Optional<String> key = key(event, depth);
            Node value = value(next(), depth + 1);
            if (key.isEmpty()) {
                continue;
            }
            if ("<<".equals(key.get())) {
                problems.add(new Problem(keyAt, "a merge key (<<) is not allowed — write the keys out in full"));
            }
            Location first = seen.putIfAbsent(key.get(), keyAt);
            if (first != null) {
                problems.add(new Problem(keyAt, "duplicate key '" + key.get() + "' (first on line " + first.line()
                        + ") — keep only one"));
            } else {
                entries.add(new Node.Entry(key.get(), keyAt, value));
            }
        }
        open.pop();
        return new Node.Mapping(at, entries);
    }

    /** A key is a single value; a list or mapping as a key is refused (and read past). */
    private Optional<String> key(Event event, int depth) {
        Node key = value(event, depth + 1);
        if (!(key instanceof Node.Scalar s)) {
            problems.add(new Problem(key.at(), "a key must be a word or a text, not " + key.describe()
                    + " — write key: value, with the key on the left of the ':'"));
            return Optional.empty();
        }
        if (s.text().length() > TreeReader.MAX_NAME) {
            problems.add(new Problem(s.at(), "a key is too long (more than " + TreeReader.MAX_NAME + " characters) — shorten it"));
            return Optional.of(s.text().substring(0, 40));
        }
        if (open.isEmpty() || !open.peek().flow()) {
            lastKey = new Key(s.text(), s.at());
        }
        return Optional.of(s.text());
    }

    private Node sequence(Event start, int depth) {
        deeper(start, depth);
        Location at = at(start);
        open.push(new Open(false, ((org.snakeyaml.engine.v2.events.CollectionStartEvent) start).isFlow(), at));
        List<Node> items = new ArrayList<>();
        for (Event event = next(); event.getEventId() != Event.ID.SequenceEnd; event = next()) {
            items.add(value(event, depth + 1));
        }
        open.pop();
        return new Node.Sequence(at, items);
    }

    private Node scalar(ScalarEvent event) {
        Location at = at(event);
        String value = event.getValue();
        if (event.isDQuoted() || event.isSQuoted()) {
            lastQuoted = new Quoted(event.isDQuoted() ? '"' : '\'', at, event.getEndMark().map(this::at).orElse(at));
        }
        Optional<String> tag = event.getTag().filter(t -> !t.equals("!"));
        if (tag.isPresent()) {
            if (!tag.get().equals(STRING_TAG)) {
                problems.add(new Problem(at, "a tag (" + tag.get().replace("tag:yaml.org,2002:", "!!")
                        + ") is not allowed — remove it, and put the value in quotes if it is text"));
            }
            return new Node.Scalar(at, Node.Kind.STRING, limited(value, at));
        }
        if (value.isEmpty()) {
            return new Node.Scalar(at, Node.Kind.STRING, "");
        }
        Tag resolved = RESOLVER.resolve(value, event.getImplicit().canOmitTagInPlainScalar());
        if (resolved == Tag.INT || resolved == Tag.FLOAT) {
            if (value.length() > TreeReader.MAX_NUMBER) {
                problems.add(new Problem(at, "a number is too long (more than " + TreeReader.MAX_NUMBER
                        + " digits) — no answer or setting needs one this long"));
                return new Node.Scalar(at, Node.Kind.STRING, value.substring(0, 40));
            }
            return new Node.Scalar(at, resolved == Tag.INT ? Node.Kind.INTEGER : Node.Kind.DECIMAL, value);
        }
        if (resolved == Tag.BOOL) {
            return new Node.Scalar(at, Node.Kind.BOOLEAN, value);
        }
        if (resolved == Tag.NULL) {
            return new Node.Scalar(at, Node.Kind.NULL, "");
        }
        return new Node.Scalar(at, Node.Kind.STRING, limited(value, at));
    }

    private String limited(String value, Location at) {
        if (value.length() > TreeReader.MAX_STRING) {
            problems.add(new Problem(at, "a text value is too long (more than " + TreeReader.MAX_STRING + " characters) — shorten it"));
            return value.substring(0, 40);
        }
        return value;
    }
}
