package dev.spinecheck.script;

import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.UnreadableInputException;
import java.util.List;
import java.util.Optional;

/** What {@code spinecheck validate} learns about a folder of {@code learn} topics: its problems, or the topics. */
public record TopicValidation(String source, Optional<TopicLibrary> library, List<Problem> problems, int exitCode) {

    public TopicValidation {
        problems = List.copyOf(problems);
    }

    /** Loads a library, in the jar or in a folder. */
    public interface Loading {
        TopicLibrary load() throws InvalidInputException, UnreadableInputException;
    }

    public static TopicValidation of(String source, Loading loading) {
        try {
            return new TopicValidation(source, Optional.of(loading.load()), List.of(), ExitStatus.OK);
        } catch (InvalidInputException e) {
            return new TopicValidation(source, Optional.empty(), e.problems(), ExitStatus.INVALID_INPUT);
        } catch (UnreadableInputException e) {
            return new TopicValidation(source, Optional.empty(), List.of(new Problem(Location.start(source), e.getMessage())),
                    ExitStatus.UNREADABLE_INPUT);
        }
    }

    public boolean ok() {
        return exitCode == ExitStatus.OK;
    }

    /** How many links the topics make to one another. */
    public int links() {
        return library.map(l -> l.topics().stream().mapToInt(t -> t.links().size()).sum()).orElse(0);
    }
}
