package dev.spinecheck.shell;

import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.Wrap;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The terminal side of a screening: wrapped output and one line of input at a time. Nothing typed is remembered: no
 * history is kept, in memory or on disk (answers are health data).
 */
final class Conversation {
    /** What readLine returns when the person pressed an arrow key on an empty prompt: open the arrow-key list. */
    static final String OPEN_LIST = "\u0000list";
    private static final String LIST_WIDGET = "spinecheck-open-list";

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final Style style;
    private final boolean plain;
    private Question asking;

    Conversation(Terminal terminal, Style style, boolean plain) {
        this.terminal = terminal;
        this.style = style;
        this.plain = plain;
        this.out = terminal.writer();
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("spinecheck")
                .variable(LineReader.DISABLE_HISTORY, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_MENU, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .completer((lineReader, line, candidates) -> complete(line.word(), candidates))
                .build();
        if (!plain) {
            reader.getWidgets().put(LIST_WIDGET, this::openList);
            KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
            for (String key : List.of("\u001b[A", "\u001b[B", "\u001bOA", "\u001bOB",
                    String.valueOf(KeyMap.key(terminal, InfoCmp.Capability.key_up)),
                    String.valueOf(KeyMap.key(terminal, InfoCmp.Capability.key_down)))) {
                if (!key.isEmpty() && !key.equals("null")) {
                    main.bind(new Reference(LIST_WIDGET), key);
                }
            }
        }
    }

    private boolean openList() {
        if (asking != null && !asking.options().isEmpty() && reader.getBuffer().length() == 0) {
            reader.getBuffer().write(OPEN_LIST);
            reader.callWidget(LineReader.ACCEPT_LINE);
        }
        return true;
    }

    /** TAB completes the codes and the words of the current question's options. */
    private void complete(String word, List<Candidate> candidates) {
        if (asking == null) {
            return;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (Option option : asking.options()) {
            if (option.code().startsWith(lower)) {
                candidates.add(new Candidate(option.code(), option.code(), null, option.text(), null, null, true));
            }
        }
        for (String command : List.of("back", "review", "quit")) {
            if (!lower.isEmpty() && command.startsWith(lower)) {
                candidates.add(new Candidate(command));
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

    /** Whether the arrow-key list may be offered: a capable terminal, not plain mode. */
    boolean canShowList() {
        return !plain;
    }

    int width() {
        int w = terminal.getWidth();
        return w <= 0 ? 80 : Math.min(w, 100);
    }

    /** Reads one line; the question (if any) drives TAB completion and the arrow-key list. */
    String ask(Question question, String prompt) {
        asking = question;
        try {
            return reader.readLine(prompt);
        } finally {
            asking = null;
        }
    }

    void blank() {
        out.println();
    }

    void say(String text) {
        Wrap.lines(text, width(), "", "").forEach(out::println);
        out.flush();
    }

    void indent(String text) {
        Wrap.lines(text, width(), "  ", "  ").forEach(out::println);
        out.flush();
    }

    void item(String marker, String text) {
        String pad = " ".repeat(marker.length());
        Wrap.lines(text, width(), marker, pad).forEach(out::println);
        out.flush();
    }

    void raw(String line) {
        out.println(line);
        out.flush();
    }
}
