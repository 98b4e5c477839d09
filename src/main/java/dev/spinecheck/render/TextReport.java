package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.EmergencyPlan;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.UndoneEmergency;
import dev.spinecheck.engine.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of spec section 6 as plain text for a terminal, wrapped to its width. */
public final class TextReport {
    /** Said before the problems of a scripted run that was refused with no certain emergency (spec section 7). */
    public static final String NOT_SCREENED = "These answers have not been screened: fix the problems below and run again.";
    /** Said after the emergency warning of a scripted run that was refused while an emergency is certain. */
    public static final String NOT_A_FULL_RESULT =
            "Some answers are missing or invalid (see the errors), so this is not a full result; the emergency stands.";

    private final Wording wording;
    private final Style style;
    private final int width;

    public TextReport(Wording wording, Style style, int width) {
        this.wording = wording;
        this.style = style;
        this.width = Math.max(40, Math.min(width, 100));
    }

    /** The whole result, ending with the emergency's last line while an emergency stands (spec section 10). */
    public List<String> render(Result result) {
        List<String> out = body(result);
        lastLine(result.emergency()).ifPresent(line -> {
            out.add("");
            para(out, line);
        });
        return out;
    }

    /** The result up to the disclaimer: for a caller that shows more (a prompt) before the last line. */
    public List<String> body(Result result) {
        List<String> out = new ArrayList<>();
        Questionnaire questionnaire = result.questionnaire();
        headline(out, result.outcome(), result.emergency());
        for (UndoneEmergency undone : result.undone()) {
            out.add("");
            para(out, undoneLine(questionnaire, undone));
        }
        if (result.stoppedEarly()) {
            out.add("");
            para(out, "The questions stopped here because of your answer to: "
                    + result.outcome().stoppedAt().orElseThrow().text());
        }
        flags(out, result.outcome(), result);

        out.add("");
        out.add(style.strong("What to do next"));
        para(out, wording.fill(result.nextStep()), "  ");
        readMore(out, result.links().withNextStep());

        result.care().ifPresent(care -> {
            out.add("");
            out.add(style.strong(care.intro()));
            for (Result.CareLine line : care.lines()) {
                bullet(out, line.text() + (line.tried() ? " (" + care.triedLabel() + ")" : ""));
            }
            readMore(out, result.links().withCare());
        });
        result.fusion().ifPresent(note -> {
            out.add("");
            out.add(style.strong(note.title()));
            para(out, note.text(), "  ");
            readMore(out, result.links().withFusion());
        });
        for (String note : result.notes()) {
            out.add("");
            para(out, wording.fill(note));
        }
        safetyNetAndDisclaimer(out, questionnaire, result.safetyNet());
        return out;
    }

    /** "You first answered ... then changed it. If your first answer was right, get emergency help now: ..." */
    public String undoneLine(Questionnaire questionnaire, UndoneEmergency undone) {
        String template = questionnaire.emergency().undone();
        return wording.fill(template
                .replace("{answer}", Wording.answerWords(questionnaire, undone.question().id(), undone.firstAnswer()))
                .replace("{question}", undone.question().text())
                .replace("{action}", undone.plan().brief()));
    }

    /** The last line while an emergency stands: "Your answers need emergency help now: call ...". */
    public Optional<String> lastLine(Optional<EmergencyPlan> plan) {
        return plan.map(p -> wording.fill(p.lastLine()));
    }

    /** The headline and action on one line, unwrapped: the first line of standard error when a run is refused. */
    public String emergencyHeadline(EmergencyPlan plan) {
        return "EMERGENCY: " + wording.fill(plan.headline()) + " " + wording.fill(plan.line());
    }

    /** The level word first, then the headline and its time frame; for an emergency, the one action. */
    private void headline(List<String> out, Walk.Outcome outcome, Optional<EmergencyPlan> plan) {
        LevelText text = outcome.questionnaire().level(outcome.level());
        String word = outcome.level() == Level.EMERGENCY ? style.alarm(text.label()) : style.strong(text.label());
        out.add(word + " — " + text.timeFrame());
        if (plan.isPresent()) {
            para(out, wording.fill(plan.get().headline()) + " " + wording.fill(plan.get().line()));
            plan.get().instructions().forEach(i -> para(out, wording.fill(i)));
        } else {
            para(out, wording.fill(text.headline()));
        }
    }

    private void flags(List<String> out, Walk.Outcome outcome, Result result) {
        if (outcome.flags().isEmpty()) {
            return;
        }
        boolean emergency = outcome.level() == Level.EMERGENCY;
        out.add("");
        out.add(style.strong(outcome.flags().size() == 1 ? "Why" : "Why (" + outcome.flags().size() + " reasons)"));
        boolean alsoTell = false;
        for (FiredFlag flag : outcome.flags()) {
            if (emergency && flag.level() != Level.EMERGENCY && !alsoTell) {
                alsoTell = true;
                out.add("");
                out.add(style.strong("Also tell the doctor about"));
            }
            LevelText level = outcome.questionnaire().level(flag.level());
            out.add("");
            out.addAll(Wrap.lines(flag.flag().title() + " (" + level.label() + ")", width, "  - ", "    "));
            para(out, wording.fill(flag.flag().reason()), "    ");
            para(out, "What to do: " + wording.fill(result.action(flag)), "    ");
            for (Map.Entry<String, Answer> because : flag.raisedBy().entrySet()) {
                String question = outcome.questionnaire().question(because.getKey()).map(Question::text).orElse(because.getKey());
                para(out, "You answered \"" + Wording.answerWords(outcome.questionnaire(), because.getKey(), because.getValue())
                        + "\" to: " + question, "    ");
            }
        }
    }

    /** The safety net as the questionnaire writes it, then the disclaimer: for output that is not a full result. */
    public void safetyNetAndDisclaimer(List<String> out, Questionnaire questionnaire) {
        safetyNetAndDisclaimer(out, questionnaire, questionnaire.advice().safetyNet().groups());
    }

    private void safetyNetAndDisclaimer(List<String> out, Questionnaire questionnaire, List<Advice.SafetyGroup> groups) {
        Advice.SafetyNet net = questionnaire.advice().safetyNet();
        out.add("");
        strong(out, wording.fill(net.intro()));
        for (Advice.SafetyGroup group : groups) {
            strong(out, wording.fill(group.title()));
            group.items().forEach(item -> bullet(out, wording.fill(item)));
        }
        out.add("");
        para(out, wording.fill(questionnaire.advice().disclaimer()));
    }

    /**
     * What a refused scripted run still shows when an emergency is certain (spec section 10): the warning, its
     * reasons, a line saying it is not a full result, the safety net, the disclaimer and the last line.
     */
    public List<String> renderEmergencyFirst(Walk.Outcome outcome) {
        Result result = Result.of(outcome);
        List<String> out = new ArrayList<>();
        headline(out, outcome, result.emergency());
        flags(out, outcome, result);
        out.add("");
        para(out, NOT_A_FULL_RESULT);
        safetyNetAndDisclaimer(out, outcome.questionnaire(), result.safetyNet());
        lastLine(result.emergency()).ifPresent(line -> {
            out.add("");
            para(out, line);
        });
        return out;
    }

    /** One line for each linked topic: "To read more: spinecheck learn try-first", the command never split. */
    private void readMore(List<String> out, List<String> topics) {
        for (String topic : topics) {
            out.addAll(Wrap.words(List.of("To", "read", "more:", TopicText.command(topic)), width, "  ", "  "));
        }
    }

    private void para(List<String> out, String text) {
        para(out, text, "");
    }

    private void strong(List<String> out, String text) {
        Wrap.lines(text, width, "", "").forEach(line -> out.add(style.strong(line)));
    }

    private void para(List<String> out, String text, String indent) {
        out.addAll(Wrap.lines(text, width, indent, indent));
    }

    private void bullet(List<String> out, String text) {
        out.addAll(Wrap.lines(text, width, "  - ", "    "));
    }
}
