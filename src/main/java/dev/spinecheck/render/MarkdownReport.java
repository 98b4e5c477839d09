package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.Level;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import java.util.Map;

/** The result as a Markdown summary to bring to an appointment: the result, the answers, the date, the questionnaire. */
public final class MarkdownReport {
    private final Wording wording;

    public MarkdownReport(Wording wording) {
        this.wording = wording;
    }

    public String render(Result result, String date) {
        Questionnaire q = result.questionnaire();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(esc(q.title())).append(": summary\n\n");
        md.append("Date: ").append(date).append(" · Questionnaire: ").append(q.id()).append(' ').append(q.version()).append("\n\n");
        LevelText level = q.level(result.level());
        md.append("## ").append(level.label()).append(" — ").append(esc(level.timeFrame())).append("\n\n");
        md.append(esc(wording.fill(level.headline()))).append("\n\n");
        if (result.stoppedEarly()) {
            md.append("The questions stopped early because of an emergency answer.\n\n");
        }
        if (!result.flags().isEmpty()) {
            md.append("## Why\n\n");
            for (FiredFlag flag : result.flags()) {
                md.append("- **").append(esc(flag.flag().title())).append("** (").append(q.level(flag.level()).label()).append("). ")
                        .append(esc(wording.fill(flag.flag().reason()))).append(" What to do: ")
                        .append(esc(wording.fill(flag.flag().action()))).append('\n');
            }
            md.append('\n');
        }
        md.append("## What to do next\n\n");
        if (result.flags().isEmpty()) {
            md.append(esc(wording.fill(q.level(Level.SELF_CARE).nextStep()))).append("\n\n");
        } else {
            TextReport.nextSteps(result).forEach(a -> md.append("- ").append(esc(wording.fill(a))).append('\n'));
            md.append('\n');
        }
        result.care().ifPresent(care -> {
            md.append("## ").append(esc(care.intro())).append("\n\n");
            care.lines().forEach(l -> md.append("- ").append(esc(l.text())).append(l.tried() ? " (" + care.triedLabel() + ")" : "").append('\n'));
            md.append('\n');
        });
        result.fusion().ifPresent(f -> md.append("## ").append(esc(f.title())).append("\n\n").append(esc(f.text())).append("\n\n"));
        result.notes().forEach(n -> md.append(esc(wording.fill(n))).append("\n\n"));
        md.append("## Your answers\n\n");
        for (Map.Entry<String, Answer> e : result.answers().entrySet()) {
            String question = q.question(e.getKey()).map(x -> x.text()).orElse(e.getKey());
            md.append("- ").append(esc(question)).append(" **").append(esc(Wording.answerWords(q, e.getKey(), e.getValue()))).append("**\n");
        }
        md.append('\n');
        Advice.SafetyNet net = q.advice().safetyNet();
        md.append("## Safety net\n\n").append(esc(wording.fill(net.emergencyIntro()))).append("\n\n");
        net.emergency().forEach(i -> md.append("- ").append(esc(wording.fill(i))).append('\n'));
        md.append('\n').append(esc(wording.fill(net.sameDayIntro()))).append("\n\n");
        net.sameDay().forEach(i -> md.append("- ").append(esc(wording.fill(i))).append('\n'));
        md.append("\n---\n\n").append(esc(wording.fill(q.advice().disclaimer()))).append('\n');
        return md.toString();
    }

    /** Keeps answer and question text from turning into Markdown markup. */
    private static String esc(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("<", "&lt;").replace("[", "\\[");
    }
}
