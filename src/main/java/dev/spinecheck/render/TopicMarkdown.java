package dev.spinecheck.render;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import java.util.List;

/** The topics of {@code spinecheck learn} as Markdown, to keep or print. */
public final class TopicMarkdown {

    public String list(TopicLibrary library) {
        StringBuilder md = new StringBuilder("# Topics\n\n");
        for (Topic topic : library.topics()) {
            md.append("- `").append(TopicText.command(topic.id())).append("` — **").append(esc(topic.title())).append("**: ")
                    .append(esc(topic.summary())).append('\n');
        }
        return md.toString();
    }

    public String topic(Topic topic, TopicLibrary library, List<SafetyNetGroups.Group> safetyNet) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(esc(topic.title())).append("\n\n");
        md.append('*').append(esc(topic.summary())).append("*\n\n");
        List<Topic.Block> body = topic.body();
        for (int i = 0; i < body.size(); i++) {
            Topic.Block block = body.get(i);
            if (block instanceof Topic.Paragraph p) {
                md.append(esc(p.text())).append("\n\n");
            } else if (block instanceof Topic.Bullets b) {
                bullets(md, b.items());
            } else if (block instanceof Topic.See see) {
                if (i == 0 || !(body.get(i - 1) instanceof Topic.See)) {
                    md.append(TopicText.READ_MORE).append("\n\n");
                }
                md.append("- `").append(TopicText.command(see.topic())).append("` (").append(esc(library.title(see.topic()))).append(")\n");
                if (i + 1 == body.size() || !(body.get(i + 1) instanceof Topic.See)) {
                    md.append('\n');
                }
            } else if (block instanceof Topic.SafetyNet net) {
                md.append(esc(net.intro())).append("\n\n");
                for (SafetyNetGroups.Group group : safetyNet) {
                    md.append("**").append(esc(group.intro())).append("**\n\n");
                    bullets(md, group.items());
                }
            }
        }
        md.append("## ").append(TopicText.QUESTIONS).append("\n\n");
        bullets(md, topic.questions());
        md.append("## ").append(TopicText.SOURCES).append("\n\n");
        bullets(md, topic.sources());
        md.append(TopicText.CHECKED).append(TopicText.day(topic.checked())).append("\n\n---\n\n");
        md.append(esc(library.disclaimer())).append('\n');
        return md.toString();
    }

    private static void bullets(StringBuilder md, List<String> items) {
        items.forEach(item -> md.append("- ").append(esc(item)).append('\n'));
        md.append('\n');
    }

    private static String esc(String text) {
        return MarkdownReport.esc(text);
    }
}
