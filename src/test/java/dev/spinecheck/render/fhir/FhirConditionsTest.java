package dev.spinecheck.render.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import dev.spinecheck.engine.Answer;
import dev.spinecheck.engine.Condition;
import dev.spinecheck.engine.Facts;
import dev.spinecheck.engine.Item;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Result;
import dev.spinecheck.engine.Section;
import dev.spinecheck.engine.Tri;
import dev.spinecheck.engine.Walk;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.Wording;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.FhirValidation;
import dev.spinecheck.support.RandomAnswers;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported ask-when conditions mean what spinecheck means: for random answer sets, every condition's FHIRPath is
 * true, false or empty exactly when spinecheck's is true, false or unknown, and its enableWhen tests (read the way
 * FHIR R4 defines them) enable an item exactly when spinecheck would ask it: unless the condition is certainly false.
 */
class FhirConditionsTest {
    static final Questionnaire EVERY_CONDITION = load("src/test/resources/fhir/every-condition.yaml");
    static final FHIRPathEngine FHIRPATH = new FHIRPathEngine(new HapiWorkerContext(FhirValidation.context(),
            new DefaultProfileValidationSupport(FhirValidation.context())));
    static final long CLOCK_SEED = System.currentTimeMillis();

    static Questionnaire load(String file) {
        try {
            return new QuestionnaireLoader(new TreeReader()).load(Path.of(file));
        } catch (Exception e) {
            throw new IllegalStateException(file + " does not load: " + e, e);
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 20261201L, 424242L, CLOCK_SEED);
    }

    /** A condition with where it is written: a question's or a section's own ask-when. */
    record Owned(String owner, Condition condition) {}

    static List<Owned> conditions(List<Item> items) {
        List<Owned> all = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Section section) {
                all.add(new Owned("section " + section.id(), section.askWhen()));
                all.addAll(conditions(section.items()));
            } else {
                Question question = (Question) item;
                all.add(new Owned("question " + question.id(), question.askWhen()));
            }
        }
        return all;
    }

    /** The response the product writes for these answers (the answers on the walk's path). */
    static QuestionnaireResponse response(Walk.Outcome outcome) {
        StringWriter json = new StringWriter();
        new FhirBundle(FhirNames.SPINECHECK, new Wording(null), UUID::randomUUID)
                .write(Result.of(outcome), OffsetDateTime.parse("2026-12-01T10:00:00Z"), json);
        Bundle bundle = FhirValidation.context().newJsonParser().parseResource(Bundle.class, json.toString());
        return (QuestionnaireResponse) bundle.getEntryFirstRep().getResource();
    }

    static Tri fhirPath(String expression, QuestionnaireResponse response) {
        List<Base> result = FHIRPATH.evaluate(null, response, response, response, expression);
        if (result.isEmpty()) {
            return Tri.UNKNOWN;
        }
        assertThat(result).as(expression).hasSize(1);
        return Tri.of(((BooleanType) result.get(0)).booleanValue());
    }

    /** FHIR R4's reading of enableWhen with enableBehavior "any", written from the specification. */
    static boolean enabled(EnableWhen.Any any, QuestionnaireResponse response, Questionnaire questionnaire) {
        if (any.always()) {
            return true;
        }
        for (EnableWhen.Test test : any.tests()) {
            List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent> answers = new ArrayList<>();
            collect(response.getItem(), test.question(), answers);
            boolean holds;
            if (test instanceof EnableWhen.Missing) {
                holds = answers.isEmpty();
            } else if (test instanceof EnableWhen.CodeIs c) {
                holds = answers.stream().anyMatch(a -> a.getValue() instanceof BooleanType b
                        ? b.booleanValue() == c.code().equals("yes")
                        : a.getValueCoding().getCode().equals(c.code())
                                && a.getValueCoding().getSystem().equals(FhirNames.SPINECHECK.answerSystem(questionnaire)));
            } else {
                EnableWhen.NumberIs n = (EnableWhen.NumberIs) test;
                holds = answers.stream().anyMatch(a -> compare(a.getValueIntegerType().getValue(), n.operator(), n.value()));
            }
            if (holds) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(long answer, String operator, long value) {
        return switch (operator) {
            case ">=" -> answer >= value;
            case "<=" -> answer <= value;
            case "<" -> answer < value;
            case ">" -> answer > value;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String linkId,
            List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent> into) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            if (item.getLinkId().equals(linkId)) {
                into.addAll(item.getAnswer());
            }
            collect(item.getItem(), linkId, into);
        }
    }

    static void agree(Questionnaire questionnaire, long seed, int sets) {
        Random random = new Random(seed);
        List<Owned> owned = conditions(questionnaire.items());
        for (int i = 0; i < sets; i++) {
            Map<String, Answer> answers = RandomAnswers.of(questionnaire, random, i % 3 == 0 ? 0.4 : 0.1);
            Walk.Outcome outcome = Walk.run(questionnaire, answers);
            Facts facts = outcome.facts();
            QuestionnaireResponse response = response(outcome);
            for (Owned o : owned) {
                String where = "seed " + seed + ", set " + i + ", " + o.owner() + ", answers " + facts.asMap();
                Tri ours = o.condition().evaluate(facts);
                assertThat(fhirPath(FhirPath.of(o.condition(), questionnaire), response)).as(where + ": FHIRPath").isEqualTo(ours);
                assertThat(fhirPath(FhirPath.enabledUnlessFalse(o.condition(), questionnaire), response))
                        .as(where + ": enableWhenExpression").isEqualTo(Tri.of(!ours.isFalse()));
                EnableWhen.of(o.condition(), questionnaire).ifPresent(any ->
                        assertThat(enabled(any, response, questionnaire)).as(where + ": enableWhen " + any).isEqualTo(!ours.isFalse()));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_kind_of_condition_means_the_same_in_fhir(long seed) {
        agree(EVERY_CONDITION, seed, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_bundled_questionnaires_conditions_mean_the_same_in_fhir(long seed) {
        agree(Bundled.questionnaire(), seed, 150);
    }

    @Test
    void enable_when_is_used_where_fhir_can_say_it_and_fhirpath_elsewhere() {
        Map<String, Boolean> sayable = new LinkedHashMap<>();
        for (Owned o : conditions(EVERY_CONDITION.items())) {
            sayable.put(o.owner(), EnableWhen.of(o.condition(), EVERY_CONDITION).isPresent());
        }
        assertThat(sayable).containsEntry("question if_smoker", true)
                .containsEntry("question if_not_smoker", true)
                .containsEntry("question if_low", true)
                .containsEntry("question if_not_good", true)
                .containsEntry("question if_back", true)
                .containsEntry("question if_not_back", false)
                .containsEntry("question if_two_places", false)
                .containsEntry("question if_older", true)
                .containsEntry("question if_younger", true)
                .containsEntry("question if_at_most", true)
                .containsEntry("question if_not_older", true)
                .containsEntry("question if_answered", true)
                .containsEntry("question if_not_answered", true)
                .containsEntry("question if_any", true)
                .containsEntry("question if_all", false)
                .containsEntry("question if_not_any", false)
                .containsEntry("question if_not_all", true)
                .containsEntry("question if_nested", false)
                .containsEntry("question if_double_not", true)
                .containsEntry("section follow_up", true)
                .containsEntry("section inner", false);
    }

    @Test
    void a_missing_answer_and_an_unknown_code_enable_the_item_as_spinecheck_asks_it() {
        Condition low = EVERY_CONDITION.question("if_low").orElseThrow().askWhen();
        EnableWhen.Any any = EnableWhen.of(low, EVERY_CONDITION).orElseThrow();
        assertThat(any.tests()).containsExactly(new EnableWhen.Missing("mood"), new EnableWhen.CodeIs("mood", "low"),
                new EnableWhen.CodeIs("mood", "rather_not_say"));
    }

    @Test
    void an_answer_that_always_counts_needs_no_enable_when() {
        Condition answered = EVERY_CONDITION.question("if_answered").orElseThrow().askWhen();
        assertThat(EnableWhen.of(answered, EVERY_CONDITION)).contains(EnableWhen.Any.ALWAYS);
    }
}
