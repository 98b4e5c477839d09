package dev.spinecheck.load;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link TopicLibrary} of {@code spinecheck learn} from the located trees of its index and topic files,
 * finding every problem in one pass: a missing part, a wrong type, a topic listed without a file or a file not
 * listed, a file whose {@code topic} is not its name, and a link to a topic that does not exist.
 */
public final class TopicReader {
    public static final String INDEX = "topics.yaml";
    /** A summary is one line of a list: longer, and it is no longer a summary. */
    static final int MAX_SUMMARY = 160;

    private static final Set<String> INDEX_KEYS = Set.of("topics", "disclaimer");
    private static final Set<String> TOPIC = Set.of("topic", "title", "summary", "body", "questions", "sources", "checked");
    private static final Set<String> BLOCKS = Set.of("list", "see", "safety_net");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** A topic file read into its tree, with the name it is reported under. */
    public record TopicFile(String id, String source, Node root) {}

    private final List<Problem> problems;
    private final Map<String, Location> listed = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    private record Link(String from, String to, Location at) {}

    private TopicReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** The well-formed names the index lists, for a loader to find their files; read() reports the rest. */
    public static List<String> names(Node index) {
        List<String> names = new ArrayList<>();
        if (index instanceof Node.Mapping map && map.get("topics").orElse(null) instanceof Node.Sequence seq) {
            for (Node entry : seq.items()) {
                if (entry instanceof Node.Scalar s && ID.matcher(s.text()).matches() && !names.contains(s.text())) {
                    names.add(s.text());
                }
            }
        }
        return names;
    }

    /**
     * What a loader found beside the index: the topic files it could read into trees (by id), the ids whose file exists
     * but could not be read (its problems are among {@code problems}), the sources of files the index does not list,
     * and the problems found so far.
     */
    public record Found(Map<String, TopicFile> readable, Set<String> unreadable, List<String> unlisted, List<Problem> problems) {}

    /** Reads the library, reporting every problem of the index, the topics and the links between them at once. */
    public static TopicLibrary read(Node index, Found found) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>(found.problems());
        TopicReader reader = new TopicReader(problems);
        String disclaimer = reader.index(index);
        for (String source : found.unlisted()) {
            problems.add(new Problem(Location.start(source), "this topic is not listed in " + INDEX
                    + " — add its name to the topics there, or remove the file"));
        }
        List<Topic> topics = new ArrayList<>();
        for (Map.Entry<String, Location> entry : reader.listed.entrySet()) {
            TopicFile file = found.readable().get(entry.getKey());
            if (file != null) {
                reader.topic(file).ifPresent(topics::add);
            } else if (!found.unreadable().contains(entry.getKey())) {
                problems.add(new Problem(entry.getValue(), "the topic '" + entry.getKey() + "' has no file — add "
                        + entry.getKey() + ".yaml beside " + INDEX + ", or remove it from the list"));
            }
        }
        reader.checkLinks();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new TopicLibrary(topics, disclaimer);
    }

    /** By file, then line and column. */
    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(java.util.Comparator.comparing((Problem p) -> p.at().source()).thenComparingInt(p -> p.at().line())
                .thenComparingInt(p -> p.at().column()));
        return copy;
    }

    private String index(Node index) {
        Optional<Fields> top = Fields.of(index, "the topic list", INDEX_KEYS, problems);
        if (top.isEmpty()) {
            return "";
        }
        Fields f = top.get();
        List<Node> entries = f.list("topics", true).orElse(List.of());
        if (f.has("topics") && entries.isEmpty()) {
            problems.add(new Problem(f.keyAt("topics"), "the topic list is empty — add the name of at least one topic"));
        }
        for (Node entry : entries) {
            if (!(entry instanceof Node.Scalar s) || s.kind() == Node.Kind.NULL || s.text().isBlank()) {
                problems.add(new Problem(entry.at(), "each entry of 'topics' must be a topic name, not " + entry.describe()
                        + " — write a name like try-first"));
                continue;
            }
            String id = s.text();
            if (!ID.matcher(id).matches()) {
                problems.add(new Problem(s.at(), "the topic name '" + id
                        + "' may use only lower-case letters, digits and '-' — rename it, like try-first"));
                continue;
            }
            Location first = listed.putIfAbsent(id, s.at());
            if (first != null) {
                problems.add(new Problem(s.at(), "the topic '" + id + "' is listed twice (first on line " + first.line()
                        + ") — keep only one"));
            }
        }
        return f.text("disclaimer", true).orElse("");
    }

    private Optional<Topic> topic(TopicFile file) {
        Optional<Fields> top = Fields.of(file.root(), "the topic " + file.id(), TOPIC, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields f = top.get();
        String owner = "the topic " + file.id();
        if (!f.has("topic")) {
            problems.add(new Problem(f.map().at(), owner + " has no 'topic' — add topic: " + file.id()));
        }
        f.code("topic", false).ifPresent(id -> {
            if (!id.equals(file.id())) {
                problems.add(new Problem(f.node("topic").orElseThrow().at(), "the topic is called '" + id + "' but its file is "
                        + file.id() + ".yaml — make them the same"));
            }
        });
        String title = f.text("title", true).orElse("");
        String summary = f.text("summary", true).orElse("");
        if (summary.length() > MAX_SUMMARY) {
            problems.add(new Problem(f.node("summary").orElseThrow().at(), "the summary is " + summary.length()
                    + " characters long — keep it to one line of at most " + MAX_SUMMARY));
        }
        List<Topic.Block> body = body(f, file.id(), owner);
        List<String> questions = nonEmptyTexts(f, "questions", owner, "a question to ask your doctor or specialist");
        List<String> sources = nonEmptyTexts(f, "sources", owner, "the page or guidance it was written from");
        Optional<LocalDate> checked = checked(f, owner);
        return checked.map(date -> new Topic(file.id(), title, summary, body, questions, sources, date));
    }

    private List<Topic.Block> body(Fields f, String id, String owner) {
        List<Node> nodes = f.list("body", true).orElse(List.of());
        if (f.has("body") && nodes.isEmpty()) {
            problems.add(new Problem(f.keyAt("body"), "the body of " + owner + " is empty — add its paragraphs"));
        } else if (!nodes.isEmpty() && nodes.stream().noneMatch(n -> n instanceof Node.Scalar s && s.isString())) {
            problems.add(new Problem(f.keyAt("body"), "the body of " + owner + " has no paragraph — add at least one paragraph of text"));
        }
        List<Topic.Block> blocks = new ArrayList<>();
        for (Node node : nodes) {
            block(node, id, owner).ifPresent(blocks::add);
        }
        return blocks;
    }

    /** A paragraph is plain text; a list, a link or the safety net is a mapping with that one key. */
    private Optional<Topic.Block> block(Node node, String id, String owner) {
        if (node instanceof Node.Scalar s && s.isString() && !s.text().isBlank()) {
            return Optional.of(new Topic.Paragraph(Fields.oneLine(s.text())));
        }
        if (!(node instanceof Node.Mapping map) || map.entries().size() != 1) {
            problems.add(new Problem(node.at(), "each part of the body of " + owner + " must be a paragraph of text, or one of "
                    + "list:, see: or safety_net:, not " + node.describe() + " — write one part per entry"));
            return Optional.empty();
        }
        Node.Entry entry = map.entries().get(0);
        Fields part = new Fields(map, "the body of " + owner, BLOCKS, problems);
        return switch (entry.key()) {
            case "list" -> {
                List<String> items = part.texts("list", true);
                if (items.isEmpty() && entry.value() instanceof Node.Sequence) {
                    problems.add(new Problem(entry.keyAt(), "a list in " + owner + " is empty — add its items"));
                }
                yield items.isEmpty() ? Optional.empty() : Optional.of(new Topic.Bullets(items));
            }
            case "see" -> part.code("see", true).map(to -> {
                links.add(new Link(id, to, entry.value().at()));
                return new Topic.See(to);
            });
            case "safety_net" -> part.text("safety_net", true).map(Topic.SafetyNet::new);
            default -> Optional.empty();
        };
    }

    private List<String> nonEmptyTexts(Fields f, String key, String owner, String what) {
        List<String> texts = f.texts(key, true);
        if (f.node(key).orElse(null) instanceof Node.Sequence seq && seq.items().isEmpty()) {
            problems.add(new Problem(f.keyAt(key), "the " + key + " of " + owner + " are empty — add at least one: " + what));
        }
        return texts;
    }

    private Optional<LocalDate> checked(Fields f, String owner) {
        if (!f.has("checked")) {
            problems.add(new Problem(f.map().at(), owner + " has no 'checked' — add checked: and the date it was last checked,"
                    + " like 2026-12-02"));
        }
        Optional<String> text = f.code("checked", false);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(f.node("checked").orElseThrow().at(), "'checked' in " + owner + " must be the date it was"
                    + " last checked, like 2026-12-02, not '" + text.get() + "' — write the date as year-month-day"));
            return Optional.empty();
        }
    }

    private void checkLinks() {
        for (Link link : links) {
            if (link.to().equals(link.from())) {
                problems.add(new Problem(link.at(), "the topic " + link.from() + " links to itself — link to another topic"));
            } else if (!listed.containsKey(link.to())) {
                problems.add(new Problem(link.at(), "the link to '" + link.to() + "' goes to no topic — "
                        + Suggest.didYouMean(link.to(), listed.keySet(), "link to one of: " + String.join(", ", listed.keySet()))));
            }
        }
    }

    /** A link to a topic from elsewhere (the questionnaire's advice), with where it is written. */
    public record LinkAt(String topic, Location at) {}

    /** The links from elsewhere that go to no topic of the library, each a problem at its place. */
    public static List<Problem> deadLinks(List<LinkAt> links, TopicLibrary library, String owner) {
        List<Problem> dead = new ArrayList<>();
        for (LinkAt link : links) {
            if (library.topic(link.topic()).isEmpty()) {
                dead.add(new Problem(link.at(), owner + " links to the topic '" + link.topic() + "', which does not exist — "
                        + Suggest.didYouMean(link.topic(), library.ids(), "link to one of: " + String.join(", ", library.ids()))));
            }
        }
        return sorted(dead);
    }
}
