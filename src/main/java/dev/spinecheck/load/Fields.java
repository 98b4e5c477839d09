package dev.spinecheck.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed, located access to the keys of one mapping; unknown keys and wrong types become problems. */
final class Fields {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Node.Mapping map;
    private final String owner;
    private final List<Problem> problems;

    /** @param owner how messages name this mapping, e.g. "question age" or "the answer file" */
    Fields(Node.Mapping map, String owner, Set<String> allowed, List<Problem> problems) {
        this.map = map;
        this.owner = owner;
        this.problems = problems;
        for (Node.Entry entry : map.entries()) {
            if (!allowed.contains(entry.key())) {
                problems.add(new Problem(entry.keyAt(), "unknown key '" + entry.key() + "' in " + owner + " — "
                        + Suggest.didYouMean(entry.key(), allowed, "use one of: " + String.join(", ", sorted(allowed)))));
            }
        }
    }

    static Optional<Fields> of(Node node, String owner, Set<String> allowed, List<Problem> problems) {
        if (node instanceof Node.Mapping m) {
            return Optional.of(new Fields(m, owner, allowed, problems));
        }
        problems.add(new Problem(node.at(), owner + " must be a mapping of key: value lines, not " + node.describe()
                + " — write it as key: value lines"));
        return Optional.empty();
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }

    Node.Mapping map() {
        return map;
    }

    boolean has(String key) {
        return map.get(key).isPresent();
    }

    Optional<Node> node(String key) {
        return map.get(key);
    }

    Location keyAt(String key) {
        return map.entry(key).map(Node.Entry::keyAt).orElse(map.at());
    }

    private void missing(String key, String what) {
        problems.add(new Problem(map.at(), owner + " has no '" + key + "' — add " + key + ": " + what));
    }

    /**
     * A text value, on one line: line breaks and runs of spaces (from folded or indented YAML) become one space, here
     * and nowhere else, and control, invisible and direction-changing characters are escaped, so that no questionnaire
     * text reaches a terminal with them ({@code validate} warns about them: {@link HiddenCharacters}). Numbers and
     * booleans are refused so that "no" never silently becomes false.
     */
    Optional<String> text(String key, boolean required) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key, "<text>");
            }
            return Optional.empty();
        }
        if (node.get() instanceof Node.Scalar s && s.isString() && !s.text().isBlank()) {
            return Optional.of(oneLine(s.text()));
        }
        problems.add(new Problem(node.get().at(), "'" + key + "' in " + owner + " must be text, not "
                + node.get().describe() + " — put the text in quotes if it looks like a number or yes/no"));
        return Optional.empty();
    }

    /** A code or id: text, or a scalar that YAML may have read as a number or boolean. */
    Optional<String> code(String key, boolean required) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key, "<code>");
            }
            return Optional.empty();
        }
        if (node.get() instanceof Node.Scalar s && s.kind() != Node.Kind.NULL && !s.text().isBlank()) {
            return Optional.of(s.text());
        }
        problems.add(new Problem(node.get().at(), "'" + key + "' in " + owner + " must be a code, not "
                + node.get().describe() + " — write a single word or number, like lower_back or 1.0"));
        return Optional.empty();
    }

    Optional<Long> whole(String key, boolean required) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key, "<whole number>");
            }
            return Optional.empty();
        }
        if (node.get() instanceof Node.Scalar s && s.kind() == Node.Kind.INTEGER) {
            try {
                return Optional.of(Long.parseLong(s.text()));
            } catch (NumberFormatException e) {
                problems.add(new Problem(s.at(), "'" + key + "' in " + owner + " is too large (" + s.text()
                        + ") — write a smaller whole number"));
                return Optional.empty();
            }
        }
        problems.add(new Problem(node.get().at(), "'" + key + "' in " + owner + " must be a whole number, not "
                + node.get().describe() + " — write a plain whole number, like 16 (no quotes, no + sign)"));
        return Optional.empty();
    }

    boolean flag(String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get() instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problems.add(new Problem(node.get().at(), "'" + key + "' in " + owner + " must be true or false, not "
                + node.get().describe() + " — write true or false"));
        return false;
    }

    Optional<List<Node>> list(String key, boolean required) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key, "a list");
            }
            return Optional.empty();
        }
        if (node.get() instanceof Node.Sequence seq) {
            return Optional.of(seq.items());
        }
        problems.add(new Problem(node.get().at(), "'" + key + "' in " + owner + " must be a list, not "
                + node.get().describe() + " — write each entry on its own line starting with '- '"));
        return Optional.empty();
    }

    /** A list of texts, each on one line and made safe as {@link #text} makes it. */
    List<String> texts(String key, boolean required) {
        List<String> texts = new ArrayList<>();
        for (Node item : list(key, required).orElse(List.of())) {
            if (item instanceof Node.Scalar s && s.isString() && !s.text().isBlank()) {
                texts.add(oneLine(s.text()));
            } else {
                problems.add(new Problem(item.at(), "each entry of '" + key + "' in " + owner + " must be text, not "
                        + item.describe() + " — put it in quotes"));
            }
        }
        return texts;
    }

    /** Whitespace normalised (trimmed, every run of white space one space), then made safe for a terminal. */
    static String oneLine(String text) {
        return SafeText.oneLine(WHITESPACE.matcher(text.strip()).replaceAll(" "));
    }

    Optional<Fields> mapping(String key, String what, Set<String> allowed, boolean required) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key, "a mapping");
            }
            return Optional.empty();
        }
        return of(node.get(), what, allowed, problems);
    }
}
