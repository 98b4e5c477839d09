package dev.spinecheck.fuzz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./mvnw test} replays more than the hand-written seeds: each fuzz target has a committed corpus, minimised
 * with libFuzzer's merge, and the answer-file corpus reaches both parsers.
 */
class FuzzCorpusTest {

    private static List<Path> inputs(String target) throws IOException, URISyntaxException {
        Path folder = Path.of(FuzzCorpusTest.class.getResource(target + "Inputs").toURI());
        try (Stream<Path> methods = Files.list(folder)) {
            Path method = methods.filter(Files::isDirectory).findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(method)) {
                return files.filter(Files::isRegularFile).toList();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AnswerFileFuzzTest", "QuestionnaireLoaderFuzzTest", "WalkFuzzTest"})
    void each_target_replays_a_corpus_beyond_the_hand_written_seeds(String target) throws Exception {
        List<Path> inputs = inputs(target);
        assertThat(inputs.stream().filter(p -> p.getFileName().toString().startsWith("corpus-"))).as(target).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void every_fuzz_test_is_tagged_to_run_in_the_surefire_execution_of_its_own() {
        JavaClasses tests = new ClassFileImporter().importPackages("dev.spinecheck");
        ArchRule rule = methods().that().areAnnotatedWith(FuzzTest.class)
                .should().beDeclaredInClassesThat().areAnnotatedWith(FUZZ_TAG)
                .because("the pom runs @Tag(\"fuzz\") classes in the 'fuzz' execution, so that Jazzer's agent instruments no other test");
        rule.check(tests);
    }

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaAnnotation<?>> FUZZ_TAG =
            com.tngtech.archunit.base.DescribedPredicate.describe("@Tag(\"fuzz\")",
                    a -> a.getRawType().isEquivalentTo(Tag.class) && "fuzz".equals(a.get("value").orElse(null)));

    @Test
    void the_answer_file_corpus_reaches_the_json_and_the_yaml_parser() throws Exception {
        long json = 0;
        long yaml = 0;
        for (Path input : inputs("AnswerFileFuzzTest")) {
            if (AnswerFileFuzzTest.json(Files.readAllBytes(input))) {
                json++;
            } else {
                yaml++;
            }
        }
        assertThat(json).as("inputs read as JSON").isGreaterThanOrEqualTo(5);
        assertThat(yaml).as("inputs read as YAML").isGreaterThanOrEqualTo(5);
    }
}
