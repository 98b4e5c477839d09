package dev.spinecheck.render;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** The topics of {@code spinecheck learn} as JSON for scripts: one object on one line. */
public final class TopicJson {
    /** {@code {"topics": [{"topic", "title", "summary"}, ...]}} */
    public String list(TopicLibrary library) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeName("topics");
            g.writeStartArray();
            for (Topic topic : library.topics()) {
                g.writeStartObject();
                g.writeStringProperty("topic", topic.id());
                g.writeStringProperty("title", topic.title());
                g.writeStringProperty("summary", topic.summary());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    /**
     * One topic. The body is a list of parts, each an object with one key: {@code paragraph}, {@code list},
     * {@code see} (with the linked topic's {@code title}) or {@code safety_net} (its intro and groups).
     */
    public String topic(Topic topic, TopicLibrary library, List<SafetyNetGroups.Group> safetyNet) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("topic", topic.id());
            g.writeStringProperty("title", topic.title());
            g.writeStringProperty("summary", topic.summary());
            g.writeName("body");
            g.writeStartArray();
            for (Topic.Block block : topic.body()) {
                g.writeStartObject();
                if (block instanceof Topic.Paragraph p) {
                    g.writeStringProperty("paragraph", p.text());
                } else if (block instanceof Topic.Bullets b) {
                    strings(g, "list", b.items());
                } else if (block instanceof Topic.See see) {
                    g.writeStringProperty("see", see.topic());
                    g.writeStringProperty("title", library.title(see.topic()));
                    g.writeStringProperty("command", TopicText.command(see.topic()));
                } else if (block instanceof Topic.SafetyNet net) {
                    g.writeName("safety_net");
                    g.writeStartObject();
                    g.writeStringProperty("intro", net.intro());
                    g.writeName("groups");
                    g.writeStartArray();
                    for (SafetyNetGroups.Group group : safetyNet) {
                        g.writeStartObject();
                        g.writeStringProperty("intro", group.intro());
                        strings(g, "items", group.items());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "questions", topic.questions());
            strings(g, "sources", topic.sources());
            g.writeStringProperty("checked", topic.checked().toString());
            g.writeStringProperty("disclaimer", library.disclaimer());
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> items) {
        JsonOutput.strings(g, name, items);
    }
}
