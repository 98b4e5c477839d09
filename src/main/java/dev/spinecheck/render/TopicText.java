package dev.spinecheck.render;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The topics of {@code spinecheck learn} as text for a terminal, wrapped to its width (at most 100 columns, to stay readable). */
public final class TopicText {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    static final String QUESTIONS = "Questions to ask your doctor or specialist";
    static final String SOURCES = "Sources";
    static final String CHECKED = "Last checked: ";
    static final String READ_MORE = "To read more:";

    private final Style style;
    private final int width;

    public TopicText(Style style, int width) {
        this.style = style;
        this.width = Math.max(20, Math.min(width, 100));
    }

    /** The line that points to a topic; the command is never split across lines, so that it can be copied. */
    public static String readMore(String topic) {
        return READ_MORE + " " + command(topic);
    }

    public static String command(String topic) {
        return "spinecheck learn " + topic;
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** Every topic with its summary, and how to read one. */
    public List<String> list(TopicLibrary library) {
        List<String> out = new ArrayList<>();
        out.add(style.strong("Topics"));
        List<String> how = new ArrayList<>(List.of("To read one, type spinecheck learn and its name, like:".split(" ")));
        how.add(command(library.ids().get(0)));
        out.addAll(Wrap.words(how, width, "", ""));
        for (Topic topic : library.topics()) {
            out.add("");
            out.addAll(strong(Wrap.lines(topic.id() + " — " + topic.title(), width, "", "  ")));
            out.addAll(Wrap.lines(topic.summary(), width, "  ", "  "));
        }
        return out;
    }

    /** One topic, in reading order, ending with when it was last checked and the library's disclaimer. */
    public List<String> topic(Topic topic, TopicLibrary library, List<SafetyNetGroups.Group> safetyNet) {
        List<String> out = new ArrayList<>();
        out.addAll(strong(Wrap.lines(topic.title(), width, "", "")));
        out.addAll(Wrap.lines(topic.summary(), width, "", ""));
        Topic.Block previous = null;
        for (Topic.Block block : topic.body()) {
            boolean moreLinks = block instanceof Topic.See && previous instanceof Topic.See;
            previous = block;
            if (!moreLinks) {
                out.add("");
            }
            if (block instanceof Topic.Paragraph p) {
                out.addAll(Wrap.lines(p.text(), width, "", ""));
            } else if (block instanceof Topic.Bullets b) {
                bullets(out, b.items());
            } else if (block instanceof Topic.See see) {
                if (!moreLinks) {
                    out.add(READ_MORE);
                }
                out.addAll(link(see.topic(), library));
            } else if (block instanceof Topic.SafetyNet net) {
                out.addAll(Wrap.lines(net.intro(), width, "", ""));
                for (SafetyNetGroups.Group group : safetyNet) {
                    out.add("");
                    out.addAll(strong(Wrap.lines(group.intro(), width, "", "")));
                    bullets(out, group.items());
                }
            }
        }
        out.add("");
        out.addAll(strong(Wrap.lines(QUESTIONS, width, "", "")));
        bullets(out, topic.questions());
        out.add("");
        out.add(style.strong(SOURCES));
        bullets(out, topic.sources());
        out.add("");
        out.add(CHECKED + day(topic.checked()));
        out.add("");
        out.addAll(Wrap.lines(library.disclaimer(), width, "", ""));
        return out;
    }

    /** A link as a list item: the command to copy (never split), then the topic's title. */
    private List<String> link(String topic, TopicLibrary library) {
        List<String> words = new ArrayList<>(List.of(command(topic)));
        library.topic(topic).ifPresent(t -> words.addAll(List.of(("(" + t.title() + ")").split(" "))));
        return Wrap.words(words, width, "  - ", "    ");
    }

    private List<String> strong(List<String> lines) {
        return lines.stream().map(style::strong).toList();
    }

    private void bullets(List<String> out, List<String> items) {
        for (String item : items) {
            out.addAll(Wrap.lines(item, width, "  - ", "    "));
        }
    }
}
