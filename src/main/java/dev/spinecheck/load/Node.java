package dev.spinecheck.load;

import java.util.List;
import java.util.Optional;

/** A YAML or JSON value with the place it came from: the tree every loader validates before building the model. */
public sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {

    Location at();

    /** What a person would call this kind of value, for messages like "a list is expected here, not text". */
    String describe();

    record Entry(String key, Location keyAt, Node value) {}

    record Mapping(Location at, List<Entry> entries) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String describe() {
            return "a mapping (key: value lines)";
        }
    }

    record Sequence(Location at, List<Node> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    enum Kind {
        STRING("text"),
        INTEGER("a whole number"),
        DECIMAL("a decimal number"),
        BOOLEAN("true/false"),
        NULL("an empty value");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    record Scalar(Location at, Kind kind, String text) implements Node {
        @Override
        public String describe() {
            return kind == Kind.STRING ? "text ('" + abbreviate(text) + "')" : kind.words + (kind == Kind.NULL ? "" : " (" + abbreviate(text) + ")");
        }

        public boolean isString() {
            return kind == Kind.STRING;
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}
