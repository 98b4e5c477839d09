package dev.spinecheck.shell;

import dev.spinecheck.engine.Question;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.Wrap;
import java.io.PrintWriter;
import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The terminal side of a screening: output wrapped to the terminal's width (prompts too), and one line of input at a
 * time. Nothing typed is remembered: no history is kept, in memory or on disk (answers are health data).
 */
final class Conversation {
    /** What one read gave: a typed line, or the wish to choose from the arrow-key list (Up or Down on an empty line). */
    sealed interface Typed permits Line, OpenList {}

    record Line(String text) implements Typed {}

    record OpenList() implements Typed {}

    private static final String LIST_WIDGET = "spinecheck-open-list";
    private static final List<String> COMMANDS = List.of("back", "review", "quit", "help");

    private final Terminal terminal;
    /**
     * Made at the first read, not with the conversation: the reader and its widgets are a large part of the start, and
     * so the intro and the first question are on the screen before they are made.
     */
    private LineReader reader;
    private final PrintWriter out;
    private final Style style;
    private final boolean plain;
    private Question asking;
    private boolean listWanted;

    Conversation(Terminal terminal, Style style, boolean plain) {
        this.terminal = terminal;
        this.style = style;
        this.plain = plain;
        this.out = terminal.writer();
    }

    /** The line reader, made at the first read (see {@link #reader}). */
    private LineReader reader() {
        if (reader != null) {
            return reader;
        }
        LineReader built = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("spinecheck")
                .parser(new WholeLine())
                .variable(LineReader.DISABLE_HISTORY, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_MENU, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                // Completion offers only what starts like the typed words: no guessing at typos ("ne" is not "new").
                .option(LineReader.Option.COMPLETE_MATCHER_TYPO, false)
                .option(LineReader.Option.COMPLETE_MATCHER_CAMELCASE, false)
                .variable(LineReader.ERRORS, 0)
                .completer((lineReader, line, candidates) -> complete(line.line(), candidates))
                .build();
        if (!plain) {
            built.getWidgets().put(LIST_WIDGET, this::openList);
            KeyMap<org.jline.reader.Binding> main = built.getKeyMaps().get(LineReader.MAIN);
            for (String key : List.of("\u001b[A", "\u001b[B", "\u001bOA", "\u001bOB",
                    String.valueOf(KeyMap.key(terminal, InfoCmp.Capability.key_up)),
                    String.valueOf(KeyMap.key(terminal, InfoCmp.Capability.key_down)))) {
                if (!key.isEmpty() && !key.equals("null")) {
                    main.bind(new Reference(LIST_WIDGET), key);
                }
            }
        }
        reader = built;
        return built;
    }

    /** Whether a question can be answered from the arrow-key list: choices and multis, not yes/no or numbers. */
    static boolean listable(Question question) {
        return question instanceof Question.Choice || question instanceof Question.Multi;
    }

    /** Up or Down on an empty line: accept the line without writing anything into it, and ask for the list. */
    private boolean openList() {
        if (asking != null && listable(asking) && reader().getBuffer().length() == 0) {
            listWanted = true;
            reader().callWidget(LineReader.ACCEPT_LINE);
        }
        return true;
    }

    /**
     * TAB completes the visible words of the current question's options, never a hidden code, and only what starts
     * like the typed words (a start of a code, or a word from inside an option, completes nothing).
     */
    private void complete(String typed, List<Candidate> candidates) {
        if (asking == null) {
            return;
        }
        String start = TypedAnswer.fold(typed);
        List<String> texts = new java.util.ArrayList<>();
        if (asking instanceof Question.YesNo) {
            texts.addAll(List.of("yes", "no"));
        } else {
            asking.options().forEach(option -> texts.add(option.text().strip().replaceAll("\\s+", " ")));
        }
        texts.addAll(COMMANDS);
        for (String text : texts) {
            if (!start.isEmpty() && TypedAnswer.fold(text).startsWith(start)) {
                candidates.add(new Candidate(text, text, null, null, null, null, true));
            }
        }
    }

    Terminal terminal() {
        return terminal;
    }

    Style style() {
        return style;
    }

    boolean plain() {
        return plain;
    }

    int width() {
        int w = terminal.getWidth();
        return w <= 0 ? 80 : Math.min(w, 100);
    }

    int height() {
        int h = terminal.getHeight();
        return h <= 0 ? 24 : h;
    }

    /**
     * Reads one line for a question: Up or Down on an empty line asks for the arrow-key list (choices and multis, not
     * in plain mode). The prompt is wrapped: all but its last line are printed first.
     */
    Typed ask(Question question, String prompt) {
        asking = question;
        listWanted = false;
        try {
            String line = read(prompt);
            return listWanted ? new OpenList() : new Line(line);
        } finally {
            asking = null;
            listWanted = false;
        }
    }

    /** Reads one line with no question behind it (yes or no, a file name, a number from a review). */
    String askLine(String prompt) {
        return read(prompt);
    }

    private String read(String prompt) {
        List<String> lines = Wrap.lines(prompt, width(), "", "");
        for (int i = 0; i < lines.size() - 1; i++) {
            out.println(lines.get(i));
        }
        out.flush();
        String last = lines.get(lines.size() - 1);
        while (true) {
            String line = reader().readLine(prompt.endsWith(" ") && !last.endsWith(" ") ? last + " " : last);
            // A terminal that cannot read arrow keys (TERM=dumb) passes their escape sequences on as text.
            if (line.indexOf('\u001b') >= 0) {
                say(TypedAnswer.ARROW_KEYS);
                continue;
            }
            return line;
        }
    }

    void blank() {
        out.println();
        out.flush();
    }

    void say(String text) {
        Wrap.lines(text, width(), "", "").forEach(out::println);
        out.flush();
    }

    /** A heading: wrapped, and bold where colour is on. */
    void heading(String text) {
        Wrap.lines(text, width(), "", "").forEach(line -> out.println(style.strong(line)));
        out.flush();
    }

    void item(String marker, String text) {
        String pad = " ".repeat(marker.length());
        Wrap.lines(text, width(), marker, pad).forEach(out::println);
        out.flush();
    }

    /** One line already wrapped. */
    void raw(String line) {
        out.println(line);
        out.flush();
    }

    /** Lines already wrapped (a rendered result). */
    void lines(List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }

    /** The whole line is one word: no quotes or escapes to finish, so an apostrophe never makes the prompt wait. */
    private static final class WholeLine implements Parser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            return new CompletingParsedLine() {
                @Override
                public String word() {
                    return line;
                }

                @Override
                public int wordCursor() {
                    return cursor;
                }

                @Override
                public int wordIndex() {
                    return 0;
                }

                @Override
                public List<String> words() {
                    return List.of(line);
                }

                @Override
                public String line() {
                    return line;
                }

                @Override
                public int cursor() {
                    return cursor;
                }

                @Override
                public CharSequence escape(CharSequence candidate, boolean complete) {
                    return candidate;
                }

                @Override
                public int rawWordCursor() {
                    return cursor;
                }

                @Override
                public int rawWordLength() {
                    return line.length();
                }
            };
        }
    }
}
