package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.load.AnswerFile;
import dev.spinecheck.load.AnswerReader;
import dev.spinecheck.load.Inputs;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.load.UnreadableInputException;
import dev.spinecheck.render.AnswerFileText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps an unfinished screening on disk, so that nothing is lost: a private answer file (with {@code saved_at})
 * rewritten atomically after every answer, with a lock so that two shells never share it.
 */
final class ProgressStore implements AutoCloseable {

    /** Answers saved earlier, and when. */
    record Saved(Map<String, Answer> answers, String savedAt) {}

    private final Path file;
    private FileChannel lockChannel;
    private FileLock lock;

    ProgressStore(Path file) {
        this.file = file;
    }

    /** The default place: {@code $XDG_STATE_HOME/spinecheck/}, else {@code ~/.local/state/spinecheck/}. */
    static Path defaultFile(Map<String, String> env, Questionnaire questionnaire) {
        String state = env.get("XDG_STATE_HOME");
        Path folder = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state, "spinecheck")
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state", "spinecheck");
        return folder.resolve(questionnaire.id() + ".progress.yaml");
    }

    Path file() {
        return file;
    }

    /** Takes the lock; false when another screening holds it. Creates the private folder first. */
    boolean lock() throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        AtomicFile.createPrivateFolder(folder);
        Path lockFile = folder.resolve("." + file.getFileName() + ".lock");
        lockChannel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
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

    /** The saved answers, if there are any that fit this questionnaire. */
    Optional<Saved> read(Questionnaire questionnaire) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            TreeReader reader = new TreeReader();
            AnswerFile saved = AnswerReader.read(reader.read(Inputs.readFile(file), file.toString(), TreeReader.Syntax.YAML, 1),
                    questionnaire, file.toString());
            return Optional.of(new Saved(saved.answers(), saved.savedAt().orElse("")));
        } catch (InvalidInputException | UnreadableInputException e) {
            return Optional.empty();
        }
    }

    void save(Questionnaire questionnaire, Map<String, Answer> answers) throws IOException {
        String text = AnswerFileText.write(questionnaire, answers,
                List.of("An unfinished spinecheck screening. Resume it with: spinecheck", "It is also an answer file: spinecheck run --answers FILE --ask-missing"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
        }
        if (lockChannel != null) {
            lockChannel.close();
        }
    }
}
