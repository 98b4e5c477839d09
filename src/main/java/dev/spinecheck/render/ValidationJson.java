package dev.spinecheck.render;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.load.Problem;
import dev.spinecheck.script.TopicValidation;
import dev.spinecheck.script.Validation;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** {@code validate --format json}: one object per questionnaire, on one line. */
public final class ValidationJson {
    private ValidationJson() {}

    /** The problems with their places, the proofs (with an example answer set each when {@code explain}). */
    public static void write(Validation v, boolean explain, Writer out) {
        write(v, explain, Optional.empty(), out);
    }

    /** The same, with the topics of {@code spinecheck learn} that belong to the bundled questionnaire, under "learn". */
    public static void write(Validation v, boolean explain, Optional<TopicValidation> topics, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("file", v.source());
            g.writeBooleanProperty("valid", v.ok());
            g.writeStringProperty("status", v.status().name().toLowerCase(Locale.ROOT));
            g.writeName("problems");
            g.writeStartArray();
            for (Validation.Finding f : v.findings()) {
                g.writeStartObject();
                g.writeStringProperty("severity", f.severity().name().toLowerCase(Locale.ROOT));
                g.writeStringProperty("file", f.problem().at().source());
                g.writeNumberProperty("line", f.problem().at().line());
                g.writeNumberProperty("column", f.problem().at().column());
                g.writeStringProperty("message", f.problem().message());
                g.writeEndObject();
            }
            g.writeEndArray();
            v.unreadable().ifPresent(message -> {
                g.writeName("error");
                g.writeStartObject();
                g.writeNumberProperty("exit_code", v.exitCode());
                g.writeStringProperty("message", message);
                g.writeEndObject();
            });
            v.reach().ifPresent(report -> {
                verdicts(g, "questions", report.questions(), explain);
                verdicts(g, "flags", report.flags(), explain);
            });
            topics.ifPresent(t -> {
                g.writeName("learn");
                g.writeStartObject();
                topicFields(g, t);
                g.writeEndObject();
            });
            g.writeEndObject();
        }
        JsonOutput.newline(out);
    }

    /** A folder of topics: {@code file}, {@code valid}, {@code problems}, and when valid how many {@code topics} and {@code links}. */
    public static void write(TopicValidation t, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            topicFields(g, t);
            g.writeEndObject();
        }
        JsonOutput.newline(out);
    }

    private static void topicFields(JsonGenerator g, TopicValidation t) {
        g.writeStringProperty("file", t.source());
        g.writeBooleanProperty("valid", t.ok());
        g.writeName("problems");
        g.writeStartArray();
        for (Problem p : t.problems()) {
            g.writeStartObject();
            g.writeStringProperty("severity", "error");
            g.writeStringProperty("file", p.at().source());
            g.writeNumberProperty("line", p.at().line());
            g.writeNumberProperty("column", p.at().column());
            g.writeStringProperty("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        t.library().ifPresent(l -> {
            g.writeNumberProperty("topics", l.topics().size());
            g.writeNumberProperty("links", t.links());
        });
    }

    private static void verdicts(JsonGenerator g, String name, Map<String, Reachability.Verdict> verdicts, boolean explain) {
        g.writeName(name);
        g.writeStartObject();
        verdicts.forEach((id, verdict) -> {
            g.writeName(id);
            g.writeStartObject();
            if (verdict instanceof Reachability.Proved proved) {
                g.writeStringProperty("status", "proved");
                if (explain) {
                    g.writeName("example");
                    g.writeStartObject();
                    for (Map.Entry<String, Answer> e : proved.example().entrySet()) {
                        g.writeName(e.getKey());
                        JsonReport.answer(g, e.getValue());
                    }
                    g.writeEndObject();
                }
            } else if (verdict instanceof Reachability.Impossible impossible) {
                g.writeStringProperty("status", "impossible");
                g.writeStringProperty("why", impossible.why());
            } else {
                g.writeStringProperty("status", "undecided");
                g.writeStringProperty("why", ((Reachability.Undecided) verdict).why());
            }
            g.writeEndObject();
        });
        g.writeEndObject();
    }
}
