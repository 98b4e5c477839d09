package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Walk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The result of spec section 6 as plain text for a terminal, wrapped to its width. */
public final class TextReport {
    private final Wording wording;
    private final Style style;
    private final int width;

    public TextReport(Wording wording, Style style, int width) {
        this.wording = wording;
        this.style = style;
        this.width = Math.max(40, Math.min(width, 100));
    }

    /** The actions of the result's most urgent flags, each once: what to do next. */
    static List<String> nextSteps(Result result) {
        Set<String> actions = new LinkedHashSet<>();
        for (FiredFlag flag : result.mostUrgentFlags()) {
            actions.add(flag.flag().action());
        }
        return new ArrayList<>(actions);
    }

    public List<String> render(Result result) {
        List<String> out = new ArrayList<>();
        Questionnaire questionnaire = result.questionnaire();
        headline(out, result.outcome());
        if (result.stoppedEarly()) {
            out.add("");
            para(out, "The questions stopped here because of your answer to: "
                    + result.outcome().stoppedAt().orElseThrow().text());
        }
        flags(out, result.outcome());

        out.add("");
        out.add(style.strong("What to do next"));
        if (result.flags().isEmpty()) {
            para(out, wording.fill(questionnaire.level(Level.SELF_CARE).nextStep()), "  ");
        }
        for (String action : nextSteps(result)) {
            bullet(out, wording.fill(action));
        }

        result.care().ifPresent(care -> {
            out.add("");
            out.add(style.strong(care.intro()));
            for (Result.CareLine line : care.lines()) {
                bullet(out, line.text() + (line.tried() ? " (" + care.triedLabel() + ")" : ""));
            }
        });
        result.fusion().ifPresent(note -> {
            out.add("");
            out.add(style.strong(note.title()));
            para(out, note.text(), "  ");
        });
        for (String note : result.notes()) {
            out.add("");
            para(out, wording.fill(note));
        }
        safetyNetAndDisclaimer(out, questionnaire);
        return out;
    }

    /** The level word first, then the headline and its time frame. */
    private void headline(List<String> out, Walk.Outcome outcome) {
        LevelText text = outcome.questionnaire().level(outcome.level());
        String word = outcome.level() == Level.EMERGENCY ? style.alarm(text.label()) : style.strong(text.label());
        out.add(word + " — " + text.timeFrame());
        para(out, wording.fill(text.headline()));
    }

    private void flags(List<String> out, Walk.Outcome outcome) {
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
            out.addAll(Wrap.lines(flag.flag().title() + " (" + level.label() + ")", width, "  * ", "    "));
            para(out, wording.fill(flag.flag().reason()), "    ");
            para(out, "What to do: " + wording.fill(flag.flag().action()), "    ");
            for (Map.Entry<String, Answer> because : flag.raisedBy().entrySet()) {
                String question = outcome.questionnaire().question(because.getKey()).map(Question::text).orElse(because.getKey());
                para(out, "You answered \"" + Wording.answerWords(outcome.questionnaire(), because.getKey(), because.getValue())
                        + "\" to: " + question, "    ");
            }
        }
    }

    public void safetyNetAndDisclaimer(List<String> out, Questionnaire questionnaire) {
        Advice.SafetyNet net = questionnaire.advice().safetyNet();
        out.add("");
        out.add(style.strong(wording.fill(net.emergencyIntro())));
        net.emergency().forEach(item -> bullet(out, wording.fill(item)));
        out.add(style.strong(wording.fill(net.sameDayIntro())));
        net.sameDay().forEach(item -> bullet(out, wording.fill(item)));
        out.add("");
        para(out, wording.fill(questionnaire.advice().disclaimer()));
    }

    /** The emergency that is already certain while answers are missing: shown before the problems. */
    public List<String> renderEmergencyFirst(Walk.Outcome outcome) {
        List<String> out = new ArrayList<>();
        headline(out, outcome);
        flags(out, outcome);
        out.add("");
        return out;
    }

    private void para(List<String> out, String text) {
        para(out, text, "");
    }

    private void para(List<String> out, String text, String indent) {
        out.addAll(Wrap.lines(text, width, indent, indent));
    }

    private void bullet(List<String> out, String text) {
        out.addAll(Wrap.lines(text, width, "  - ", "    "));
    }
}
