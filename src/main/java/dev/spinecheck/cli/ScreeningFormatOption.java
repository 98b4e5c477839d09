package dev.spinecheck.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --format text|json|fhir} of {@code run}: the shared formats, and FHIR for a health record. (The commands that
 * do not screen answers take {@link FormatOption}, without fhir.)
 */
public final class ScreeningFormatOption {
    public enum Format { text, json, fhir }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", scope = ScopeType.LOCAL,
            description = "text (for people), json (for programs: one object per line) or fhir (a FHIR R4 Bundle with a"
                    + " QuestionnaireResponse and a RiskAssessment, for a health record). Default: ${DEFAULT-VALUE}.")
    Format format;

    boolean text() {
        return format == Format.text;
    }

    boolean json() {
        return format == Format.json;
    }

    boolean fhir() {
        return format == Format.fhir;
    }
}
