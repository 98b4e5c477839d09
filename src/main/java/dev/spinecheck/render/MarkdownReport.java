package dev.spinecheck.render;

import dev.spinecheck.engine.Advice;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.FiredFlag;
import dev.spinecheck.engine.LevelText;
import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.TopicLibrary;
import dev.spinecheck.engine.UndoneEmergency;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.TopicLoader;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result as a Markdown summary to bring to an appointment: the result, why (with the answers that raised each
 * flag), the answers (positive ones first), the date with its time zone, the questionnaire and the record.
 */
public final class MarkdownReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm xxx", Locale.ENGLISH);

    private final Wording wording;
    private final TopicLibrary topics;

    /** With the bundled topics of {@code spinecheck learn}, for the titles of those the result links to. */
    public MarkdownReport(Wording wording) {
        this(wording, TopicLoader.bundledOrNone());
    }

    public MarkdownReport(Wording wording, TopicLibrary topics) {
        this.wording = wording;
        this.topics = topics;
    }

    public String render(Result result, ZonedDateTime when, Optional<String> record) {
        Questionnaire q = result.questionnaire();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(esc(q.title())).append(" — summary\n\n");
        md.append("Date: ").append(esc(when.format(DATE) + " (" + when.getZone().getId() + ")")).append("  \n");
        md.append("Questionnaire: ").append(esc(q.id() + " " + q.version())).append("  \n");
        record.ifPresent(r -> md.append("Record: ").append(esc(r)).append("  \n"));
        md.append('\n');

        LevelText level = q.level(result.level());
        heading(md, level.label() + " — " + level.timeFrame());
        if (result.emergency().isPresent()) {
            md.append(esc(wording.fill(result.emergency().get().headline()) + " " + wording.fill(result.emergency().get().line())))
                    .append("\n\n");
            result.emergency().get().instructions().forEach(i -> md.append(esc(wording.fill(i))).append("\n\n"));
        } else {
            md.append(esc(wording.fill(level.headline()))).append("\n\n");
        }
        TextReport text = new TextReport(wording, Style.plain(), 100);
        for (UndoneEmergency undone : result.undone()) {
            md.append(esc(text.undoneLine(q, undone))).append("\n\n");
        }
        if (result.stoppedEarly()) {
            Question stoppedAt = result.outcome().stoppedAt().orElseThrow();
            md.append("The questions stopped at: ").append(esc(stoppedAt.text())).append("\n\n");
            List<Question> neverAsked = neverAsked(result.outcome());
            if (!neverAsked.isEmpty()) {
                md.append("Because the questions stopped there, these were not asked:\n\n");
                neverAsked.forEach(n -> md.append("- ").append(esc(n.text())).append('\n'));
                md.append('\n');
            }
        }
        if (!result.flags().isEmpty()) {
            heading(md, "Why");
            for (FiredFlag flag : result.flags()) {
                md.append("- **").append(esc(flag.flag().title())).append("** (").append(esc(q.level(flag.level()).label())).append("). ")
                        .append(esc(wording.fill(flag.flag().reason()))).append(" What to do: ")
                        .append(esc(wording.fill(result.action(flag)))).append('\n');
                for (Map.Entry<String, Answer> because : flag.raisedBy().entrySet()) {
                    String question = q.question(because.getKey()).map(Question::text).orElse(because.getKey());
                    md.append("  - You answered \"").append(esc(Wording.answerWords(q, because.getKey(), because.getValue())))
                            .append("\" to: ").append(esc(question)).append('\n');
                }
            }
            md.append('\n');
        }
        heading(md, "What to do next");
        md.append(esc(wording.fill(result.nextStep()))).append("\n\n");
        result.care().ifPresent(care -> {
            heading(md, care.intro());
            care.lines().forEach(l -> md.append("- ").append(esc(l.text())).append(l.tried() ? " (" + esc(care.triedLabel()) + ")" : "").append('\n'));
            md.append('\n');
        });
        result.fusion().ifPresent(f -> {
            heading(md, f.title());
            md.append(esc(f.text())).append("\n\n");
        });
        result.notes().forEach(n -> md.append(esc(wording.fill(n))).append("\n\n"));
        if (!result.links().all().isEmpty()) {
            heading(md, "To read more");
            result.links().all().forEach(id -> md.append("- ").append(esc(topics.title(id))).append(": `")
                    .append(TopicText.command(id)).append("`\n"));
            md.append('\n');
        }
        answers(md, result);
        Advice.SafetyNet net = q.advice().safetyNet();
        heading(md, "Safety net");
        md.append(esc(wording.fill(net.intro()))).append("\n\n");
        for (Advice.SafetyGroup group : result.safetyNet()) {
            md.append("**").append(esc(wording.fill(group.title()))).append("**\n\n");
            group.items().forEach(i -> md.append("- ").append(esc(wording.fill(i))).append('\n'));
            md.append('\n');
        }
        md.append("---\n\n").append(esc(wording.fill(q.advice().disclaimer()))).append('\n');
        text.lastLine(result.emergency()).ifPresent(line -> md.append("\n**").append(esc(line)).append("**\n"));
        return md.toString();
    }

    /** The answers that say something first, then the questions answered no (or none) in one line. */
    private static void answers(StringBuilder md, Result result) {
        Questionnaire q = result.questionnaire();
        heading(md, "Your answers");
        List<String> no = new ArrayList<>();
        for (Map.Entry<String, Answer> e : result.answers().entrySet()) {
            Question question = q.question(e.getKey()).orElse(null);
            String text = question == null ? e.getKey() : question.text();
            if (question != null && isNo(question, e.getValue())) {
                no.add(esc(text));
            } else {
                md.append("- ").append(esc(text)).append(" **").append(esc(Wording.answerWords(q, e.getKey(), e.getValue()))).append("**\n");
            }
        }
        if (!no.isEmpty()) {
            md.append("- You answered no (or none) to: ").append(String.join("; ", no)).append('\n');
        }
        md.append('\n');
    }

    private static boolean isNo(Question question, Answer answer) {
        if (answer instanceof Answer.Code c) {
            return question.option(c.code()).map(Option::isHarmless).orElse(false);
        }
        return answer instanceof Answer.Codes cs && !cs.codes().isEmpty()
                && cs.codes().stream().allMatch(c -> question.option(c).map(Option::isHarmless).orElse(false));
    }

    /** The questions that would have come after an emergency stop: the warning signs never checked. */
    private static List<Question> neverAsked(Walk.Outcome outcome) {
        List<Question> applicable = Walk.applicable(outcome.questionnaire(), outcome.answers());
        List<Question> never = new ArrayList<>();
        for (Question question : applicable) {
            if (!outcome.path().contains(question)) {
                never.add(question);
            }
        }
        return never;
    }

    /** A heading: no trailing colon, escaped. */
    private static void heading(StringBuilder md, String text) {
        md.append("## ").append(esc(text.strip().replaceAll("[:：]+$", ""))).append("\n\n");
    }

    /**
     * Keeps questionnaire and answer text from turning into Markdown markup: inline markers are escaped, and a line
     * start that Markdown would read as a heading, quote, list or table is escaped too.
     */
    static String esc(String text) {
        String escaped = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")
                .replace("|", "\\|").replace("#", "\\#");
        if (escaped.matches("(?s)^[-+=~].*")) {
            escaped = "\\" + escaped;
        }
        return escaped.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }
}
