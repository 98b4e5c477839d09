package dev.spinecheck.render;

import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Reachability;
import dev.spinecheck.script.Validation;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** {@code validate --format json}: one object per questionnaire, on one line. */
public final class ValidationJson {
    private ValidationJson() {}

    /** The problems with their places, the proofs (with an example answer set each when {@code explain}). */
    public static void write(Validation v, boolean explain, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("file", v.source());
            g.writeBooleanProperty("valid", v.ok());
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
            g.writeEndObject();
        }
        JsonOutput.newline(out);
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
