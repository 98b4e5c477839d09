package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.spinecheck.engine.ActionKind;
import dev.spinecheck.engine.Level;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON Schemas for authors' editors ({@code schemas/}) hold for every questionnaire and answer file in the
 * repository, refuse the broken files that {@code validate} refuses for their shape, and know exactly the keys,
 * types, levels and operators the loader knows. A second opinion on the schemas: the networknt validator (draft-07).
 */
class SchemasTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    /** Reads YAML as spinecheck and a YAML 1.2 editor do: yes and no stay text, a repeated key is an error. */
    static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final String ID = "https://spinecheck.dev/schemas/";
    /** The schemas by their ids, so that the one that refers to another finds it here, never on the network. */
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemas(Map.of(ID + "questionnaire.schema.json", text("schemas/questionnaire.schema.json"),
                    ID + "answers.schema.json", text("schemas/answers.schema.json"),
                    ID + "tests.schema.json", text("schemas/tests.schema.json"))));
    static final JsonNode QUESTIONNAIRE_SCHEMA = json("schemas/questionnaire.schema.json");
    static final JsonNode ANSWERS_SCHEMA = json("schemas/answers.schema.json");
    static final JsonNode TESTS_SCHEMA = json("schemas/tests.schema.json");
    static final Schema QUESTIONNAIRE = REGISTRY.getSchema(SchemaLocation.of(ID + "questionnaire.schema.json"));
    static final Schema ANSWERS = REGISTRY.getSchema(SchemaLocation.of(ID + "answers.schema.json"));
    static final Schema TESTS = REGISTRY.getSchema(SchemaLocation.of(ID + "tests.schema.json"));

    enum Kind { QUESTIONNAIRE, ANSWERS, AUTHOR_TESTS, NOT_INPUT }

    /** What the schema must say about a broken file. */
    enum Expect {
        /** Refused by the schema: the problem is in the file's shape. */
        REFUSED,
        /** Accepted by the schema: the problem needs the questionnaire's content (ids, codes, order, reachability). */
        CONTENT,
        /** Not a single YAML or JSON document a schema can look at (syntax, a repeated key, tabs): the editor's YAML support and the loader find it. */
        SYNTAX,
        /** Good YAML that spinecheck refuses by policy (anchors and aliases): the schema sees a well-formed file. */
        YAML_POLICY
    }

    static final Map<String, Expect> BROKEN = new LinkedHashMap<>();

    static {
        BROKEN.put("questionnaire-errors/advice-unknown-codes.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/anchor-and-alias.yaml", Expect.YAML_POLICY);
        BROKEN.put("questionnaire-errors/dead-flag-and-unreachable-question.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/duplicate-ids.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/duplicate-key.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/empty-file.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/empty-section.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/exclusive-misuse.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/operator-does-not-fit.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/reads-a-later-question.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/reads-itself.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/unknown-keys.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/unknown-level.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/unknown-question-and-code.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/wrong-types.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/yaml-syntax-error.yaml", Expect.SYNTAX);

        BROKEN.put("answer-errors/age-out-of-range.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/age-with-leading-zero.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/age-with-plus-sign.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/json-cut-short.json", Expect.SYNTAX);
        BROKEN.put("answer-errors/nul-byte.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/utf16-with-bom.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/utf16-without-bom.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/anchor-and-alias.yaml", Expect.YAML_POLICY);
        BROKEN.put("answer-errors/answers-not-a-mapping.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/bad-saved-at.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/boolean-for-a-choice-without-yes.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/decimal-age.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/duplicate-code-in-list.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/duplicate-key.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/empty-answer.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/empty-file.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/empty-list.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/exclusive-code-combined.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/huge-number.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/json-syntax-error.json", Expect.SYNTAX);
        BROKEN.put("answer-errors/json-trailing-garbage.json", Expect.SYNTAX);
        BROKEN.put("answer-errors/merge-key.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/missing-answers-with-a-certain-emergency.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/missing-answers.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/multi-not-a-list.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/no-answers-key.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/number-written-as-text.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/questionnaire-id-mismatch.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/tab-indentation.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/text-written-as-number.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/top-level-list.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/two-documents.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/under-16.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/unknown-code.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/unknown-question.yaml", Expect.CONTENT);
        BROKEN.put("answer-errors/unknown-top-level-key.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/yaml-syntax-error.yaml", Expect.SYNTAX);
        BROKEN.put("answer-errors/limits-deep-nesting.json", Expect.REFUSED);
        BROKEN.put("answer-errors/limits-deep-nesting.yaml", Expect.REFUSED);
        BROKEN.put("answer-errors/limits-long-key.json", Expect.CONTENT);
        BROKEN.put("answer-errors/limits-long-number.json", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/count-at-least-out-of-range.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/emergency-wording-mistakes.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/limits-deep-nesting.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/limits-long-number-and-key.yaml", Expect.REFUSED);
        BROKEN.put("questionnaire-errors/never-true-conditions.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/next-step-missing-for-a-person.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/not-equals-misused.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/section-and-question-share-an-id.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/unknown-placeholders.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/yaml-indented-further.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-list-entry-not-lined-up.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-no-colon.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-not-lined-up.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-second-colon.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-tab-indentation.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-tag.yaml", Expect.CONTENT);
        BROKEN.put("questionnaire-errors/yaml-unclosed-quote.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-unknown-escape.yaml", Expect.SYNTAX);
        BROKEN.put("questionnaire-errors/yaml-value-starts-with-at.yaml", Expect.SYNTAX);
    }

    static String text(String file) {
        try {
            return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String file) {
        return JSON.readTree(text(file));
    }

    /** Which format a file of the repository is in, by where it lives; every YAML and JSON file must be placed. */
    static Kind kind(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        // The topics of spinecheck learn are a format of their own, checked by validate.
        if (path.startsWith("schemas/") || path.equals("src/test/resources/vignettes/expected.json") || path.startsWith(".")
                || path.startsWith("questionnaires/learn/")) {
            return Kind.NOT_INPUT;
        }
        if (path.startsWith("questionnaires/tests/")) {
            return Kind.AUTHOR_TESTS;
        }
        if (path.startsWith("questionnaires/examples/") || path.startsWith("src/test/resources/vignettes/")
                || path.startsWith("src/test/resources/answer-valid/") || path.startsWith("src/test/resources/answer-errors/")) {
            return Kind.ANSWERS;
        }
        if (path.matches("questionnaires/[^/]+\\.ya?ml") || path.startsWith("src/test/resources/questionnaire-errors/")
                || path.startsWith("src/test/resources/questionnaire-warnings/")
                || path.equals("src/test/resources/valid-tiny.yaml") || path.startsWith("src/test/resources/fhir/")) {
            return Kind.QUESTIONNAIRE;
        }
        throw new AssertionError(path + " is a YAML or JSON file that SchemasTest does not place: say in kind() whether it is a"
                + " questionnaire, an answer file or neither, so that the schemas are checked against it");
    }

    static List<Path> repositoryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("questionnaires", "src/test/resources", "schemas")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(top))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                        .filter(p -> !p.toString().contains("/dev/spinecheck/fuzz/"))
                        .filter(p -> !p.toString().endsWith(".expected"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The schema's complaints about a file, after reading it as the loader would; null when it is not one document. */
    static List<String> complaints(Schema schema, Path file) {
        JsonNode tree;
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            tree = file.toString().endsWith(".json") ? JSON.readTree(content) : YAML.readTree(content);
        } catch (Exception e) {
            return null;
        }
        String json = tree == null || tree.isMissingNode() ? "null" : JSON.writeValueAsString(tree);
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    static Schema schemaFor(Kind kind) {
        return switch (kind) {
            case QUESTIONNAIRE -> QUESTIONNAIRE;
            case ANSWERS -> ANSWERS;
            case AUTHOR_TESTS -> TESTS;
            case NOT_INPUT -> throw new IllegalArgumentException("not an input");
        };
    }

    static boolean broken(Path file) {
        String path = ROOT.relativize(file).toString();
        return path.contains("-errors/");
    }

    @Test
    void every_questionnaire_and_answer_file_in_the_repository_meets_its_schema() throws IOException {
        int checked = 0;
        for (Path file : repositoryFiles()) {
            Kind kind = kind(file);
            if (kind == Kind.NOT_INPUT || broken(file)) {
                continue;
            }
            assertThat(complaints(schemaFor(kind), file)).as(ROOT.relativize(file) + " against the " + kind + " schema").isEmpty();
            checked++;
        }
        assertThat(checked).as("files checked").isGreaterThanOrEqualTo(20);
    }

    @Test
    void broken_files_are_refused_by_the_schema_exactly_where_their_shape_is_wrong() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            if (!broken(file)) {
                continue;
            }
            String name = ROOT.resolve("src/test/resources").relativize(file).toString();
            seen.add(name);
            Expect expect = BROKEN.get(name);
            assertThat(expect).as(name + " is a broken file SchemasTest does not know: add it to BROKEN with what the schema should say").isNotNull();
            List<String> complaints = complaints(schemaFor(kind(file)), file);
            Expect actual = complaints == null ? Expect.SYNTAX : complaints.isEmpty() ? Expect.CONTENT : Expect.REFUSED;
            boolean agrees = expect == Expect.YAML_POLICY ? actual == Expect.CONTENT : actual == expect;
            if (!agrees) {
                wrong.add(name + ": expected " + expect + " but the schema says " + actual + (complaints == null ? "" : " " + complaints));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(BROKEN.keySet());
    }

    @Test
    void the_broken_files_refused_by_the_schema_are_refused_by_the_loader_too() throws Exception {
        for (Map.Entry<String, Expect> e : BROKEN.entrySet()) {
            String expected = text("src/test/resources/" + e.getKey() + ".expected");
            assertThat(expected).as(e.getKey()).doesNotStartWith("exit 0");
        }
    }

    @Test
    void the_bundled_yaml_files_start_with_the_schema_line_for_editors() {
        assertThat(text("questionnaires/spine-screening.yaml"))
                .startsWith("# yaml-language-server: $schema=../schemas/questionnaire.schema.json\n");
        assertThat(text("questionnaires/examples/harmless.yaml"))
                .startsWith("# yaml-language-server: $schema=../../schemas/answers.schema.json\n");
        assertThat(text("questionnaires/tests/spine-screening.yaml"))
                .startsWith("# yaml-language-server: $schema=../../schemas/tests.schema.json\n");
    }

    /** The smallest questionnaire, with one flag whose condition is the given YAML. */
    static List<String> withFlagCondition(String condition) {
        String yaml = text("src/test/resources/valid-tiny.yaml").replace("when: {question: pain, equals: bad}", "when: " + condition);
        return QUESTIONNAIRE.validate(JSON.writeValueAsString(YAML.readTree(yaml)), InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void a_condition_is_one_question_with_one_operator_or_a_lone_all_any_or_not() {
        assertThat(withFlagCondition("{question: pain, equals: bad}")).isEmpty();
        assertThat(withFlagCondition("{all: [{question: pain, equals: bad}, {not: {question: age, below: 30}}]}")).isEmpty();
        assertThat(withFlagCondition("{any: [{question: symptoms, count_at_least: 2}, {question: pain, answered: true}]}")).isEmpty();
        assertThat(withFlagCondition("{question: pain}")).as("no operator").isNotEmpty();
        assertThat(withFlagCondition("{question: pain, equals: bad, has: bad}")).as("two operators").isNotEmpty();
        assertThat(withFlagCondition("{all: [{question: pain, equals: bad}], question: pain}")).as("all beside another key").isNotEmpty();
        assertThat(withFlagCondition("{any: []}")).as("an empty list").isNotEmpty();
        assertThat(withFlagCondition("{question: age, at_least: fifty}")).as("a number as text").isNotEmpty();
        assertThat(withFlagCondition("{question: pain, answered: false}")).as("answered takes true").isNotEmpty();
        assertThat(withFlagCondition("{question: pain, equal: bad}")).as("a misspelt operator").isNotEmpty();
    }

    // ---- The schema and the loader know the same keys.

    /** Where in the questionnaire schema each of the loader's key sets is described. */
    static final Map<String, String> QUESTIONNAIRE_KEY_SETS = Map.ofEntries(
            Map.entry("TOP", "/properties"),
            Map.entry("SECTION", "/definitions/section/properties"),
            Map.entry("QUESTION", "/definitions/question/properties"),
            Map.entry("OPTION", "/definitions/option/properties"),
            Map.entry("FLAG", "/definitions/flag/properties"),
            Map.entry("LEVEL", "/definitions/levelText/properties"),
            Map.entry("ADVICE", "/definitions/advice/properties"),
            Map.entry("SAFETY_NET", "/definitions/advice/properties/safety_net/properties"),
            Map.entry("SAFETY_GROUP", "/definitions/advice/properties/safety_net/properties/groups/items/properties"),
            Map.entry("EMERGENCY", "/definitions/emergency/properties"),
            Map.entry("EMERGENCY_ACTION", "/definitions/emergencyAction/properties"),
            Map.entry("INSTRUCTION", "/definitions/emergency/properties/instructions/items/properties"),
            Map.entry("CARE", "/definitions/advice/properties/conservative_care/properties"),
            Map.entry("CARE_ITEM", "/definitions/advice/properties/conservative_care/properties/items/items/properties"),
            Map.entry("FUSION", "/definitions/advice/properties/fusion_note/properties"),
            Map.entry("NOTE", "/definitions/advice/properties/answer_notes/items/properties"),
            Map.entry("READ_MORE", "/definitions/advice/properties/read_more/items/properties"),
            Map.entry("TYPES", "/definitions/question/properties/type/enum"));

    static Set<String> keys(JsonNode schema, String pointer) {
        JsonNode node = schema.at(pointer);
        assertThat(node.isMissingNode()).as("the schema has " + pointer).isFalse();
        Set<String> keys = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(n -> keys.add(n.asString()));
        } else {
            keys.addAll(node.propertyNames());
        }
        return keys;
    }

    /** Every {@code static final Set<String>} of a loader class, by field name. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> keySets(Class<?> type) throws IllegalAccessException {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Set.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                sets.put(field.getName(), new TreeSet<>((Set<String>) field.get(null)));
            }
        }
        return sets;
    }

    @Test
    void the_questionnaire_schema_knows_every_key_set_of_the_loader_and_no_other_keys() throws Exception {
        Map<String, Set<String>> loader = keySets(QuestionnaireReader.class);
        assertThat(loader.keySet()).as("QuestionnaireReader's key sets: a new one needs its place in the schema and in this test")
                .containsExactlyInAnyOrderElementsOf(QUESTIONNAIRE_KEY_SETS.keySet());
        for (Map.Entry<String, String> e : QUESTIONNAIRE_KEY_SETS.entrySet()) {
            assertThat(keys(QUESTIONNAIRE_SCHEMA, e.getValue())).as("QuestionnaireReader." + e.getKey() + " and the schema at " + e.getValue())
                    .containsExactlyInAnyOrderElementsOf(loader.get(e.getKey()));
        }
    }

    @Test
    void the_schema_knows_the_loaders_operators_and_combiners() throws Exception {
        Map<String, Set<String>> loader = keySets(ConditionReader.class);
        assertThat(loader.keySet()).contains("OPERATORS", "COMBINERS");
        Set<String> combiners = new TreeSet<>();
        QUESTIONNAIRE_SCHEMA.at("/definitions/condition/if/anyOf").forEach(branch -> branch.path("required").forEach(r -> combiners.add(r.asString())));
        assertThat(combiners).containsExactlyInAnyOrderElementsOf(loader.get("COMBINERS"));
        Set<String> leafKeys = keys(QUESTIONNAIRE_SCHEMA, "/definitions/condition/properties");
        leafKeys.removeAll(combiners);
        assertThat(leafKeys).containsExactlyInAnyOrderElementsOf(loader.get("LEAF_KEYS"));
        leafKeys.remove("question");
        assertThat(leafKeys).containsExactlyInAnyOrderElementsOf(loader.get("OPERATORS"));
    }

    @Test
    void the_schema_knows_the_five_levels() {
        List<String> levels = Arrays.stream(Level.values()).map(Level::name).toList();
        assertThat(keys(QUESTIONNAIRE_SCHEMA, "/definitions/level/enum")).containsExactlyInAnyOrderElementsOf(levels);
        assertThat(keys(QUESTIONNAIRE_SCHEMA, "/properties/levels/properties")).containsExactlyInAnyOrderElementsOf(levels);
    }

    @Test
    void the_schema_knows_the_action_kinds() {
        assertThat(keys(QUESTIONNAIRE_SCHEMA, "/definitions/actionKind/enum"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ActionKind.values()).map(ActionKind::code).toList());
        assertThat(keys(QUESTIONNAIRE_SCHEMA, "/definitions/emergency/properties"))
                .containsAll(Arrays.stream(ActionKind.values()).map(ActionKind::code).toList());
    }

    @Test
    void the_answers_schema_knows_the_keys_of_an_answer_file() throws Exception {
        assertThat(keySets(AnswerReader.class).keySet()).containsExactly("TOP");
        assertThat(keys(ANSWERS_SCHEMA, "/properties")).containsExactlyInAnyOrderElementsOf(keySets(AnswerReader.class).get("TOP"));
    }

    @Test
    void the_tests_schema_knows_the_keys_of_an_author_test_file() throws Exception {
        Map<String, Set<String>> loader = keySets(TestSuiteReader.class);
        assertThat(loader.keySet()).containsExactlyInAnyOrder("TOP", "CASE");
        assertThat(keys(TESTS_SCHEMA, "/properties")).containsExactlyInAnyOrderElementsOf(loader.get("TOP"));
        assertThat(keys(TESTS_SCHEMA, "/definitions/case/properties")).containsExactlyInAnyOrderElementsOf(loader.get("CASE"));
        assertThat(keys(TESTS_SCHEMA, "/definitions/case/properties/level/enum"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Level.values()).map(Level::name).toList());
    }

    // ---- Editors show a description for every key.

    @Test
    void every_key_of_both_schemas_has_a_description() {
        for (JsonNode schema : List.of(QUESTIONNAIRE_SCHEMA, ANSWERS_SCHEMA, TESTS_SCHEMA)) {
            List<String> missing = new ArrayList<>();
            described(schema, "", missing);
            assertThat(missing).as(schema.path("title").asString() + ": keys without a description").isEmpty();
        }
    }

    /** Walks the schema's own properties and definitions (not the if/then/else rules, which only narrow them). */
    private static void described(JsonNode node, String at, List<String> missing) {
        if (!node.isObject()) {
            return;
        }
        for (String name : node.propertyNames()) {
            JsonNode child = node.path(name);
            switch (name) {
                case "properties", "definitions" -> {
                    for (String key : child.propertyNames()) {
                        JsonNode property = child.path(key);
                        if (property.isObject() && !property.has("description")) {
                            missing.add(at + "/" + name + "/" + key);
                        }
                        described(property, at + "/" + name + "/" + key, missing);
                    }
                }
                case "items", "additionalProperties", "not" -> described(child, at + "/" + name, missing);
                case "oneOf", "anyOf" -> {
                    for (int i = 0; i < child.size(); i++) {
                        described(child.path(i), at + "/" + name + "/" + i, missing);
                    }
                }
                default -> {
                }
            }
        }
    }
}
