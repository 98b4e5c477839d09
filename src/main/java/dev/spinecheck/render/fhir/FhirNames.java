package dev.spinecheck.render.fhir;

import dev.spinecheck.engine.Questionnaire;
import java.util.Locale;

/**
 * The canonical URLs and code systems under which spinecheck's questionnaires, answer codes, flags and levels are
 * named in FHIR. One questionnaire has one code system for its answer codes (codes are read together with the
 * question's linkId), one for its flags; the five levels are the same for every questionnaire.
 */
public record FhirNames(String base) {
    /** spinecheck's own namespace (the project's group id, {@code dev.spinecheck}, read as a domain). */
    public static final FhirNames SPINECHECK = new FhirNames("https://spinecheck.dev/fhir");

    public String questionnaireUrl(Questionnaire questionnaire) {
        return base + "/Questionnaire/" + questionnaire.id();
    }

    /** The canonical reference with its version, as {@code QuestionnaireResponse.questionnaire} takes it. */
    public String questionnaireCanonical(Questionnaire questionnaire) {
        return questionnaireUrl(questionnaire) + "|" + questionnaire.version();
    }

    public String answerSystem(Questionnaire questionnaire) {
        return base + "/CodeSystem/" + questionnaire.id();
    }

    public String flagSystem(Questionnaire questionnaire) {
        return base + "/CodeSystem/" + questionnaire.id() + "-flags";
    }

    public String levelSystem() {
        return base + "/CodeSystem/urgency-level";
    }

    /** A FHIR resource id (letters, digits, '-' and '.', at most 64) made from one of our ids. */
    public static String resourceId(String id) {
        String safe = id.replace('_', '-');
        return safe.length() <= 64 ? safe : safe.substring(0, 64);
    }

    /** A computer-friendly name (FHIR's {@code name}): spine-screening becomes SpineScreening. */
    public static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Q");
        }
        return name.length() <= 255 ? name.toString() : name.substring(0, 255);
    }
}
