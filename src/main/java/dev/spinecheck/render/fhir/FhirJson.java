package dev.spinecheck.render.fhir;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** Generators for FHIR JSON: one line (NDJSON) or indented, never closing the writer they write to. */
final class FhirJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FhirJson() {}

    static JsonGenerator generator(Writer out, boolean pretty) {
        return FACTORY.createGenerator(new Context(pretty), out);
    }

    private static final class Context extends ObjectWriteContext.Base {
        private final boolean pretty;

        Context(boolean pretty) {
            this.pretty = pretty;
        }

        @Override
        public boolean hasPrettyPrinter() {
            return pretty;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return pretty ? new DefaultPrettyPrinter() : null;
        }

        @Override
        public int getStreamWriteFeatures(int defaults) {
            return defaults & ~StreamWriteFeature.AUTO_CLOSE_TARGET.getMask();
        }
    }
}
