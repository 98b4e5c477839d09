package dev.spinecheck.load;

import dev.spinecheck.engine.TopicLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the topics of {@code spinecheck learn}: the ones embedded in the jar beside the bundled questionnaire, or a
 * folder of them (an index, {@code topics.yaml}, and one {@code TOPIC.yaml} per topic) for {@code validate}.
 */
public final class TopicLoader {
    /** Where the bundled topics are in the repository, and how their problems name them. */
    public static final String BUNDLED = "questionnaires/learn";
    private static final String RESOURCE_DIR = "/dev/spinecheck/questionnaires/learn/";

    private final TreeReader reader;

    public TopicLoader(TreeReader reader) {
        this.reader = reader;
    }

    /**
     * The topics embedded in the jar, or none when they cannot be read: for output that only names them (validate and
     * the tests report why they cannot be read).
     */
    public static TopicLibrary bundledOrNone() {
        try {
            return new TopicLoader(new TreeReader()).bundled();
        } catch (InvalidInputException | UnreadableInputException e) {
            return new TopicLibrary(List.of(), "");
        }
    }

    /** The topics embedded in the jar. */
    public TopicLibrary bundled() throws InvalidInputException, UnreadableInputException {
        Node index = tree(resource(TopicReader.INDEX).orElseThrow(() -> new UnreadableInputException(
                "the topics of spinecheck learn are missing from this build — rebuild spinecheck")), BUNDLED + "/" + TopicReader.INDEX);
        Map<String, TopicReader.TopicFile> readable = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String id : TopicReader.names(index)) {
            Optional<byte[]> bytes = resource(id + ".yaml");
            if (bytes.isPresent()) {
                read(id, bytes.get(), BUNDLED + "/" + id + ".yaml", readable, unreadable, problems);
            }
        }
        return TopicReader.read(index, new TopicReader.Found(readable, unreadable, List.of(), problems));
    }

    /** A folder of topics: every {@code *.yaml} in it besides the index must be a topic the index lists. */
    public TopicLibrary load(Path folder) throws InvalidInputException, UnreadableInputException {
        Path indexPath = folder.resolve(TopicReader.INDEX);
        if (!Files.isRegularFile(indexPath)) {
            throw new UnreadableInputException(Problem.visible(folder.toString()) + ": has no " + TopicReader.INDEX
                    + " — a folder of topics needs one, listing its topics in order");
        }
        Node index = tree(Inputs.readFile(indexPath), indexPath.toString());
        List<String> names = TopicReader.names(index);
        Map<String, TopicReader.TopicFile> readable = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>();
        List<String> unlisted = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : yamlFiles(folder)) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ".yaml".length());
            if (name.equals(TopicReader.INDEX)) {
                continue;
            }
            if (!names.contains(id)) {
                unlisted.add(file.toString());
                continue;
            }
            try {
                read(id, Inputs.readFile(file), file.toString(), readable, unreadable, problems);
            } catch (UnreadableInputException e) {
                unreadable.add(id);
                problems.add(new Problem(Location.start(file.toString()), e.getMessage()));
            }
        }
        return TopicReader.read(index, new TopicReader.Found(readable, unreadable, unlisted, problems));
    }

    private void read(String id, byte[] bytes, String source, Map<String, TopicReader.TopicFile> readable, Set<String> unreadable,
            List<Problem> problems) {
        try {
            readable.put(id, new TopicReader.TopicFile(id, source, reader.read(bytes, source, TreeReader.Syntax.YAML, 1)));
        } catch (InvalidInputException e) {
            unreadable.add(id);
            problems.addAll(e.problems());
        }
    }

    private Node tree(byte[] bytes, String source) throws InvalidInputException {
        return reader.read(bytes, source, TreeReader.Syntax.YAML, 1);
    }

    private static List<Path> yamlFiles(Path folder) throws UnreadableInputException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UnreadableInputException(Problem.visible(folder.toString()) + ": cannot be read (" + e.getMessage() + ")");
        }
        files.sort(null);
        return files;
    }

    private static Optional<byte[]> resource(String name) throws UnreadableInputException {
        try (InputStream in = TopicLoader.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(Inputs.readLimited(in, name));
        } catch (IOException | InvalidInputException e) {
            throw new UnreadableInputException("the bundled topic " + name + " cannot be read: " + e.getMessage());
        }
    }
}
