package dev.spinecheck.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The one JSON factory of the program's output (immutable, so shared). Its generators never close the writer they are
 * given: standard output stays open for the next line.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** Indented output, for a file a person may open (the exported FHIR Questionnaire, a FHIR report). */
    private static final ObjectWriteContext INDENTED = new ObjectWriteContext.Base() {
        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private JsonOutput() {}

    /** A generator of compact JSON (one line). */
    public static JsonGenerator generator(Writer out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    public static JsonGenerator indented(Writer out) {
        return FACTORY.createGenerator(INDENTED, out);
    }

    static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        values.forEach(g::writeString);
        g.writeEndArray();
    }

    /** Ends a JSON line. */
    public static void newline(Writer out) {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
