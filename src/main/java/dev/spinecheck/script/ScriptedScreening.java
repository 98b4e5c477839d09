package dev.spinecheck.script;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.UndoneEmergency;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.AnswerFile;
import dev.spinecheck.load.AnswerReader;
import dev.spinecheck.load.InvalidInputException;
import dev.spinecheck.load.Location;
import dev.spinecheck.load.Problem;
import dev.spinecheck.load.QuickAnswers;
import dev.spinecheck.load.TreeReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Screens answer sets without a person at the keyboard (spec section 5): the walk as a person would take it, where a
 * question on the path without an answer is an error that names every missing question — nothing is assumed.
 */
public final class ScriptedScreening {
    private final Questionnaire questionnaire;
    private final TreeReader reader;
    private final QuickAnswers.Keys keys;

    public ScriptedScreening(Questionnaire questionnaire, TreeReader reader) {
        this.questionnaire = questionnaire;
        this.reader = reader;
        this.keys = new QuickAnswers.Keys(questionnaire);
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /**
     * Each problem as its line. A loop, not a stream: every line cut short in a batch comes here, and a lambda's first
     * use in the middle of a batch links method handles.
     */
    private static List<String> words(List<Problem> problems) {
        List<String> lines = new ArrayList<>(problems.size());
        for (Problem problem : problems) {
            lines.add(problem.toString());
        }
        return List.copyOf(lines);
    }

    /** Screens one answer file given as text. */
    public Verdict screen(String source, byte[] text, TreeReader.Syntax syntax) {
        return screen(source, source, text, syntax, 1);
    }

    /**
     * Screens one answer set given as text. {@code source} names the answer set ({@code path:line} for a JSON Lines
     * record); {@code file} and {@code firstLine} place its problems in the real file.
     */
    public Verdict screen(String source, String file, byte[] text, TreeReader.Syntax syntax, int firstLine) {
        AnswerReader.Reading reading;
        try {
            // Most records are plain: read in one pass; any other is read the full way.
            reading = syntax == TreeReader.Syntax.JSON ? QuickAnswers.read(text, keys, file, firstLine, source) : null;
            if (reading == null) {
                reading = AnswerReader.readAll(reader.read(text, file, syntax, firstLine), questionnaire, source);
            }
        } catch (InvalidInputException e) {
            return Verdict.Refused.of(source, ExitStatus.INVALID_INPUT, words(e.problems()));
        }
        return screen(reading);
    }

    /** Screens answers that are all valid. */
    public Verdict screen(AnswerFile answers) {
        return screen(new AnswerReader.Reading(answers, List.of(), java.util.Set.of(), true));
    }

    /**
     * Screens an answer file read as far as it could be (spec sections 5, 7 and 10). The walk runs on the valid
     * answers; any problem refuses the file, but an emergency that the valid answers make certain is shown first,
     * whatever the problems are. Under 16 the answers are screened for an emergency only, with the age unknown.
     */
    public Verdict screen(AnswerReader.Reading reading) {
        AnswerFile answers = reading.file();
        String source = answers.source();
        List<String> problems = new ArrayList<>();
        Walk.Outcome outcome = Walk.run(questionnaire, answers.answers());
        Optional<String> outOfScope = outcome.outOfScopeMessage();
        List<Question> missing = List.of();
        if (outOfScope.isPresent()) {
            outcome = withoutTheAge(answers, outcome, outOfScope.get(), problems);
        } else if (reading.screenable() && !outcome.missing().isEmpty()) {
            missing = missing(outcome.missing(), reading.invalid());
        }
        if (!reading.problems().isEmpty() || !answers.undone().isEmpty()) {
            addProblems(reading, problems);
        }
        if (problems.isEmpty() && missing.isEmpty() && reading.screenable()) {
            return new Verdict.Screened(source, answers, Result.of(outcome));
        }
        return refused(reading, outcome, problems, missing);
    }

    private void addProblems(AnswerReader.Reading reading, List<String> problems) {
        for (Problem problem : reading.problems()) {
            problems.add(problem.toString());
        }
        if (!reading.file().undone().isEmpty()) {
            problems.addAll(undoneNotScreened(reading.file()));
        }
    }

    /** Under 16: the problem that says so, and the walk again with the age unknown, for an emergency only. */
    private Walk.Outcome withoutTheAge(AnswerFile answers, Walk.Outcome outcome, String message, List<String> problems) {
        Question age = outcome.stoppedAt().orElseThrow();
        Location at = answers.answerAt().getOrDefault(age.id(), answers.answersAt());
        problems.add(new Problem(at, age.id() + " " + answers.answers().get(age.id()) + " is under "
                + ((Question.IntegerQuestion) age).min() + ". " + message + " — no result is given for this age").toString());
        Map<String, Answer> withoutAge = new LinkedHashMap<>(answers.answers());
        withoutAge.remove(age.id());
        return Walk.run(questionnaire, withoutAge);
    }

    /** The questions on the path without an answer, but for those whose answer was there and not valid. */
    private static List<Question> missing(List<Question> unanswered, java.util.Set<String> invalid) {
        List<Question> missing = new ArrayList<>(unanswered.size());
        for (Question question : unanswered) {
            if (!invalid.contains(question.id())) {
                missing.add(question);
            }
        }
        return missing;
    }

    private Verdict refused(AnswerReader.Reading reading, Walk.Outcome outcome, List<String> problems, List<Question> missing) {
        AnswerFile answers = reading.file();
        String source = answers.source();
        List<String> ids = new ArrayList<>(missing.size());
        for (Question question : missing) {
            problems.add(new Problem(answers.answersAt(), "no answer to '" + question.id() + "' (" + shorten(question.text())
                    + ") — add " + question.id() + ": " + example(question)).toString());
            ids.add(question.id());
        }
        Optional<Walk.Outcome> emergency = outcome.stoppedEarly() && reading.screenable() ? Optional.of(outcome) : Optional.empty();
        return new Verdict.Refused(source, ExitStatus.INVALID_INPUT, problems, Optional.of(answers), emergency, ids);
    }

    /**
     * A saved screening's {@code undone_emergencies} is for the interactive screening that saved it, which names each in
     * its result: a scripted run refuses the file rather than give a result (in any format) without them.
     */
    private List<String> undoneNotScreened(AnswerFile answers) {
        List<String> problems = new ArrayList<>();
        answers.undone().forEach((question, first) -> {
            Location at = answers.undoneAt().getOrDefault(question, answers.answersAt());
            boolean emergency = UndoneEmergency.replay(questionnaire, answers.answers(), question, first).isPresent();
            problems.add(new Problem(at, emergency
                    ? question + " was first answered " + first + " and then changed; if that first answer was right, it needs"
                            + " emergency help now — a scripted run does not screen changed answers: resume this screening with"
                            + " spinecheck, or remove the line if the first answer was a mistake"
                    : question + " " + first + " under undone_emergencies is not an answer that needs emergency help here"
                            + " — remove the line").toString());
        });
        return problems;
    }

    private static String example(Question question) {
        if (question instanceof Question.IntegerQuestion whole) {
            return "<a whole number from " + whole.min() + " to " + whole.max() + ">";
        }
        String codes = String.join("|", question.codes());
        return question instanceof Question.Multi ? "[" + codes + "]" : codes;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
