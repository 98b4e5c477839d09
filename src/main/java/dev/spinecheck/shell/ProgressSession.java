package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress file of one interactive screening, and the truth about it: it saves after every answer, remembers what
 * the file really holds, and never says "saved" when it is not (issue 10). When the answers cannot be kept, it says
 * which, and why, in plain words.
 */
final class ProgressSession implements AutoCloseable {

    /** How the session could be opened. */
    sealed interface Opened permits Ready, Taken {}

    record Ready(ProgressSession session) implements Opened {}

    /** Another screening holds the lock on this file. */
    record Taken(Path file) implements Opened {}

    private final Conversation talk;
    private final Questionnaire questionnaire;
    private ProgressStore store;
    private boolean writable;
    private String cannotSave;
    private boolean off;
    /** What the file holds as far as this session knows: the answers of the last save that worked. */
    private Map<String, Answer> inFile = Map.of();
    private boolean fileExists;

    private ProgressSession(Conversation talk, Questionnaire questionnaire, ProgressStore store, boolean writable) {
        this.talk = talk;
        this.questionnaire = questionnaire;
        this.store = store;
        this.writable = writable;
    }

    /** A screening that keeps nothing on disk (--no-save). */
    static ProgressSession off(Conversation talk, Questionnaire questionnaire) {
        ProgressSession session = new ProgressSession(talk, questionnaire, null, false);
        session.cannotSave = "you chose --no-save";
        session.off = true;
        return session;
    }

    /**
     * Opens the progress file: takes its lock, and makes its own state folder private. A folder that cannot be used is
     * said once, with why; a read-only one still offers its saved answers.
     *
     * @param file the file, or why the default place cannot be used
     * @param ownFolder true for the default state folder (kept private by this program)
     */
    static Opened open(Conversation talk, Questionnaire questionnaire, Path file, boolean ownFolder) {
        ProgressStore store = new ProgressStore(file, ownFolder);
        try {
            if (!store.lock()) {
                store.close();
                return new Taken(store.file());
            }
            store.tightened().ifPresent(talk::say);
            return new Ready(new ProgressSession(talk, questionnaire, store, true));
        } catch (IOException e) {
            closeQuietly(store);
            ProgressSession session = new ProgressSession(talk, questionnaire, store, false);
            session.cannotSave = Why.of(e);
            talk.say("Your answers cannot be saved as you go in " + store.file().getParent() + ": " + session.cannotSave
                    + ". You can still answer, but nothing new will be kept if you stop. To keep your answers, start again"
                    + " with --save FILE in a folder you can write to.");
            return new Ready(session);
        }
    }

    /** A session for a default place that cannot be used at all (HOME empty). */
    static ProgressSession unusable(Conversation talk, Questionnaire questionnaire, String why) {
        ProgressSession session = new ProgressSession(talk, questionnaire, null, false);
        session.cannotSave = why;
        talk.say("Your answers cannot be saved as you go: " + why + ". You can still answer, but nothing will be kept if"
                + " you stop. To keep your answers, start again with --save FILE.");
        return session;
    }

    /** Whether answers are being kept as the person goes. */
    boolean keeps() {
        return writable;
    }

    Optional<Path> file() {
        return Optional.ofNullable(store).map(ProgressStore::file);
    }

    /** What the file holds from an earlier screening (also from a read-only folder). */
    ProgressStore.Reading read() {
        if (store == null) {
            return new ProgressStore.Nothing();
        }
        ProgressStore.Reading reading = store.read(questionnaire);
        if (reading instanceof ProgressStore.Found found) {
            inFile = found.saved().answers();
            fileExists = true;
        }
        return reading;
    }

    /** Moves an unreadable file aside, saying so; if it cannot be moved, stops saving so that it stays as it is. */
    void setAside(String why) {
        try {
            Path aside = store.setAside();
            talk.say("Your saved answers in " + store.file() + " could not be read (" + why + "). The file is kept as " + aside
                    + ", and this screening starts afresh.");
        } catch (IOException e) {
            writable = false;
            cannotSave = "the file " + store.file() + " could not be read, and it was left as it is";
            talk.say("Your saved answers in " + store.file() + " could not be read (" + why + "), and the file could not be"
                    + " moved aside (" + Why.of(e) + "). So that nothing in it is lost, this screening does not save as you go.");
        }
    }

    /** Stops saving as you go, leaving the file as it is (ask-missing beside another unfinished screening). */
    void keepFileAsItIs(String why) {
        writable = false;
        cannotSave = why;
        closeQuietly(store);
        store = null;
        fileExists = false;
        inFile = Map.of();
    }

    /**
     * Saves the answers and the emergency answers that were undone (question id to first answer); a failure says which
     * answers are not in the file, and why.
     */
    void save(Map<String, Answer> answers, Map<String, Answer> undone) {
        if (!writable) {
            return;
        }
        try {
            store.save(questionnaire, answers, undone);
            inFile = Map.copyOf(answers);
            fileExists = true;
        } catch (IOException e) {
            List<String> missing = notInFile(answers);
            talk.say("Not saved: " + (missing.isEmpty() ? "your answers" : "your answer" + (missing.size() == 1 ? " to " : "s to ")
                    + String.join(", ", missing)) + " could not be written to " + store.file() + " (" + Why.of(e) + "). You can"
                    + " go on, but if you stop now " + (missing.size() == 1 ? "it" : "they") + " will not be kept.");
        }
    }

    /**
     * Saves once more and says what to tell a person who stops now: how many of their answers the file really holds.
     * {@code undone}: the emergency answers that were undone, saved beside the answers.
     */
    String leaving(Map<String, Answer> answers, Map<String, Answer> undone) {
        if (off) {
            return "Nothing was saved (you chose --no-save).";
        }
        if (answers.isEmpty()) {
            return fileExists && !inFile.isEmpty() ? "Your earlier answers are still saved in " + store.file() + "." : "Nothing was saved.";
        }
        if (!writable) {
            return "Your answers were not saved (" + cannotSave + ")" + (fileExists && !inFile.isEmpty()
                    ? "; " + store.file() + " still holds " + count(inFile.size()) + " from before." : ", so they are not kept.");
        }
        save(answers, undone);
        List<String> missing = notInFile(answers);
        if (missing.isEmpty()) {
            return "Your " + count(answers.size()) + (answers.size() == 1 ? " is" : " are") + " saved in " + store.file()
                    + ". Run spinecheck again to carry on where you left off.";
        }
        int kept = answers.size() - missing.size();
        if (!fileExists || kept == 0) {
            return "Your answers could not be saved in " + store.file() + ", so they are not kept: your answer"
                    + (missing.size() == 1 ? " to " : "s to ") + String.join(", ", missing) + " could not be written.";
        }
        return "Only " + kept + " of your " + count(answers.size()) + " are saved in " + store.file() + ". Not saved: your answer"
                + (missing.size() == 1 ? " to " : "s to ") + String.join(", ", missing) + ". Run spinecheck again to carry on"
                + " from the saved ones.";
    }

    private static String count(int n) {
        return n + (n == 1 ? " answer" : " answers");
    }

    /** The answers (as short question texts) that the file does not hold as given. */
    private List<String> notInFile(Map<String, Answer> answers) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Answer> answer : answers.entrySet()) {
            if (!answer.getValue().equals(inFile.get(answer.getKey()))) {
                missing.add(questionnaire.question(answer.getKey()).map(Question::text)
                        .map(t -> "\"" + TypedAnswer.brief(t) + "\"").orElse(answer.getKey()));
            }
        }
        return missing;
    }

    /** Deletes the saved answers to start over; the lock stays, as the screening goes on. */
    boolean startOver() {
        return delete(false);
    }

    /** Deletes the saved answers once the result has been shown, with the lock file: nothing more will be saved. */
    boolean finished() {
        boolean deleted = delete(true);
        writable = false;
        return deleted;
    }

    private boolean delete(boolean finished) {
        if (store == null || !fileExists && !finished) {
            return true;
        }
        try {
            store.delete(finished);
            fileExists = false;
            inFile = Map.of();
            return true;
        } catch (IOException e) {
            talk.say("Your saved answers could not be removed from " + store.file() + " (" + Why.of(e) + "). Delete the file"
                    + " yourself if you do not want to keep them.");
            return false;
        }
    }

    /** The answers the file holds now, as far as this session knows. */
    Map<String, Answer> inFile() {
        return new LinkedHashMap<>(inFile);
    }

    @Override
    public void close() {
        closeQuietly(store);
    }

    private static void closeQuietly(ProgressStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
