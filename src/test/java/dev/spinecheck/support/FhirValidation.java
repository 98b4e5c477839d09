package dev.spinecheck.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.Wording;
import dev.spinecheck.render.fhir.FhirNames;
import dev.spinecheck.render.fhir.FhirQuestionnaire;
import java.io.StringWriter;
import java.nio.file.Path;
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
 * definitions), so every test shares one. It knows our questionnaires from the start (the bundled one and the test
 * ones, exported by the product): the validator remembers what it looked up, so one added later would stay unknown.
 */
public final class FhirValidation {
    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static final Questionnaires KNOWN = new Questionnaires();
    /** The questionnaires responses are checked against: the bundled one, and the test questionnaires. */
    private static final List<String> QUESTIONNAIRES = List.of("src/test/resources/fhir/every-condition.yaml",
            "src/test/resources/valid-tiny.yaml");
    private static final FhirValidator VALIDATOR = build();

    private FhirValidation() {}

    private static FhirValidator build() {
        know(export(Bundled.questionnaire()));
        for (String file : QUESTIONNAIRES) {
            try {
                know(export(new QuestionnaireLoader(new TreeReader()).load(Path.of(file))));
            } catch (Exception e) {
                throw new IllegalStateException(file + " does not load: " + e, e);
            }
        }
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

    /** The questionnaire as the product exports it. */
    public static String export(dev.spinecheck.engine.Questionnaire questionnaire) {
        StringWriter json = new StringWriter();
        new FhirQuestionnaire(FhirNames.SPINECHECK, new Wording(null)).write(questionnaire, json);
        return json.toString();
    }

    /** Lets the validator check responses against this Questionnaire (by its canonical URL). */
    private static void know(String questionnaireJson) {
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
        return errors(messages(json));
    }

    /** The errors among messages already made. */
    public static List<String> errors(List<SingleValidationMessage> messages) {
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    public static List<String> describe(List<SingleValidationMessage> messages) {
        return messages.stream().map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
