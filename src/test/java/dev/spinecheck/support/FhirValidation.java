package dev.spinecheck.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The HL7 FHIR validator as HAPI FHIR packages it, offline, for R4. Building it costs seconds (it loads the core
 * definitions), so every test shares one; the questionnaires it knows are added before the first validation.
 */
public final class FhirValidation {
    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final Questionnaires KNOWN = new Questionnaires();
    private static final FhirValidator VALIDATOR = build();

    private FhirValidation() {}

    private static FhirValidator build() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(CONTEXT),
                KNOWN,
                new SnapshotGeneratingValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** Our questionnaires, found by canonical URL (with or without |version) when a response names one. */
    private static final class Questionnaires implements IValidationSupport {
        final Map<String, Questionnaire> byUrl = new ConcurrentHashMap<>();

        @Override
        public FhirContext getFhirContext() {
            return CONTEXT;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
            Questionnaire questionnaire = byUrl.get(uri);
            return questionnaire != null && (type == null || type.isInstance(questionnaire)) ? type == null ? null : type.cast(questionnaire) : null;
        }
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /** Lets the validator check responses against this Questionnaire (by its canonical URL). */
    public static synchronized void know(String questionnaireJson) {
        Questionnaire questionnaire = CONTEXT.newJsonParser().parseResource(Questionnaire.class, questionnaireJson);
        KNOWN.byUrl.put(questionnaire.getUrl(), questionnaire);
        KNOWN.byUrl.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
    }

    /** Every message of the validator about this resource (given as JSON). */
    public static synchronized List<SingleValidationMessage> messages(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        return result.getMessages();
    }

    /** The errors (and fatal errors) only, one line each, with where they are. */
    public static List<String> errors(String json) {
        return messages(json).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    public static List<String> describe(List<SingleValidationMessage> messages) {
        return messages.stream().map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
