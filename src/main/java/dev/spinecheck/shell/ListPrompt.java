package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
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
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;

/**
 * An arrow-key list for a {@code choice} or {@code multi} question on a capable terminal: Up and Down move, Space
 * ticks (multi), Enter confirms, Esc goes back to the typed prompt. The numbered prompt stays the way that always
 * works; this is an extra.
 */
final class ListPrompt {
    private enum Key { UP, DOWN, TOGGLE, ENTER, ESC, INTERRUPT, END, OTHER }

    private ListPrompt() {}

    /** The answer chosen, or empty when the person pressed Esc. */
    static Optional<Answer> choose(Terminal terminal, Question question, Optional<Answer> current, boolean colour) {
        List<Option> options = question.options();
        boolean multi = question instanceof Question.Multi;
        Set<String> ticked = new LinkedHashSet<>();
        int cursor = 0;
        if (current.isPresent() && current.get() instanceof Answer.Codes codes) {
            ticked.addAll(codes.codes());
        } else if (current.isPresent() && current.get() instanceof Answer.Code code) {
            cursor = Math.max(0, question.codes().indexOf(code.code()));
        }
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
        display.resize(terminal.getHeight() > 0 ? terminal.getHeight() : 24, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
        BindingReader reader = new BindingReader(terminal.reader());
        try {
            while (true) {
                display.update(lines(options, cursor, ticked, multi, colour), 0);
                terminal.flush();
                Key key = reader.readBinding(keys);
                if (key == null || key == Key.ESC) {
                    return Optional.empty();
                }
                if (key == Key.INTERRUPT) {
                    throw new UserInterruptException("");
                }
                if (key == Key.END) {
                    throw new EndOfFileException();
                }
                switch (key) {
                    case UP -> cursor = (cursor + options.size() - 1) % options.size();
                    case DOWN -> cursor = (cursor + 1) % options.size();
                    case TOGGLE -> {
                        if (multi) {
                            toggle(options, options.get(cursor), ticked);
                        }
                    }
                    case ENTER -> {
                        if (!multi) {
                            return Optional.of(Answer.code(options.get(cursor).code()));
                        }
                        if (ticked.isEmpty()) {
                            toggle(options, options.get(cursor), ticked);
                        }
                        List<String> inOrder = options.stream().map(Option::code).filter(ticked::contains).toList();
                        return Optional.of(new Answer.Codes(inOrder));
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

    private static void bindCapability(KeyMap<Key> keys, Key key, Terminal terminal, InfoCmp.Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && !sequence.isEmpty()) {
            keys.bind(key, sequence);
        }
    }

    /** Ticking an exclusive option clears the others, and ticking another clears the exclusive one. */
    private static void toggle(List<Option> options, Option option, Set<String> ticked) {
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

    private static List<AttributedString> lines(List<Option> options, int cursor, Set<String> ticked, boolean multi, boolean colour) {
        List<AttributedString> lines = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            AttributedStringBuilder line = new AttributedStringBuilder();
            boolean here = i == cursor;
            line.append(here ? "> " : "  ");
            if (multi) {
                line.append(ticked.contains(option.code()) ? "[x] " : "[ ] ");
            }
            line.style(here && colour ? AttributedStyle.BOLD : AttributedStyle.DEFAULT);
            line.append(option.text());
            line.style(AttributedStyle.DEFAULT);
            lines.add(line.toAttributedString());
        }
        lines.add(new AttributedString(multi
                ? "  Up/Down to move, Space to tick, Enter to confirm, Esc to type instead"
                : "  Up/Down to move, Enter to choose, Esc to type instead"));
        return lines;
    }
}
