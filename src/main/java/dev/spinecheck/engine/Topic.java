package dev.spinecheck.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One topic of {@code spinecheck learn}: plain information a person can read in two minutes. Only text, lists and
 * links: nothing in it is evaluated.
 */
public record Topic(String id, String title, String summary, List<Block> body, List<String> questions, List<String> sources,
        LocalDate checked) {

    public Topic {
        body = List.copyOf(body);
        questions = List.copyOf(questions);
        sources = List.copyOf(sources);
    }

    /** A part of a topic's body, in reading order. */
    public sealed interface Block permits Paragraph, Bullets, See, SafetyNet {}

    public record Paragraph(String text) implements Block {}

    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A link to another topic. */
    public record See(String topic) implements Block {}

    /** The questionnaire's own safety net, shown in place, so that its warning signs are written only once. */
    public record SafetyNet(String intro) implements Block {}

    /** The topics this one links to, in reading order. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        for (Block block : body) {
            if (block instanceof See see && !links.contains(see.topic())) {
                links.add(see.topic());
            }
        }
        return links;
    }
}
