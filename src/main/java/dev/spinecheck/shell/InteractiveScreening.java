package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.files.AtomicFile;
import dev.spinecheck.render.MarkdownReport;
import dev.spinecheck.render.fhir.FhirBundle;
import dev.spinecheck.render.TextReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;

/**
 * The interactive screening: a person answers in their terminal, can go back, be interrupted and resume, and ends
 * with a result they can take to an appointment. It drives the engine's {@link Screening}; it decides nothing
 * clinical itself.
 */
public final class InteractiveScreening {

    /** How this screening was asked for. */
    public record Options(Questionnaire questionnaire, Wording wording, Map<String, String> env, Optional<Path> saveTo,
            boolean noSave, Optional<Path> report, boolean force, Map<String, Answer> initialAnswers) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final Conversation talk;
    private final Options options;
    private final Questionnaire questionnaire;
    private ProgressStore store;
    private Screening screening;
    private boolean saveFailed;

    public InteractiveScreening(org.jline.terminal.Terminal terminal, dev.spinecheck.render.Style style, boolean plain, Options options) {
        this.talk = new Conversation(terminal, style, plain);
        this.options = options;
        this.questionnaire = options.questionnaire();
    }

    /** Runs the screening to its end; returns the exit code (0 done, 3 left unfinished, 130 interrupted). */
    public int run() {
        try {
            return walk();
        } catch (UserInterruptException e) {
            return leave("Stopped.", ExitStatus.INTERRUPTED);
        } catch (EndOfFileException e) {
            return leave("Stopped.", ExitStatus.NOT_FINISHED);
        } finally {
            closeStore();
        }
    }

    private void closeStore() {
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
            store = null;
        }
    }

    private int walk() {
        intro();
        Optional<Integer> refused = openStore();
        if (refused.isPresent()) {
            return refused.get();
        }
        screening = Screening.resume(questionnaire, startingAnswers());
        Question focus = null;
        boolean stepping = false;
        while (true) {
            Walk.Outcome outcome = screening.outcome();
            if (outcome.end() == Walk.End.OUT_OF_SCOPE) {
                return outOfScope(outcome);
            }
            if (outcome.stoppedEarly()) {
                if (!emergencyInterrupt(outcome)) {
                    return finish();
                }
                focus = outcome.stoppedAt().orElseThrow();
                stepping = false;
            }
            Question question = focus != null ? focus : screening.current().orElse(null);
            if (question == null) {
                Optional<Question> change = reviewBeforeResult();
                if (change.isEmpty()) {
                    return finish();
                }
                focus = change.get();
                stepping = false;
                continue;
            }
            String typed = prompt(question, focus != null);
            String command = typed.strip().toLowerCase(Locale.ROOT);
            switch (command) {
                case "?", "help" -> help(question);
                case "back" -> {
                    Optional<Question> previous = before(question);
                    if (previous.isEmpty()) {
                        talk.say("This is the first question.");
                    } else {
                        focus = previous.get();
                        stepping = true;
                    }
                }
                case "review" -> review(false);
                case "quit", "exit" -> {
                    return leave("You left the screening.", ExitStatus.NOT_FINISHED);
                }
                default -> {
                    Optional<Answer> answer = read(question, typed, focus != null);
                    if (answer.isEmpty()) {
                        if (typed.isBlank() && focus != null && screening.answerTo(question.id()).isPresent()) {
                            focus = stepping ? after(question) : null;
                        }
                        continue;
                    }
                    boolean revisiting = focus != null;
                    record(question, answer.get());
                    // After "back", go forward one answered question at a time; after a change picked from the
                    // review or an undone emergency answer, carry on with whatever is still to ask.
                    focus = revisiting && stepping ? after(question) : null;
                }
            }
        }
    }

    // ---- Start: the intro, the progress file, resuming ----

    private void intro() {
        talk.blank();
        talk.raw(talk.style().strong(questionnaire.title()));
        talk.say(options.wording().fill(questionnaire.intro()));
        talk.blank();
        talk.say("Answer each question by typing the number of your answer, its first word, or its code"
                + (talk.plain() ? "." : " (TAB completes; the Up and Down keys open a list)."));
        talk.say("Type ? for help, back to go to the previous question, review to see your answers, and quit to stop"
                + " (your answers are kept so you can carry on later).");
    }

    private Optional<Integer> openStore() {
        if (options.noSave()) {
            return Optional.empty();
        }
        store = new ProgressStore(options.saveTo().orElseGet(() -> ProgressStore.defaultFile(options.env(), questionnaire)));
        try {
            if (!store.lock()) {
                talk.blank();
                talk.say("Another spinecheck screening is open and using " + store.file()
                        + ". Finish that one first, or start this one with --no-save or --save OTHER-FILE.");
                store = null;
                return Optional.of(ExitStatus.NOT_FINISHED);
            }
        } catch (IOException e) {
            talk.say("Your answers cannot be saved as you go (" + e.getMessage() + "). You can still answer; use --no-save to"
                    + " skip this message.");
            store = null;
        }
        return Optional.empty();
    }

    private Map<String, Answer> startingAnswers() {
        if (!options.initialAnswers().isEmpty() && store != null && options.saveTo().isEmpty()
                && store.read(questionnaire).map(saved -> !saved.answers().isEmpty()).orElse(false)) {
            talk.blank();
            talk.say("You also have an unfinished screening in " + store.file() + "; it is kept as it is, so the answers"
                    + " you give now are not saved as you go. To keep them, start again with --save FILE.");
            closeStore();
        }
        if (!options.initialAnswers().isEmpty() || store == null) {
            return options.initialAnswers();
        }
        Optional<ProgressStore.Saved> saved = store.read(questionnaire);
        if (saved.isEmpty() || saved.get().answers().isEmpty()) {
            return Map.of();
        }
        int count = saved.get().answers().size();
        talk.blank();
        String line = talk.ask(null, "You have an unfinished screening from " + when(saved.get().savedAt()) + " (" + count
                + (count == 1 ? " answer" : " answers") + "). Resume? [Y/n] ");
        if (line.strip().toLowerCase(Locale.ROOT).startsWith("n")) {
            try {
                store.delete();
            } catch (IOException e) {
                talk.say("The old answers could not be deleted (" + e.getMessage() + ").");
            }
            talk.say("Starting over.");
            return Map.of();
        }
        return saved.get().answers();
    }

    private static String when(String savedAt) {
        try {
            return OffsetDateTime.parse(savedAt).atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
        } catch (DateTimeParseException e) {
            return "earlier";
        }
    }

    // ---- Asking ----

    private String prompt(Question question, boolean revisiting) {
        List<Question> path = screening.outcome().path();
        int number = Math.max(1, path.indexOf(question) + 1);
        talk.blank();
        talk.raw(talk.style().strong("Question " + number + " of about " + screening.aboutTotal()));
        talk.say(question.text());
        int i = 1;
        for (Option option : question.options()) {
            talk.item(String.format(Locale.ROOT, "  %d. ", i++), option.text());
        }
        if (question instanceof Question.Multi) {
            talk.say("Choose all that apply: type their numbers, like 1 3.");
        } else if (question instanceof Question.IntegerQuestion whole) {
            talk.say("Type a whole number" + (whole.unit().isEmpty() ? "" : " (" + whole.unit() + ")") + ".");
        }
        Optional<Answer> current = screening.answerTo(question.id());
        if (revisiting && current.isPresent()) {
            talk.say("Your answer was: " + Wording.answerWords(questionnaire, question.id(), current.get())
                    + ". Press Enter to keep it, or type a new answer.");
        }
        return talk.ask(question, "> ");
    }

    /** The typed answer, or empty after saying what is expected (or when the list was closed with Esc). */
    private Optional<Answer> read(Question question, String typed, boolean revisiting) {
        if (typed.equals(Conversation.OPEN_LIST)) {
            return ListPrompt.choose(talk.terminal(), question, screening.answerTo(question.id()), !talk.plain());
        }
        if (typed.isBlank() && revisiting && screening.answerTo(question.id()).isPresent()) {
            return Optional.empty();
        }
        TypedAnswer.Parsed parsed = TypedAnswer.parse(question, typed);
        if (parsed instanceof TypedAnswer.Retry retry) {
            talk.say(retry.message());
            return Optional.empty();
        }
        return Optional.of(((TypedAnswer.Ok) parsed).answer());
    }

    private void record(Question question, Answer answer) {
        Screening.Change change = screening.answer(question.id(), answer);
        if (talk.plain() || !(answer instanceof Answer.Number)) {
            talk.say("You answered: " + Wording.answerWords(questionnaire, question.id(), answer) + ".");
        }
        if (!change.dropped().isEmpty()) {
            int n = change.dropped().size();
            talk.say(n + (n == 1 ? " later answer no longer applies and was removed: " : " later answers no longer apply and were removed: ")
                    + String.join("; ", change.dropped().stream().map(this::shortText).toList()) + ".");
        }
        save();
    }

    private void save() {
        if (store == null) {
            return;
        }
        try {
            store.save(questionnaire, screening.answers());
        } catch (IOException e) {
            if (!saveFailed) {
                talk.say("Your answers could not be saved to " + store.file() + " (" + e.getMessage() + "). You can go on,"
                        + " but if you stop now they will be lost.");
                saveFailed = true;
            }
        }
    }

    private void help(Question question) {
        talk.blank();
        if (!question.help().isBlank()) {
            talk.say(question.help());
        }
        for (Option option : question.options()) {
            if (!option.help().isBlank()) {
                talk.item("  " + option.text() + ": ", option.help());
            }
        }
        talk.say("Type the number of your answer (or its first word). Other commands: back (previous question), review"
                + " (your answers so far), quit (stop; your answers are kept).");
        talk.say("If you feel very unwell, stop and call " + options.wording().emergencyNumber() + ".");
    }

    private Optional<Question> before(Question question) {
        List<Question> path = screening.outcome().path();
        int index = path.indexOf(question);
        for (int i = (index < 0 ? path.size() : index) - 1; i >= 0; i--) {
            if (screening.answerTo(path.get(i).id()).isPresent()) {
                return Optional.of(path.get(i));
            }
        }
        return Optional.empty();
    }

    /** The next answered question after this one, while going forward again after "back"; null to carry on as usual. */
    private Question after(Question question) {
        List<Question> path = screening.outcome().path();
        int index = path.indexOf(question);
        if (index >= 0 && index + 1 < path.size() && screening.answerTo(path.get(index + 1).id()).isPresent()
                && !screening.outcome().stoppedEarly()) {
            return path.get(index + 1);
        }
        return null;
    }

    /** A question's text, cut at a word when long, for naming it in a sentence. */
    private String shortText(String questionId) {
        String text = questionnaire.question(questionId).map(q -> q.text()).orElse(questionId);
        text = text.replaceAll("[?.:]+$", "");
        if (text.length() <= 60) {
            return "\"" + text + "\"";
        }
        int cut = text.lastIndexOf(' ', 57);
        return "\"" + text.substring(0, cut > 20 ? cut : 57).replaceAll("[,;:]$", "") + " ...\"";
    }

    // ---- Review, emergency, result ----

    private List<Question> answered() {
        List<Question> answered = new ArrayList<>();
        for (Question q : screening.outcome().path()) {
            if (screening.answerTo(q.id()).isPresent()) {
                answered.add(q);
            }
        }
        return answered;
    }

    private void review(boolean numbered) {
        talk.blank();
        talk.raw(talk.style().strong("Your answers"));
        List<Question> answered = answered();
        if (answered.isEmpty()) {
            talk.say("No answers yet.");
        }
        int i = 1;
        for (Question q : answered) {
            talk.item(String.format(Locale.ROOT, "%3d. ", i++), q.text() + " — "
                    + Wording.answerWords(questionnaire, q.id(), screening.answerTo(q.id()).orElseThrow()));
        }
        if (!numbered) {
            talk.say("To change an answer, type back until you reach it (or finish, then pick it from this list).");
        }
    }

    private Optional<Question> reviewBeforeResult() {
        review(true);
        List<Question> answered = answered();
        while (true) {
            String line = talk.ask(null, "Type a number to change that answer, or press Enter to see your result: ").strip();
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (isQuit(line)) {
                throw new EndOfFileException();
            }
            if (line.equalsIgnoreCase("back") && !answered.isEmpty()) {
                return Optional.of(answered.get(answered.size() - 1));
            }
            try {
                int n = Integer.parseInt(line);
                if (n >= 1 && n <= answered.size()) {
                    return Optional.of(answered.get(n - 1));
                }
            } catch (NumberFormatException e) {
                // falls through to the hint
            }
            talk.say("Please type a number from 1 to " + answered.size() + ", or just press Enter.");
        }
    }

    private static boolean isQuit(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT);
        return lower.equals("quit") || lower.equals("exit");
    }

    /** The emergency warning: true when the person says they answered by mistake. */
    private boolean emergencyInterrupt(Walk.Outcome outcome) {
        Level level = Level.EMERGENCY;
        talk.blank();
        talk.raw(talk.style().alarm(" " + questionnaire.level(level).label() + " "));
        EmergencyPlan plan = EmergencyPlan.of(outcome).orElseThrow();
        talk.say(talk.style().strong(options.wording().fill(plan.headline()) + " " + options.wording().fill(plan.line())));
        plan.instructions().forEach(i -> talk.say(options.wording().fill(i)));
        Question stopped = outcome.stoppedAt().orElseThrow();
        Answer given = screening.answerTo(stopped.id()).orElseThrow();
        talk.say("This is because you answered \"" + Wording.answerWords(questionnaire, stopped.id(), given) + "\" to: "
                + stopped.text());
        talk.blank();
        talk.item("  1. ", "I answered by mistake — change that answer");
        talk.item("  2. ", "Show my result");
        while (true) {
            String line = talk.ask(null, "> ").strip().toLowerCase(Locale.ROOT);
            if (line.equals("1") || line.startsWith("i ") || line.startsWith("mistake") || line.startsWith("change")) {
                return true;
            }
            if (line.equals("2") || line.startsWith("show") || line.startsWith("result")) {
                return false;
            }
            if (isQuit(line)) {
                throw new EndOfFileException();
            }
            talk.say("Please type 1 to change that answer, or 2 to see your result.");
        }
    }

    private int outOfScope(Walk.Outcome outcome) {
        talk.blank();
        talk.say(outcome.outOfScopeMessage().orElseThrow());
        talk.say("If you are worried, call " + options.wording().emergencyNumber() + " in an emergency, or see a doctor.");
        List<String> lines = new ArrayList<>();
        new TextReport(options.wording(), talk.style(), talk.width()).safetyNetAndDisclaimer(lines, questionnaire);
        lines.forEach(talk::raw);
        forgetProgress();
        return ExitStatus.OK;
    }

    private int finish() {
        Result result = screening.result();
        talk.blank();
        talk.raw("────────────────────────────────────────");
        new TextReport(options.wording(), talk.style(), talk.width()).render(result).forEach(talk::raw);
        offerReport(result);
        if (options.saveTo().isPresent() && store != null) {
            save();
            talk.say("Your answers are kept in " + store.file() + ".");
        } else {
            forgetProgress();
        }
        return ExitStatus.OK;
    }

    private void offerReport(Result result) {
        ZonedDateTime now = ZonedDateTime.now();
        String markdown = new MarkdownReport(options.wording()).render(result, now, Optional.empty());
        if (options.report().isPresent()) {
            Path file = options.report().get();
            writeReport(file, isFhir(file) ? fhir(result, now) : markdown, options.force());
            return;
        }
        talk.blank();
        Optional<LearnPrompt> learn = LearnPrompt.of(talk, result, options.wording());
        learn.ifPresent(l -> talk.say(l.offer()));
        while (true) {
            String name = talk.ask(null, "To save this as a summary for your appointment, type a file name (like spine-summary.md),"
                    + (learn.isPresent() ? " type learn to read more," : "") + " or press Enter to skip: ").strip();
            if (name.isEmpty()) {
                return;
            }
            if (learn.isPresent() && learn.get().handle(name)) {
                continue;
            }
            Path file = Path.of(name.endsWith(".md") || isFhir(Path.of(name)) ? name : name + ".md");
            if (writeReport(file, isFhir(file) ? fhir(result, now) : markdown, false)) {
                return;
            }
        }
    }

    /** A report named *.json is the FHIR Bundle (QuestionnaireResponse and RiskAssessment), as run --format fhir writes. */
    private static boolean isFhir(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private String fhir(Result result, ZonedDateTime now) {
        StringWriter bundle = new StringWriter();
        new FhirBundle(options.wording()).write(result, now.toOffsetDateTime(), bundle);
        return bundle.toString();
    }

    private boolean writeReport(Path file, String markdown, boolean replace) {
        try {
            if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                talk.say(file + " already exists, and it was not replaced. Choose another name" + (options.report().isPresent()
                        ? " (or use --force to replace it)." : "."));
                return false;
            }
            try (AtomicFile atomic = AtomicFile.begin(file)) {
                atomic.stream().write(markdown.getBytes(StandardCharsets.UTF_8));
                if (replace) {
                    atomic.commit();
                } else {
                    atomic.commitNew();
                }
            }
            talk.say("Saved your summary to " + file + ".");
            return true;
        } catch (FileAlreadyExistsException e) {
            talk.say(file + " already exists, and it was not replaced. Choose another name.");
            return false;
        } catch (IOException | RuntimeException e) {
            talk.say("The summary could not be saved to " + file + " (" + e.getMessage() + ").");
            return false;
        }
    }

    private void forgetProgress() {
        if (store != null) {
            try {
                store.delete();
            } catch (IOException e) {
                talk.say("Your saved answers could not be removed from " + store.file() + " (" + e.getMessage() + ").");
            }
        }
    }

    /** Quit, Ctrl-D or Ctrl-C: the answers are already saved; say how to carry on. */
    private int leave(String why, int exitCode) {
        talk.blank();
        if (store != null && screening != null && !screening.answers().isEmpty()) {
            save();
            talk.say(why + " Your " + screening.answers().size() + (screening.answers().size() == 1 ? " answer is" : " answers are")
                    + " saved in " + store.file() + ". Run spinecheck again to carry on where you left off.");
        } else {
            talk.say(why + " Nothing was saved.");
        }
        talk.say("If you feel very unwell, call " + options.wording().emergencyNumber() + ".");
        return exitCode;
    }
}
