package dev.spinecheck.load;

import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

/**
 * A YAML syntax error told in the author's terms ("'text' is not lined up with 'code' above it"), built from the YAML
 * library's structured error — what it was reading (the context, and where that started) and where it found the
 * problem — together with the text at those places and what the reader had read before: never from the words of the
 * library's message.
 */
final class YamlSyntax {
    private final String[] lines;
    private final String source;
    private final int firstLine;
    private final Deque<YamlTree.Open> open;
    private final YamlTree.Key lastKey;
    private final YamlTree.Quoted lastQuoted;

    YamlSyntax(String text, String source, int firstLine, Deque<YamlTree.Open> open, YamlTree.Key lastKey, YamlTree.Quoted lastQuoted) {
        this.lines = text.split("\n", -1);
        this.source = source;
        this.firstLine = firstLine;
        this.open = open;
        this.lastKey = lastKey;
        this.lastQuoted = lastQuoted;
    }

    Problem explain(MarkedYamlEngineException e) {
        Location tab = tabIndentation();
        if (tab != null) {
            return new Problem(tab, "a tab is used for indentation — indent with spaces only");
        }
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> contextMark = e.getContextMark();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark mark = problemMark.or(() -> contextMark).orElse(null);
        if (mark == null) {
            return new Problem(Location.start(source), generic());
        }
        Location at = at(mark);
        if (lastQuoted != null && lastQuoted.end().line() > lastQuoted.start().line() && lastQuoted.end().line() == at.line()) {
            String quote = String.valueOf(lastQuoted.quote());
            return new Problem(lastQuoted.start(), "the quote " + quote + " that starts here is closed only on line "
                    + lastQuoted.end().line() + ", so the lines between are read as one text — end the text with " + quote
                    + " on this line");
        }
        int before = charBefore(mark);
        int here = charAt(mark);
        switch (context) {
            case "while scanning a quoted scalar", "while scanning a double-quoted scalar", "while scanning a single-quoted scalar": {
                if (before == '\\') {
                    String escape = "\\" + (here < 0 ? "" : Character.toString(here));
                    return new Problem(new Location(source, at.line(), Math.max(1, at.column() - 1)), "'" + escape
                            + "' is not an escape YAML knows inside double quotes — write \\\\ for a backslash, or use single quotes");
                }
                Mark start = contextMark.orElse(mark);
                String quote = charAt(start) == '\'' ? "'" : "\"";
                return new Problem(at(start), "the quote " + quote + " that starts here is never closed — end the text with "
                        + quote + (quote.equals("'") ? " (write '' for a ' inside it)" : " (write \\\" for a \" inside it)"));
            }
            case "while parsing a flow sequence", "while parsing a flow mapping": {
                boolean list = context.endsWith("sequence");
                String opening = list ? "[" : "{";
                String closing = list ? "]" : "}";
                String started = contextMark.map(m -> " on line " + at(m).line() + " (column " + at(m).column() + ")").orElse("");
                return new Problem(at, "the " + (list ? "list" : "mapping") + " that starts with '" + opening + "'" + started
                        + " is not closed before here — close it with '" + closing + "' and separate its entries with ','"
                        + " (or put the value in quotes if the '" + opening + "' is part of a text)");
            }
            case "while parsing a block mapping", "while parsing a block collection":
                return notLinedUp(at, mark);
            case "while scanning a simple key": {
                Location start = contextMark.map(this::at).orElse(at);
                return new Problem(start, "this line has no ':' after its key — write it as key: value (put a text that"
                        + " runs over several lines in quotes, or indent its later lines further)");
            }
            case "while scanning an anchor", "while scanning an alias":
                return new Problem(contextMark.map(this::at).orElse(at), "a value that starts with '&' or '*' means an anchor"
                        + " or an alias in YAML — put the value in quotes");
            case "while scanning a directive":
                return new Problem(contextMark.map(this::at).orElse(at), "a line that starts with '%' is a YAML directive"
                        + " — put the text in quotes");
            case "while scanning a block scalar":
                return new Problem(contextMark.map(this::at).orElse(at), "the text block started with '|' or '>' here is"
                        + " not written as YAML expects — put nothing but a comment after the '|' or '>', and indent the text"
                        + " under it");
            default:
                break;
        }
        if (here == ':') {
            return secondColon(at, mark);
        }
        if (here == '@' || here == '`' || here == '%' || here == '!' || here == '|' || here == '>' || here == ']' || here == '}') {
            return new Problem(at, "a value cannot start with '" + Character.toString(here) + "' here — put the value in quotes");
        }
        return new Problem(at, generic() + contextMark.map(m -> " (in what starts on line " + at(m).line() + ")").orElse(""));
    }

    /** A line indented unlike the lines it belongs with. */
    private Problem notLinedUp(Location at, Mark mark) {
        String token = tokenAt(mark);
        String line = lineOf(mark);
        if (!line.substring(0, Math.min(line.length(), offset(line, mark.getColumn()))).isBlank()) {
            String what = here(mark);
            return new Problem(at, "unexpected " + what + " after a complete value — remove it (a stray ']' or '}'?), or put"
                    + " the whole value in quotes");
        }
        if (token.startsWith("-")) {
            return new Problem(at, "this list entry is not lined up with what is above it — indent each '- ' of a list"
                    + " exactly as far as the others, under its key");
        }
        if (lastKey != null && lastKey.at().column() != at.column()) {
            return new Problem(at, "'" + token + "' is not lined up with '" + lastKey.text() + "' above it — indent it exactly as"
                    + " far as " + lastKey.text() + " (column " + lastKey.at().column() + "), or further if it belongs inside it");
        }
        YamlTree.Open inner = open.peek();
        if (inner != null && !inner.mapping()) {
            return new Problem(at, "'" + token + "' is inside a list but is not an entry — start it with '- ', or move it"
                    + " out of the list");
        }
        return new Problem(at, "'" + token + "' is not lined up with the lines above it — indent it as far as the keys"
                + " it belongs with");
    }

    /** A ':' where no key can start: a second ': ' on one line, or a key indented more than the one above. */
    private Problem secondColon(Location at, Mark mark) {
        String line = lineOf(mark);
        String before = line.substring(0, Math.min(line.length(), offset(line, mark.getColumn())));
        if (before.contains(": ")) {
            return new Problem(at, "a second ': ' on one line — put the value in quotes if it contains ': ' (like"
                    + " \"Note: see below\"), or put each key on its own line");
        }
        String key = before.strip();
        if (lastKey != null) {
            return new Problem(new Location(source, at.line(), at.column() - key.length()), "'" + key + "' is indented"
                    + " further than '" + lastKey.text() + "' above it, so it reads as part of the value of "
                    + lastKey.text() + " — line it up with " + lastKey.text() + " (column " + lastKey.at().column() + ")");
        }
        return new Problem(at, "a ':' that YAML cannot read as key: value here — put the value in quotes");
    }

    private static String generic() {
        return "this is not valid YAML here — check the indentation, colons, brackets and quotes";
    }

    /** A character the YAML reader refuses, at its place. */
    static Problem unreadable(String text, String source, int firstLine, ReaderException e) {
        int line = firstLine;
        int column = 1;
        int position = 0;
        for (int i = 0; i < text.length() && position < e.getPosition(); i = text.offsetByCodePoints(i, 1), position++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Problem(new Location(source, line, column), String.format(java.util.Locale.ROOT,
                "the character U+%04X is not allowed in a YAML file — remove it", e.getCodePoint()));
    }

    private Location at(Mark mark) {
        return new Location(source, mark.getLine() + firstLine, mark.getColumn() + 1);
    }

    private String lineOf(Mark mark) {
        return mark.getLine() < lines.length ? lines[mark.getLine()] : "";
    }

    /** The char index of a code-point column in a line. */
    private static int offset(String line, int column) {
        int i = 0;
        for (int c = 0; c < column && i < line.length(); c++) {
            i = line.offsetByCodePoints(i, 1);
        }
        return i;
    }

    private int charAt(Mark mark) {
        String line = lineOf(mark);
        int i = offset(line, mark.getColumn());
        return i < line.length() ? line.codePointAt(i) : -1;
    }

    private int charBefore(Mark mark) {
        String line = lineOf(mark);
        int i = offset(line, mark.getColumn());
        return i > 0 && i <= line.length() ? line.codePointBefore(i) : -1;
    }

    /** What is at the mark, for a message: the character in quotes, or "end of line". */
    private String here(Mark mark) {
        int c = charAt(mark);
        return c < 0 ? "end of the line" : "'" + Character.toString(c) + "'";
    }

    /** The word at the mark, up to a ':' or a space: a key, or the start of a value. */
    private String tokenAt(Mark mark) {
        String line = lineOf(mark);
        int from = offset(line, mark.getColumn());
        int to = from;
        while (to < line.length() && line.charAt(to) != ':' && (to == from || line.charAt(to) != ' ')) {
            to++;
        }
        String token = line.substring(Math.min(from, line.length()), to).strip();
        return token.length() > 40 ? token.substring(0, 37) + "..." : token;
    }

    /** The first tab in a line's indentation: YAML forbids it. */
    private Location tabIndentation() {
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '\t') {
                    return new Location(source, l + firstLine, c + 1);
                }
                if (ch != ' ' && ch != '-') {
                    break;
                }
            }
        }
        return null;
    }
}
