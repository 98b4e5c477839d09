package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.Flag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.engine.Step;
import dev.spinecheck.engine.UndoneEmergency;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.render.TextReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ExitStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;

/**
 * The interactive screening: a loop that shows the step the engine's {@link Screening} stands at and reads what the
 * person types, until the result. It decides nothing clinical itself. Beside it: {@link ProgressSession} keeps the
 * answers on disk as they are given, and {@link ReportOffer} saves the summary.
 *
 * <p>Whatever ends the program while the answers make an emergency certain — the result, {@code quit}, Ctrl-C,
 * Ctrl-D — ends with the emergency's last line (spec section 10), after any prompt.
 */
public final class InteractiveScreening {

    /** How this screening was asked for. */
    public record Options(Questionnaire questionnaire, Wording wording, Map<String, String> env, Optional<Path> saveTo,
            boolean noSave, Optional<Path> report, boolean force, Map<String, Answer> initialAnswers) {}


    private final Conversation talk;
    private final Options options;
    private final Questionnaire questionnaire;
    private final TextReport text;
    private ProgressSession session;
    private Screening screening;
    /** Saved answers being offered for resume, while the person decides (a Ctrl-C then still ends with their emergency). */
    private Map<String, Answer> offered = Map.of();
    /** The undone emergency answers of the screening being resumed (question id to first answer). */
    private Map<String, Answer> startingUndone = Map.of();
    private boolean resultShown;

    public InteractiveScreening(org.jline.terminal.Terminal terminal, dev.spinecheck.render.Style style, boolean plain, Options options) {
        this.talk = new Conversation(terminal, style, plain);
        this.options = options;
        this.questionnaire = options.questionnaire();
        this.text = new TextReport(options.wording(), style, talk.width());
    }

    /** Runs the screening to its end; returns the exit code (0 done, 3 left unfinished, 130 interrupted). */
    public int run() {
        try {
            return screen();
        } catch (Quit e) {
            return stop("You left the screening.", ExitStatus.NOT_FINISHED);
        } catch (UserInterruptException e) {
            return stop("Stopped.", ExitStatus.INTERRUPTED);
        } catch (EndOfFileException e) {
            return stop("Stopped.", ExitStatus.NOT_FINISHED);
        } catch (java.io.IOError e) {
            // The terminal is gone (closed, hung up): nothing more can be shown or read there. Every answer was saved as
            // it was given, so it is kept, as after "quit"; not a crash of ours.
            return resultShown ? ExitStatus.OK : ExitStatus.NOT_FINISHED;
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private int screen() {
        intro();
        Optional<Integer> refused = openSession();
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Answer> starting = startingAnswers();
        screening = Screening.resume(questionnaire, starting, startingUndone);
        offered = Map.of();
        QuestionPrompt questions = new QuestionPrompt(talk, questionnaire, options.wording(), screening, session);
        Step step = screening.step();
        while (true) {
            if (step instanceof Step.Ask ask) {
                step = questions.ask(ask);
            } else if (step instanceof Step.Emergency emergency) {
                step = emergency(emergency);
            } else if (step instanceof Step.Review review) {
                step = review(review);
            } else if (step instanceof Step.OutOfScope out) {
                return outOfScope(out);
            } else {
                return result(((Step.Done) step).result());
            }
        }
    }

    // ---- Start: the intro, the progress file, resuming ----

    private void intro() {
        talk.blank();
        talk.heading(questionnaire.title());
        talk.say(options.wording().fill(questionnaire.intro()));
        talk.blank();
        talk.say("Answer each question by typing the number of your answer or its first words; for a yes-or-no question,"
                + " type yes or no." + (talk.plain() ? "" : " TAB completes an answer, and the Up and Down keys open a list."));
    }

    private void keys() {
        talk.say("Type ? for help, back to go to the previous question, review to see your answers, and quit to stop"
                + (session.keeps() ? " (your answers are kept so you can carry on later)." : " (nothing is kept on disk)."));
    }

    private Optional<Integer> openSession() {
        if (options.noSave()) {
            session = ProgressSession.off(talk, questionnaire);
            keys();
            return Optional.empty();
        }
        Path file;
        try {
            file = options.saveTo().orElse(ProgressStore.defaultFile(options.env(), questionnaire));
        } catch (ProgressStore.UnusableFolder e) {
            session = ProgressSession.unusable(talk, questionnaire, e.getMessage());
            keys();
            return Optional.empty();
        }
        ProgressSession.Opened opened = ProgressSession.open(talk, questionnaire, file, options.saveTo().isEmpty());
        if (opened instanceof ProgressSession.Taken taken) {
            talk.blank();
            talk.say("Another spinecheck screening is open and using " + taken.file() + ". Finish that one first, or start"
                    + " this one with --no-save or --save OTHER-FILE.");
            return Optional.of(ExitStatus.NOT_FINISHED);
        }
        session = ((ProgressSession.Ready) opened).session();
        keys();
        return Optional.empty();
    }

    private Map<String, Answer> startingAnswers() {
        ProgressStore.Reading reading = session.read();
        if (reading instanceof ProgressStore.Unreadable unreadable) {
            talk.blank();
            session.setAside(unreadable.why());
            reading = new ProgressStore.Nothing();
        }
        Optional<ProgressStore.Saved> saved = reading instanceof ProgressStore.Found found && !found.saved().answers().isEmpty()
                ? Optional.of(found.saved()) : Optional.empty();
        if (!options.initialAnswers().isEmpty()) {
            if (saved.isPresent() && options.saveTo().isEmpty()) {
                talk.blank();
                talk.say("You also have an unfinished screening in " + session.file().orElseThrow() + "; it is kept as it is,"
                        + " so the answers you give now are not saved as you go. To keep them, start again with --save FILE.");
                session.keepFileAsItIs("another unfinished screening is kept in that file");
            }
            return options.initialAnswers();
        }
        if (saved.isEmpty()) {
            return Map.of();
        }
        offered = saved.get().answers();
        Map<String, Answer> resumed = new ResumeOffer(talk, questionnaire, text, session).offer(saved.get());
        startingUndone = resumed.isEmpty() ? Map.of() : saved.get().undone();
        return resumed;
    }

    private Optional<EmergencyPlan> emergencyIn(Map<String, Answer> answers) {
        Walk.Outcome outcome = Walk.run(questionnaire, answers);
        return outcome.stoppedEarly() ? EmergencyPlan.of(outcome) : Optional.empty();
    }

    // ---- Review, emergency, result ----

    private Step review(Step.Review review) {
        talk.blank();
        talk.heading("Your answers");
        if (review.answers().isEmpty()) {
            talk.say("No answers yet.");
        }
        int i = 1;
        for (Step.Answered answered : review.answers()) {
            Question q = answered.question();
            talk.item(String.format(Locale.ROOT, "%3d. ", i++), QuestionPrompt.oneLine(q.text()) + " — "
                    + Wording.answerWords(questionnaire, q.id(), answered.answer()));
        }
        String enter = review.beforeResult() ? "press Enter to see your result" : "press Enter to go back to question "
                + review.returnTo().map(q -> screening.outcome().path().indexOf(q) + 1).orElse(1);
        int n = review.answers().size();
        while (true) {
            String line = talk.askLine(n == 0 ? "Press Enter to go back to the question: "
                    : "Type a number to change that answer, or " + enter + ": ").strip();
            String command = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty()) {
                return review.beforeResult() ? screening.finish() : screening.leaveReview();
            }
            if (command.equals("quit") || command.equals("exit")) {
                throw new Quit();
            }
            if (command.equals("back")) {
                return screening.back();
            }
            if (line.matches("\\d{1,4}")) {
                int picked = Integer.parseInt(line);
                if (picked >= 1 && picked <= n) {
                    return screening.jumpTo(review.answers().get(picked - 1).question().id());
                }
            }
            talk.say(n == 0 ? "Please just press Enter." : "Please type a number from 1 to " + n + ", or just press Enter.");
        }
    }

    /** The emergency warning: the level word, the one action and its instructions, the answer that raised it. */
    private Step emergency(Step.Emergency emergency) {
        EmergencyPlan plan = emergency.plan();
        Wording wording = options.wording();
        talk.blank();
        talk.heading(talk.style().alarm(" " + questionnaire.level(Level.EMERGENCY).label() + " "));
        talk.heading(wording.fill(plan.headline()) + " " + wording.fill(plan.line()));
        plan.instructions().forEach(i -> talk.say(wording.fill(i)));
        Question stopped = emergency.stoppedAt();
        talk.say("This is because you answered \"" + Wording.answerWords(questionnaire, stopped.id(), emergency.given()) + "\" to: "
                + QuestionPrompt.oneLine(stopped.text()));
        talk.blank();
        Question choice = new Question.Choice("emergency", "", "", Condition.ALWAYS, List.of(
                new Option("mistake", "I answered by mistake — change that answer", "", false, false),
                new Option("result", "Show my result", "", false, false)));
        talk.item("  1. ", choice.options().get(0).text());
        talk.item("  2. ", choice.options().get(1).text());
        while (true) {
            String line = talk.askLine("> ");
            String command = line.strip().toLowerCase(Locale.ROOT);
            if (command.equals("quit") || command.equals("exit")) {
                throw new Quit();
            }
            if (command.equals("back") || command.equals("undo") || command.equals("change")) {
                return screening.undoEmergency();
            }
            TypedAnswer.Parsed parsed = TypedAnswer.parse(choice, line);
            if (parsed instanceof TypedAnswer.Ok ok) {
                return ((Answer.Code) ok.answer()).code().equals("mistake") ? screening.undoEmergency() : screening.finish();
            }
            talk.say("Please type 1 to change that answer, or 2 to see your result.");
        }
    }

    private int outOfScope(Step.OutOfScope out) {
        talk.blank();
        talk.say(options.wording().fill(out.message()));
        List<String> lines = new ArrayList<>();
        text.safetyNetAndDisclaimer(lines, questionnaire);
        talk.lines(lines);
        resultShown = true;
        session.finished();
        return ExitStatus.OK;
    }

    private int result(Result result) {
        talk.blank();
        if (!talk.plain()) {
            talk.lines(List.of("─".repeat(Math.min(40, talk.width() - 1))));
        }
        talk.lines(text.body(result));
        resultShown = true;
        if (options.saveTo().isPresent() && session.keeps()) {
            session.save(screening.answers(), screening.undoneAnswers());
            talk.blank();
            talk.say("Your answers are kept in " + session.file().orElseThrow() + ", as you asked with --save.");
        } else {
            // Shown, so no longer needed: gone before any further prompt, so that a Ctrl-C there leaves nothing behind.
            session.finished();
        }
        new ReportOffer(talk, options.wording(), options.report(), options.force(), options.env()).offer(result);
        lastLine();
        return ExitStatus.OK;
    }

    /** The emergency's last line, while the answers (or the saved ones being offered) make an emergency certain. */
    private void lastLine() {
        Optional<EmergencyPlan> plan = screening != null
                ? (screening.outcome().stoppedEarly() ? EmergencyPlan.of(screening.outcome()) : Optional.empty())
                : emergencyIn(offered);
        text.lastLine(plan).ifPresent(line -> {
            talk.blank();
            talk.heading(line);
        });
    }

    /** Quit, Ctrl-D or Ctrl-C: say what is kept; without an emergency, the safety net and what was not checked. */
    private int stop(String why, int exitCode) {
        if (resultShown) {
            lastLine();
            return exitCode == ExitStatus.INTERRUPTED ? exitCode : ExitStatus.OK;
        }
        talk.blank();
        Map<String, Answer> answers = screening != null ? screening.answers() : Map.of();
        talk.say(why + " " + (session == null ? "Nothing was saved." : screening == null && !offered.isEmpty()
                ? "Your saved answers are kept as they were." : session.leaving(answers,
                        screening != null ? screening.undoneAnswers() : Map.of())));
        boolean emergency = screening != null ? screening.outcome().stoppedEarly() : emergencyIn(offered).isPresent();
        if (!emergency) {
            if (screening != null) {
                for (UndoneEmergency undone : screening.undone()) {
                    talk.blank();
                    talk.say(text.undoneLine(questionnaire, undone));
                }
            }
            talk.blank();
            talk.say(notChecked());
            List<String> lines = new ArrayList<>();
            text.safetyNetAndDisclaimer(lines, questionnaire);
            talk.lines(lines);
        }
        lastLine();
        return exitCode;
    }

    /**
     * "The screening did not finish, so the warning-sign questions after question N were not checked." A warning-sign
     * question is one a flag reads; N is the last question answered in order.
     */
    private String notChecked() {
        if (screening == null) {
            return "The screening did not start, so no warning signs were checked.";
        }
        Set<String> read = new HashSet<>();
        for (Flag flag : questionnaire.flags()) {
            flag.when().readQuestions(read);
        }
        boolean warningSignsLeft = screening.outcome().missing().stream().anyMatch(q -> read.contains(q.id()));
        if (!warningSignsLeft) {
            return "The screening did not finish, so you have not seen your result.";
        }
        int n = screening.asked().size();
        return n == 0 ? "The screening did not finish, so the warning-sign questions were not checked."
                : "The screening did not finish, so the warning-sign questions after question " + n + " were not checked.";
    }
}
