package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.load.AnswerReader;
import dev.spinecheck.load.Inputs;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Node;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.AnswerFileText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an unfinished screening on disk, so that nothing is lost: a private answer file (with {@code saved_at})
 * rewritten atomically after every answer, with a lock so that two shells never share it. The lock file goes with the
 * progress file. In its own state folder it keeps the folder private (0700), tightening one found open to others.
 */
final class ProgressStore implements AutoCloseable {

    /**
     * Answers saved earlier, read answer by answer.
     *
     * @param leftOut the saved answers that no longer fit this version of the questionnaire, each as the question
     *     (its text, or its id when there is no such question any more) and the answer as saved
     * @param undone the emergency answers that were changed or undone, question id to first answer
     */
    record Saved(Map<String, Answer> answers, Map<String, Answer> undone, String savedAt, List<LeftOut> leftOut) {
        Saved {
            answers = Map.copyOf(answers);
            undone = Collections.unmodifiableMap(new LinkedHashMap<>(undone));
            leftOut = List.copyOf(leftOut);
        }
    }

    record LeftOut(String question, String saved) {}

    /** What reading the progress file found. */
    sealed interface Reading permits Nothing, Found, Unreadable {}

    record Nothing() implements Reading {}

    record Found(Saved saved) implements Reading {}

    /** The file is there but cannot be read as answers at all; {@code why} in plain words. */
    record Unreadable(String why) implements Reading {}

    /** The default state folder cannot be used; the message says why, in plain words. */
    static final class UnusableFolder extends IOException {
        UnusableFolder(String message) {
            super(message);
        }
    }

    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final boolean ownFolder;
    private FileChannel lockChannel;
    private FileLock lock;
    private String tightened;

    /**
     * @param ownFolder true for the default state folder, which this program owns and keeps private; false for a
     *     file the person named with --save, whose folder is theirs
     */
    ProgressStore(Path file, boolean ownFolder) {
        this.file = file.toAbsolutePath();
        this.ownFolder = ownFolder;
    }

    /**
     * The default place: {@code $XDG_STATE_HOME/spinecheck/} when that is an absolute path, else
     * {@code $HOME/.local/state/spinecheck/}. A {@code HOME} that is set but empty or relative is refused: it would
     * put the answers under whatever folder the program was started in.
     */
    static Path defaultFile(Map<String, String> env, Questionnaire questionnaire) throws UnusableFolder {
        String name = questionnaire.id() + ".progress.yaml";
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
            return Path.of(state, "spinecheck", name);
        }
        String home = env.containsKey("HOME") ? env.get("HOME") : System.getProperty("user.home", "");
        if (home == null || home.isBlank()) {
            throw new UnusableFolder("HOME is empty, so there is no home folder to keep them in");
        }
        if (!Path.of(home).isAbsolute()) {
            throw new UnusableFolder("HOME is '" + home + "', which is not a full path, so there is no home folder to keep"
                    + " them in");
        }
        return Path.of(home, ".local", "state", "spinecheck", name);
    }

    Path file() {
        return file;
    }

    private Path lockFile() {
        return file.getParent().resolve("." + file.getFileName() + ".lock");
    }

    /** When the state folder was found open to others and made private, what was done (to tell the person). */
    Optional<String> tightened() {
        return Optional.ofNullable(tightened);
    }

    /**
     * Takes the lock; false when another screening holds it. In its own state folder it first creates the folder
     * private, or makes an existing one private; a folder that belongs to someone else is refused.
     *
     * @throws IOException when the folder cannot be used (read-only, no permission, a file in the way)
     */
    boolean lock() throws IOException {
        Path folder = file.getParent();
        if (ownFolder) {
            preparePrivateFolder(folder);
        }
        lockChannel = FileChannel.open(lockFile(), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock != null) {
            removeStrandedTemporaryFiles(folder);
        }
        return lock != null;
    }

    private void preparePrivateFolder(Path folder) throws IOException {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                throw new UnusableFolder(p + " is a file, not a folder");
            }
        }
        AtomicFile.createPrivateFolder(folder);
        if (!Files.isDirectory(folder)) {
            throw new UnusableFolder(folder + " is a file, not a folder");
        }
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        String me = System.getProperty("user.name", "");
        String owner = Files.getOwner(folder).getName();
        if (!owner.equals(me)) {
            throw new UnusableFolder("the folder " + folder + " belongs to another user (" + owner + ")");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
        if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            tightened = "The folder " + folder + " could be opened by other users (" + PosixFilePermissions.toString(permissions)
                    + "); it is now private to you (rwx------).";
        }
    }

    /** A temporary file left by a crash mid-write belongs to no one once the lock is held: remove it. */
    private void removeStrandedTemporaryFiles(Path folder) throws IOException {
        String prefix = "." + file.getFileName() + ".";
        try (var entries = Files.newDirectoryStream(folder, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp");
        })) {
            for (Path stranded : entries) {
                Files.deleteIfExists(stranded);
            }
        }
    }

    /** The saved answers, read one by one: those that no longer fit are left out and named. */
    Reading read(Questionnaire questionnaire) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            // A symbolic link planted at the progress file is never followed: it is replaced on the first save.
            return new Nothing();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Unreadable("it is not a regular file");
        }
        try {
            Node root = new TreeReader().read(Inputs.readFile(file), file.toString(), TreeReader.Syntax.YAML, 1);
            AnswerReader.Reading reading = AnswerReader.readAll(root, questionnaire, file.toString());
            if (!reading.screenable()) {
                return new Unreadable(plain(reading.problems()));
            }
            return new Found(new Saved(reading.file().answers(), reading.file().undone(), reading.file().savedAt().orElse(""),
                    leftOut(root, questionnaire, reading.file().answers())));
        } catch (InvalidInputException e) {
            return new Unreadable(plain(e.problems()));
        } catch (UnreadableInputException e) {
            return new Unreadable(e.getMessage());
        }
    }

    private static String plain(List<Problem> problems) {
        return problems.isEmpty() ? "it is not an answer file" : problems.get(0).toString();
    }

    private static List<LeftOut> leftOut(Node root, Questionnaire questionnaire, Map<String, Answer> kept) {
        List<LeftOut> left = new ArrayList<>();
        if (root instanceof Node.Mapping top && top.get("answers").orElse(null) instanceof Node.Mapping answers) {
            for (Node.Entry entry : answers.entries()) {
                if (!kept.containsKey(entry.key())) {
                    String question = questionnaire.question(entry.key()).map(q -> "\"" + TypedAnswer.brief(q.text()) + "\"")
                            .orElse(entry.key());
                    left.add(new LeftOut(question, written(entry.value())));
                }
            }
        }
        return left;
    }

    private static String written(Node value) {
        if (value instanceof Node.Scalar s) {
            return Problem.visible(s.text());
        }
        if (value instanceof Node.Sequence seq) {
            return String.join(", ", seq.items().stream().map(ProgressStore::written).toList());
        }
        return "several values";
    }

    /** Moves an unreadable progress file aside (FILE.unreadable, FILE.unreadable.2, ...); returns where it went. */
    Path setAside() throws IOException {
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable" + (n == 1 ? "" : "." + n));
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createLink(aside, file);
                Files.delete(file);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            return aside;
        }
    }

    void save(Questionnaire questionnaire, Map<String, Answer> answers, Map<String, Answer> undone) throws IOException {
        String text = AnswerFileText.write(questionnaire, answers, undone,
                List.of("An unfinished spinecheck screening. Resume it with: spinecheck", "It is also an answer file: spinecheck run --answers FILE --ask-missing"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes the progress file; with {@code finished}, the lock file too (the screening saves nothing more). Starting
     * over keeps the lock file: it is locked, and another screening must still find it so.
     */
    void delete(boolean finished) throws IOException {
        Files.deleteIfExists(file);
        if (finished && lock != null) {
            Files.deleteIfExists(lockFile());
        }
    }

    /**
     * Why {@code --save FILE} must not use this file, when it is not a progress file of this questionnaire: it would
     * be replaced. A missing or empty file is fine.
     */
    static Optional<String> refusal(Path file, Questionnaire questionnaire) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            return Optional.of(file + " is a folder");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + " is not a regular file");
        }
        try {
            if (Files.size(file) == 0) {
                return Optional.empty();
            }
            Node root = new TreeReader().read(Inputs.readFile(file), file.toString(), TreeReader.Syntax.YAML, 1);
            if (root instanceof Node.Mapping top && top.get("saved_at").isPresent() && top.get("questionnaire")
                    .filter(id -> id instanceof Node.Scalar s && s.text().equals(questionnaire.id())).isPresent()) {
                return Optional.empty();
            }
        } catch (InvalidInputException | UnreadableInputException | IOException e) {
            // not readable as a progress file: refused below
        }
        return Optional.of(file + " is not a progress file of the questionnaire " + questionnaire.id());
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            lock = null;
        }
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }
}
