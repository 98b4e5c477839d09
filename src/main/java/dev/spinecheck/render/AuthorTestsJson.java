package dev.spinecheck.render;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.TestSuite;
import dev.spinecheck.script.AuthorTests;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;

/** {@code test --format json}: each case with what differed, and the coverage, on one line. */
public final class AuthorTestsJson {
    private AuthorTestsJson() {}

    public static void write(Questionnaire questionnaire, TestSuite suite, AuthorTests.Report report, Writer out) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("questionnaire", questionnaire.id());
            g.writeStringProperty("tests", suite.source());
            g.writeNumberProperty("passed", report.passed());
            g.writeNumberProperty("failed", report.failed());
            g.writeName("cases");
            g.writeStartArray();
            for (AuthorTests.CaseResult r : report.results()) {
                g.writeStartObject();
                g.writeStringProperty("case", r.testCase().name());
                g.writeNumberProperty("line", r.testCase().at().line());
                g.writeBooleanProperty("passed", r.passed());
                JsonOutput.strings(g, "differences", r.differences());
                g.writeEndObject();
            }
            g.writeEndArray();
            AuthorTests.Coverage cov = report.coverage();
            g.writeName("coverage");
            g.writeStartObject();
            JsonOutput.strings(g, "flags_fired", cov.flagsFired());
            JsonOutput.strings(g, "flags_not_fired", cov.flagsNotFired());
            JsonOutput.strings(g, "questions_asked", cov.questionsAsked());
            JsonOutput.strings(g, "questions_not_asked", cov.questionsNotAsked());
            g.writeNumberProperty("codes", cov.codes());
            JsonOutput.strings(g, "codes_not_used", cov.codesNotUsed());
            g.writeEndObject();
            g.writeEndObject();
        }
        JsonOutput.newline(out);
    }
}
