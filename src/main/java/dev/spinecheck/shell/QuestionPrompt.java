package dev.spinecheck.shell;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Screening;
import dev.spinecheck.engine.Step;
import dev.spinecheck.render.Wording;
import java.util.Locale;
import java.util.Optional;

/**
 * One question at the prompt: it is shown (its section's title when the section starts, "(yes or no)" or the numbered
 * options, what to type), and what is typed is read until it answers the question or is a command. An age under 16
 * and a bare number at a question of bands of time are confirmed first (spec section 10); every answer is repeated
 * back and saved.
 */
final class QuestionPrompt {
    private final Conversation talk;
    private final Questionnaire questionnaire;
    private final Wording wording;
    private final Screening screening;
    private final ProgressSession session;

    QuestionPrompt(Conversation talk, Questionnaire questionnaire, Wording wording, Screening screening, ProgressSession session) {
        this.talk = talk;
        this.questionnaire = questionnaire;
        this.wording = wording;
        this.screening = screening;
        this.session = session;
    }

    /** Shows the question and reads until it is answered, or a command moves the cursor; returns where it is then. */
    Step ask(Step.Ask ask) {
        Question question = ask.question();
        show(ask);
        String pending = null;
        while (true) {
            Conversation.Typed typed = pending != null ? new Conversation.Line(pending) : talk.ask(question, "> ");
            pending = null;
            if (typed instanceof Conversation.OpenList) {
                Optional<Answer> chosen = ListPrompt.choose(talk.terminal(), question, ask.given(), !talk.plain() && colour());
                if (chosen.isPresent()) {
                    return record(chosen.get(), Optional.empty());
                }
                continue;
            }
            String line = ((Conversation.Line) typed).text();
            String command = line.strip().toLowerCase(Locale.ROOT);
            if (command.equals("?") || command.equals("help")) {
                help(question);
                continue;
            }
            if (command.equals("back")) {
                if (ask.first()) {
                    talk.say("This is the first question.");
                    continue;
                }
                return screening.back();
            }
            if (command.equals("review")) {
                return screening.review();
            }
            if (command.equals("quit") || command.equals("exit")) {
                throw new Quit();
            }
            if (command.isEmpty() && ask.given().isPresent()) {
                return screening.forward();
            }
            TypedAnswer.Parsed parsed = TypedAnswer.parse(question, line);
            if (parsed instanceof TypedAnswer.Retry retry) {
                talk.say(retry.message());
                continue;
            }
            if (parsed instanceof TypedAnswer.Confirm confirm) {
                talk.say(confirm.question());
                String reply = confirmation("Please type yes, or how long with its unit, like 3 days.");
                Optional<Boolean> yes = TypedAnswer.yesOrNo(reply);
                if (yes.isPresent() && yes.get()) {
                    return record(confirm.answer(), Optional.empty());
                }
                if (yes.isPresent()) {
                    talk.say("Then please type how long you have had the pain, with its unit (like 3 days or 5 weeks), or the"
                            + " words of an answer.");
                } else {
                    pending = reply;
                }
                continue;
            }
            TypedAnswer.Ok ok = (TypedAnswer.Ok) parsed;
            if (question instanceof Question.IntegerQuestion whole && whole.isOutOfScope(ok.answer())) {
                long typedAge = ((Answer.Number) ok.answer()).value();
                talk.say("You typed " + typedAge + ". This check is for people aged " + whole.min() + " or older. Is " + typedAge
                        + " right? (yes or no)");
                String reply = confirmation(TypedAnswer.YES_OR_NO);
                Optional<Boolean> yes = TypedAnswer.yesOrNo(reply);
                if (yes.isPresent() && yes.get()) {
                    return record(ok.answer(), Optional.empty());
                }
                if (yes.isPresent()) {
                    talk.say("Then please type your age again.");
                } else {
                    pending = reply;
                }
                continue;
            }
            return record(ok.answer(), ok.typedLength());
        }
    }

    /** Reads the reply to a confirmation: an empty line is never an answer, so it asks again. */
    private String confirmation(String again) {
        while (true) {
            String reply = talk.askLine("> ");
            if (!reply.isBlank()) {
                return reply;
            }
            talk.say(again);
        }
    }

    private boolean colour() {
        return !talk.style().strong("").isEmpty();
    }

    private void show(Step.Ask ask) {
        Question question = ask.question();
        talk.blank();
        ask.sectionTitle().ifPresent(title -> {
            talk.heading(title);
            talk.blank();
        });
        talk.heading("Question " + ask.number() + " of about " + ask.aboutTotal());
        if (question instanceof Question.YesNo) {
            talk.say(question.text() + " (yes or no)");
        } else {
            talk.say(question.text());
        }
        if (!(question instanceof Question.YesNo)) {
            int i = 1;
            for (Option option : question.options()) {
                talk.item(String.format(Locale.ROOT, "  %d. ", i++), option.text().strip().replaceAll("\\s+", " "));
            }
        }
        if (question instanceof Question.Multi) {
            talk.say("Choose all that apply: type their numbers, like 1 3, or their words separated by commas.");
        } else if (question instanceof Question.IntegerQuestion whole) {
            talk.say("Type a whole number" + (whole.unit().isEmpty() ? "" : " (" + whole.unit() + ")") + ".");
        } else if (DurationBands.of(question).isPresent()) {
            talk.say("Type the number of your answer, or how long, like 3 days or 5 weeks.");
        }
        ask.given().ifPresent(given -> talk.say("Your answer was: " + Wording.answerWords(questionnaire, question.id(), given)
                + ". Press Enter to keep it, or type a new answer."));
    }

    private Step record(Answer answer, Optional<String> typedLength) {
        Question question = ((Step.Ask) screening.step()).question();
        Screening.Moved moved = screening.answer(answer);
        talk.say("You answered: " + Wording.answerWords(questionnaire, question.id(), answer)
                + typedLength.map(t -> " (you typed \"" + t + "\")").orElse("") + ".");
        if (!moved.dropped().isEmpty()) {
            int n = moved.dropped().size();
            talk.say(n + (n == 1 ? " later answer no longer applies and was removed: " : " later answers no longer apply and were removed: ")
                    + String.join("; ", moved.dropped().stream().map(this::shortText).toList()) + ".");
        }
        session.save(screening.answers(), screening.undoneAnswers());
        return moved.step();
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
        talk.say(howToAnswer(question));
        talk.say("Other commands: back (the previous question), review (your answers so far), quit (stop"
                + (session.keeps() ? "; your answers are kept)." : "; nothing is kept)."));
        talk.say("If you feel very unwell, stop and call " + wording.emergencyNumber() + ".");
    }

    /** The instruction for the question's type. */
    private static String howToAnswer(Question question) {
        if (question instanceof Question.YesNo) {
            return "Type yes or no (or y or n).";
        }
        if (question instanceof Question.IntegerQuestion whole) {
            return "Type a whole number from " + whole.min() + " to " + whole.max() + (whole.unit().isEmpty() ? "" : " (" + whole.unit() + ")")
                    + ", like " + Math.max(whole.min(), Math.min(45, whole.max())) + ".";
        }
        String first = TypedAnswer.brief(question.options().get(question.options().size() - 1).text()).split(" ")[0];
        if (question instanceof Question.Multi) {
            return "Type the numbers of all the answers that apply, like 1 3, or their words separated by commas or \"and\""
                    + " (like " + String.join(" and ", question.options().stream().skip(Math.max(0, question.options().size() - 2))
                            .map(o -> TypedAnswer.brief(o.text()).toLowerCase(Locale.ROOT)).toList()) + ").";
        }
        String lengths = DurationBands.of(question).isPresent() ? " You can also type how long, with its unit, like 3 days or 5 weeks." : "";
        return "Type the number of your answer, or its first words (like \"" + first + "\")." + lengths;
    }

    /** A question's text, cut at a word when long, for naming it in a sentence. */
    private String shortText(String questionId) {
        return questionnaire.question(questionId).map(q -> "\"" + TypedAnswer.brief(q.text()) + "\"").orElse(questionId);
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
