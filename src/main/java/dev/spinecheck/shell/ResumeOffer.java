package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.render.TextReport;
import dev.spinecheck.render.Wording;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Offers an unfinished screening again: its emergency's last line first when its answers make one certain (spec
 * section 10), how many answers there are and which no longer fit, then "Resume? [Y/n]", which takes only yes or no.
 * Starting over from an emergency says what it deletes and asks "Delete these answers? (yes or no)".
 */
final class ResumeOffer {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final Conversation talk;
    private final Questionnaire questionnaire;
    private final TextReport text;
    private final ProgressSession session;

    ResumeOffer(Conversation talk, Questionnaire questionnaire, TextReport text, ProgressSession session) {
        this.talk = talk;
        this.questionnaire = questionnaire;
        this.text = text;
        this.session = session;
    }

    /** The answers to carry on with: the saved ones, or none when the person starts over (and they are deleted). */
    Map<String, Answer> offer(ProgressStore.Saved saved) {
        Walk.Outcome outcome = Walk.run(questionnaire, saved.answers());
        Optional<EmergencyPlan> emergency = outcome.stoppedEarly() ? EmergencyPlan.of(outcome) : Optional.empty();
        talk.blank();
        emergency.flatMap(plan -> text.lastLine(Optional.of(plan))).ifPresent(line -> {
            talk.heading(line);
            talk.blank();
        });
        int count = saved.answers().size();
        talk.say("You have an unfinished screening from " + when(saved.savedAt()) + " (" + count + (count == 1 ? " answer" : " answers")
                + ").");
        if (!saved.leftOut().isEmpty()) {
            List<String> named = saved.leftOut().stream().map(l -> l.question() + " (" + l.saved() + ")").toList();
            talk.say((named.size() == 1 ? "1 saved answer no longer fits" : named.size() + " saved answers no longer fit")
                    + " this version of the questionnaire and " + (named.size() == 1 ? "is" : "are") + " left out: "
                    + String.join("; ", named) + ". You will be asked " + (named.size() == 1 ? "that question" : "those questions")
                    + " again if they apply.");
        }
        while (true) {
            String line = talk.askLine("Resume? [Y/n] ");
            Optional<Boolean> yes = line.isBlank() ? Optional.of(true) : TypedAnswer.yesOrNo(line);
            if (yes.isEmpty()) {
                talk.say("Please type yes to carry on, or no to start over.");
                continue;
            }
            if (yes.get() || emergency.isPresent() && !deleteEmergencyAnswers(saved, emergency.get())) {
                return saved.answers();
            }
            if (session.startOver()) {
                talk.say(emergency.isPresent() ? "Your saved answers were deleted. Starting over." : "Starting over.");
            } else {
                talk.say("Starting over; the old answers are still in the file.");
            }
            return Map.of();
        }
    }

    /** Starting over would delete an emergency answer: say which, and ask (no default). */
    private boolean deleteEmergencyAnswers(ProgressStore.Saved saved, EmergencyPlan plan) {
        Walk.Outcome outcome = Walk.run(questionnaire, saved.answers());
        Question stopped = outcome.stoppedAt().orElseThrow();
        talk.say("Starting over deletes your " + saved.answers().size() + " saved answers, among them your answer \""
                + Wording.answerWords(questionnaire, stopped.id(), saved.answers().get(stopped.id())) + "\" to \""
                + QuestionPrompt.oneLine(stopped.text()) + "\", which needs emergency help now.");
        while (true) {
            Optional<Boolean> yes = TypedAnswer.yesOrNo(talk.askLine("Delete these answers? (yes or no) "));
            if (yes.isPresent()) {
                return yes.get();
            }
            talk.say(TypedAnswer.YES_OR_NO);
        }
    }

    private static String when(String savedAt) {
        try {
            return OffsetDateTime.parse(savedAt).atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
        } catch (DateTimeParseException e) {
            return "earlier";
        }
    }
}
