package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.render.Wrap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;

/**
 * An arrow-key list for a {@code choice} or {@code multi} question on a capable terminal: Up and Down move, Space
 * ticks (multi), Enter confirms, Esc goes back to the typed prompt. It opens with nothing chosen, and Enter chooses
 * nothing until the person has moved or ticked (spec section 3a). The question stays on top of the list; every option
 * is wrapped, never cut, and the list scrolls when the terminal is short. Every line stays narrower than the terminal,
 * so nothing is left behind when the list closes.
 */
final class ListPrompt {
    private enum Key { UP, DOWN, TOGGLE, ENTER, ESC, INTERRUPT, END, OTHER }

    static final String NOTHING_CHOSEN = "Nothing is chosen yet: move to an answer with Up or Down first.";

    private final Question question;
    private final List<Option> options;
    private final boolean multi;
    private final boolean colour;
    private final Set<String> ticked = new LinkedHashSet<>();
    private int cursor = -1;
    private int top;
    private String note;

    private ListPrompt(Question question, Optional<Answer> current, boolean colour) {
        this.question = question;
        this.options = question.options();
        this.multi = question instanceof Question.Multi;
        this.colour = colour;
        if (multi && current.isPresent() && current.get() instanceof Answer.Codes codes) {
            ticked.addAll(codes.codes());
        }
    }

    /** A list for a question, as it opens (for tests of what it shows). */
    static ListPrompt opening(Question question, Optional<Answer> current) {
        return new ListPrompt(question, current, false);
    }

    /** Moves down (+1) or up (-1); the first move down from nothing chosen goes to the first option. */
    void move(int delta) {
        if (delta > 0) {
            cursor = cursor < 0 || cursor == options.size() - 1 ? 0 : cursor + 1;
        } else {
            cursor = cursor <= 0 ? options.size() - 1 : cursor - 1;
        }
    }

    /** The answer chosen, or empty when the person pressed Esc. */
    static Optional<Answer> choose(Terminal terminal, Question question, Optional<Answer> current, boolean colour) {
        return new ListPrompt(question, current, colour).run(terminal);
    }

    private Optional<Answer> run(Terminal terminal) {
        KeyMap<Key> keys = new KeyMap<>();
        keys.bind(Key.UP, "\u001b[A", "\u001bOA", "k");
        keys.bind(Key.DOWN, "\u001b[B", "\u001bOB", "j");
        bindCapability(keys, Key.UP, terminal, InfoCmp.Capability.key_up);
        bindCapability(keys, Key.DOWN, terminal, InfoCmp.Capability.key_down);
        keys.bind(Key.TOGGLE, " ");
        keys.bind(Key.ENTER, "\r", "\n");
        keys.bind(Key.ESC, KeyMap.esc());
        // With signals off, Ctrl-C and Ctrl-D arrive as characters: they must still save and leave.
        keys.bind(Key.INTERRUPT, KeyMap.ctrl('C'));
        keys.bind(Key.END, KeyMap.ctrl('D'));
        keys.setNomatch(Key.OTHER);
        keys.setAmbiguousTimeout(200);

        Attributes saved = terminal.enterRawMode();
        // Raw mode keeps signals on: turn them off so that Ctrl-C and Ctrl-D reach the key map below.
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        Display display = new Display(terminal, false);
        BindingReader reader = new BindingReader(terminal.reader());
        try {
            while (true) {
                int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
                int height = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
                display.resize(height, width);
                display.update(lines(width - 1, Math.max(3, height - 1)), 0);
                terminal.flush();
                note = null;
                Key key = reader.readBinding(keys);
                if (key == null || key == Key.ESC) {
                    return Optional.empty();
                }
                switch (key) {
                    case INTERRUPT -> throw new UserInterruptException("");
                    case END -> throw new EndOfFileException();
                    case UP -> move(-1);
                    case DOWN -> move(1);
                    case TOGGLE -> {
                        if (multi && cursor >= 0) {
                            toggle(options.get(cursor));
                        } else if (multi) {
                            note = NOTHING_CHOSEN;
                        }
                    }
                    case ENTER -> {
                        Optional<Answer> chosen = chosen();
                        if (chosen.isPresent()) {
                            return chosen;
                        }
                        note = NOTHING_CHOSEN;
                    }
                    default -> {
                        // other keys are ignored
                    }
                }
            }
        } finally {
            display.update(List.of(), 0);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    /** What Enter chooses: the option moved to (choice); the ticked ones, else the one moved to (multi). */
    Optional<Answer> chosen() {
        if (!multi) {
            return cursor < 0 ? Optional.empty() : Optional.of(Answer.code(options.get(cursor).code()));
        }
        if (ticked.isEmpty() && cursor >= 0) {
            toggle(options.get(cursor));
        }
        if (ticked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Answer.Codes(options.stream().map(Option::code).filter(ticked::contains).toList()));
    }

    private static void bindCapability(KeyMap<Key> keys, Key key, Terminal terminal, InfoCmp.Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && !sequence.isEmpty()) {
            keys.bind(key, sequence);
        }
    }

    /** Ticking an exclusive option clears the others, and ticking another clears the exclusive one. */
    private void toggle(Option option) {
        if (ticked.remove(option.code())) {
            return;
        }
        if (option.exclusive()) {
            ticked.clear();
        } else {
            options.stream().filter(Option::exclusive).forEach(o -> ticked.remove(o.code()));
        }
        ticked.add(option.code());
    }

    /**
     * The screen of the list, at most {@code rows} lines of at most {@code width} columns: the question, the options
     * that fit (the one moved to always among them), and the keys.
     */
    List<AttributedString> lines(int width, int rows) {
        List<List<String>> wrapped = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String marker = (i == cursor ? "> " : "  ") + (multi ? (ticked.contains(option.code()) ? "[x] " : "[ ] ") : "");
            wrapped.add(Wrap.lines(option.text().strip().replaceAll("\\s+", " "), width, marker, " ".repeat(marker.length())));
        }
        int focus = Math.max(cursor, 0);
        List<String> keys = Wrap.lines(note != null ? note : multi
                ? "Up/Down to move, Space to tick, Enter to confirm, Esc to type instead"
                : "Up/Down to move, Enter to choose, Esc to type instead", width, "", "");
        List<String> asked = Wrap.lines(question.text(), width, "", "");
        int room = rows - keys.size() - 1;
        // The question gives way, a line at a time, only when the option moved to would not fit beside it.
        while (asked.size() > 1 && room - asked.size() < wrapped.get(focus).size()) {
            asked = asked.subList(0, asked.size() - 1);
        }
        int area = Math.max(1, room - asked.size());
        if (focus < top) {
            top = focus;
        }
        while (top < focus && linesFrom(wrapped, top, focus) > area) {
            top++;
        }
        List<AttributedString> lines = new ArrayList<>();
        asked.forEach(line -> lines.add(new AttributedString(line, colour ? AttributedStyle.BOLD : AttributedStyle.DEFAULT)));
        int used = 0;
        int last = top - 1;
        for (int i = top; i < wrapped.size() && used + wrapped.get(i).size() <= area; i++) {
            for (String line : wrapped.get(i)) {
                lines.add(new AttributedString(line, i == cursor && colour ? AttributedStyle.BOLD : AttributedStyle.DEFAULT));
            }
            used += wrapped.get(i).size();
            last = i;
        }
        if (last < top) {
            // Even alone the option does not fit: show as much of it as there is room for.
            wrapped.get(top).stream().limit(area).forEach(line -> lines.add(new AttributedString(line)));
            last = top;
        }
        String more = (top > 0 ? "more above" : "") + (top > 0 && last < wrapped.size() - 1 ? ", " : "")
                + (last < wrapped.size() - 1 ? "more below" : "");
        lines.add(new AttributedString(more.isEmpty() ? "" : "(" + more + ")"));
        keys.forEach(line -> lines.add(new AttributedString(line)));
        return lines;
    }

    private static int linesFrom(List<List<String>> wrapped, int from, int to) {
        int n = 0;
        for (int i = from; i <= to; i++) {
            n += wrapped.get(i).size();
        }
        return n;
    }
}
