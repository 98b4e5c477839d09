package dev.spinecheck.shell;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.Suggest;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.render.SafetyNetGroups;
import dev.spinecheck.render.TopicText;
import dev.spinecheck.render.Wording;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * At the last prompt, the topics of {@code spinecheck learn} the result links to: "type learn to read about ...".
 * {@code learn} lists them; {@code learn TOPIC} shows one. Never offered on an emergency result: there, the person's
 * next step is the emergency action, not reading.
 */
final class LearnPrompt {
    private final Conversation talk;
    private final TopicLibrary library;
    private final List<String> linked;
    private final Questionnaire questionnaire;
    private final Wording wording;

    private LearnPrompt(Conversation talk, TopicLibrary library, List<String> linked, Questionnaire questionnaire, Wording wording) {
        this.talk = talk;
        this.library = library;
        this.linked = linked;
        this.questionnaire = questionnaire;
        this.wording = wording;
    }

    /** The topics this result links to, if any can be shown. */
    static Optional<LearnPrompt> of(Conversation talk, Result result, Wording wording) {
        if (result.emergency().isPresent() || result.links().all().isEmpty()) {
            return Optional.empty();
        }
        TopicLibrary library = TopicLoader.bundledOrNone();
        List<String> linked = result.links().all().stream().filter(id -> library.topic(id).isPresent()).toList();
        return linked.isEmpty() ? Optional.empty() : Optional.of(new LearnPrompt(talk, library, linked, result.questionnaire(), wording));
    }

    /** "Type learn to read about: what spinal fusion is; the risks ...". */
    String offer() {
        return "Type learn to read about: " + String.join("; ", linked.stream().map(id -> library.title(id).toLowerCase(Locale.ROOT)).toList()) + ".";
    }

    /** Whether the typed line asks for a topic; if so, it has been shown. */
    boolean handle(String typed) {
        String[] words = typed.strip().split("\\s+");
        if (!words[0].equalsIgnoreCase("learn") || words.length > 2) {
            return false;
        }
        if (words.length == 1 && linked.size() == 1) {
            show(linked.get(0));
        } else if (words.length == 1) {
            talk.blank();
            for (String id : linked) {
                talk.say("learn " + id + " — " + library.title(id));
            }
            talk.say("Type learn and a name, like learn " + linked.get(0) + ". (Later, spinecheck learn shows every topic.)");
        } else {
            String id = words[1].toLowerCase(Locale.ROOT);
            if (library.topic(id).isPresent()) {
                show(id);
            } else {
                talk.say("There is no topic '" + words[1] + "' — " + Suggest.didYouMean(id, library.ids(),
                        "the topics are: " + String.join(", ", library.ids())));
            }
        }
        talk.blank();
        return true;
    }

    private void show(String id) {
        Topic topic = library.topic(id).orElseThrow();
        List<SafetyNetGroups.Group> net = topic.body().stream().anyMatch(Topic.SafetyNet.class::isInstance)
                ? SafetyNetGroups.of(questionnaire, wording) : List.of();
        talk.blank();
        new TopicText(talk.style(), talk.width()).topic(topic, library, net).forEach(talk::raw);
    }
}
