package dev.spinecheck.engine;

import java.util.List;
import java.util.Optional;

/** The topics of {@code spinecheck learn} in the order they are listed, and the line that ends every topic. */
public record TopicLibrary(List<Topic> topics, String disclaimer) {

    public TopicLibrary {
        topics = List.copyOf(topics);
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return topics.stream().map(Topic::id).toList();
    }

    /** The title of a topic, or its id when there is no such topic. */
    public String title(String id) {
        return topic(id).map(Topic::title).orElse(id);
    }
}
