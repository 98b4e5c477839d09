package dev.spinecheck.cli;

import dev.spinecheck.engine.Topic;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.Suggest;
import dev.spinecheck.load.TopicLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.SafetyNetGroups;
import dev.spinecheck.render.Style;
import dev.spinecheck.render.TopicJson;
import dev.spinecheck.render.TopicMarkdown;
import dev.spinecheck.render.TopicText;
import dev.spinecheck.script.ExitStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spinecheck learn [TOPIC]}: what the seed pages teach, in plain words, without a network. */
@Command(name = "learn",
        header = "Read about spinal fusion, recovery, its risks and when to see a specialist.",
        description = "With no TOPIC, lists the topics with a line about each. With a TOPIC, prints it wrapped to the"
                + " terminal: a few short paragraphs, questions to ask your doctor or specialist, its sources and when it"
                + " was last checked. On a terminal, a topic longer than the screen goes through $SPINECHECK_PAGER, else"
                + " $PAGER, else less -FRX (as git does). An unknown TOPIC is a usage error.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE})
public final class LearnCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    private final Io io;

    @Parameters(arity = "0..1", paramLabel = "TOPIC", description = "The topic to read, like try-first. Without it: the list.")
    String topic;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people), json or markdown (for programs, or to keep). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--no-pager", description = "Print the topic straight out, never through a pager.")
    boolean noPager;

    @Option(names = "--plain", description = "Screen-reader friendly: no colour, and no pager.")
    boolean plain;

    @Mixin
    EmergencyNumberOption emergencyNumber;

    public LearnCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        TreeReader reader = new TreeReader();
        TopicLibrary library = library(reader);
        Optional<Topic> chosen = topic == null ? Optional.empty() : Optional.of(find(library, topic));
        PrintWriter out = io.out();
        if (format == Format.json) {
            out.println(chosen.map(t -> new TopicJson().topic(t, library, safetyNet(t, reader))).orElseGet(() -> new TopicJson().list(library)));
        } else if (format == Format.markdown) {
            out.print(chosen.map(t -> new TopicMarkdown().topic(t, library, safetyNet(t, reader))).orElseGet(() -> new TopicMarkdown().list(library)));
        } else {
            Screen screen = Screen.of(io);
            TopicText text = new TopicText(new Style(screen.terminal() && !plain && Cli.colour(io)), screen.columns());
            List<String> lines = chosen.map(t -> text.topic(t, library, safetyNet(t, reader))).orElseGet(() -> text.list(library));
            Optional<String> pager = noPager || plain || !Pager.wanted(lines.size(), screen) ? Optional.empty() : Pager.command(io.env());
            if (pager.isEmpty() || !Pager.show(pager.get(), lines)) {
                lines.forEach(out::println);
            }
        }
        out.flush();
        return ExitStatus.OK;
    }

    /** The topics embedded in the jar: if they cannot be read, this build of spinecheck is broken (validate says why). */
    private static TopicLibrary library(TreeReader reader) {
        try {
            return new TopicLoader(reader).bundled();
        } catch (InvalidInputException e) {
            throw broken(e.problems().get(0).toString());
        } catch (UnreadableInputException e) {
            throw broken(e.getMessage());
        }
    }

    private static UserError broken(String why) {
        return new UserError(ExitStatus.INTERNAL_ERROR, List.of("spinecheck learn: the topics in this build cannot be read (" + why + ").",
                "This is a bug in spinecheck, not something you did: rebuild it, and run spinecheck validate to see every problem."));
    }

    private static Topic find(TopicLibrary library, String name) {
        return library.topic(name).orElseThrow(() -> new UserError(ExitStatus.USAGE, List.of(
                "spinecheck learn: there is no topic '" + Problem.visible(name) + "' — "
                        + Suggest.didYouMean(name, library.ids(), "the topics are: " + String.join(", ", library.ids())),
                "Run spinecheck learn to see every topic with a line about it.")));
    }

    /** The bundled questionnaire's safety net, read only for a topic that shows it. */
    private List<SafetyNetGroups.Group> safetyNet(Topic topic, TreeReader reader) {
        if (topic.body().stream().noneMatch(Topic.SafetyNet.class::isInstance)) {
            return List.of();
        }
        try {
            return SafetyNetGroups.of(new QuestionnaireLoader(reader).bundled(), emergencyNumber.wording(io));
        } catch (InvalidInputException e) {
            throw broken(e.problems().get(0).toString());
        } catch (UnreadableInputException e) {
            throw broken(e.getMessage());
        }
    }
}
