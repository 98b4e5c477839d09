package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.engine.Texts;
import dev.spinecheck.render.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The bundled questionnaire compiled at build time is the one the YAML reader gives, and only ever for its own YAML. */
class CompiledQuestionnaireTest {
    private static final String NAME = QuestionnaireLoader.BUNDLED;

    private static byte[] bundledYaml() throws IOException {
        try (InputStream in = QuestionnaireLoader.class.getResourceAsStream("/dev/spinecheck/questionnaires/" + NAME + ".yaml")) {
            return in.readAllBytes();
        }
    }

    private static Questionnaire fromYaml(byte[] yaml) throws InvalidInputException {
        return QuestionnaireReader.readLocated(new TreeReader().read(yaml, "questionnaires/" + NAME + ".yaml", TreeReader.Syntax.YAML, 1))
                .questionnaire();
    }

    /** Every argument of the questionnaire's constructor, and what it derives from them (records compare deeply). */
    private static List<Object> parts(Questionnaire q) {
        return Arrays.asList(q.id(), q.version(), q.title(), q.intro(), q.sources(), q.items(), q.flags(), q.levels(), q.advice(),
                q.people(), q.emergency(), q.steps());
    }

    @Test
    void this_build_has_the_compiled_form_of_the_bundled_yaml_and_it_equals_the_yaml_reading() throws Exception {
        byte[] yaml = bundledYaml();
        Optional<Questionnaire> compiled = CompiledQuestionnaire.of(NAME, yaml, UnaryOperator.identity());

        assertThat(compiled).as("the build compiles %s.yaml (QuestionnaireCompiler, in the pom)", NAME).isPresent();
        assertThat(parts(compiled.get())).isEqualTo(parts(fromYaml(yaml)));
        assertThat(compiled.get().levels().keySet()).containsExactlyElementsOf(fromYaml(yaml).levels().keySet());
    }

    @Test
    void built_with_a_number_filled_in_it_is_the_yaml_reading_with_that_number_filled_in_every_text() throws Exception {
        byte[] yaml = bundledYaml();
        for (String number : List.of("112", "+44 20 7946 0000", "999")) {
            UnaryOperator<String> fill = new Wording(number)::fill;
            Questionnaire compiled = CompiledQuestionnaire.of(NAME, yaml, fill).orElseThrow();

            assertThat(parts(compiled)).as(number).isEqualTo(parts(Texts.map(fromYaml(yaml), fill)));
            assertThat(parts(new QuestionnaireLoader(new TreeReader()).bundled(NAME, fill))).isEqualTo(parts(compiled));
        }
        assertThat(parts(CompiledQuestionnaire.of(NAME, yaml, new Wording("112")::fill).orElseThrow()))
                .as("a number is filled in").isNotEqualTo(parts(fromYaml(yaml)));
    }

    @Test
    void in_a_jar_the_fingerprint_is_read_from_its_index(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] yaml = bundledYaml();
        Path jar = dir.resolve("spinecheck.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("dev/spinecheck/questionnaires/" + NAME + ".yaml"));
            out.write(yaml);
            out.closeEntry();
        }
        String resource = "/dev/spinecheck/questionnaires/" + NAME + ".yaml";

        assertThat(QuestionnaireLoader.indexedFingerprint(jar.toString(), resource)).contains(CompiledQuestionnaire.fingerprint(yaml));
        assertThat(QuestionnaireLoader.indexedFingerprint(jar.toString(), "/dev/spinecheck/questionnaires/other.yaml")).isEmpty();
        assertThat(QuestionnaireLoader.indexedFingerprint(jar + java.io.File.pathSeparator + jar, resource)).as("two entries").isEmpty();
        assertThat(QuestionnaireLoader.indexedFingerprint(dir.toString(), resource)).as("a folder").isEmpty();
        assertThat(QuestionnaireLoader.indexedFingerprint(dir.resolve("missing.jar").toString(), resource)).isEmpty();
    }

    @Test
    void the_yaml_in_the_repository_is_the_one_in_the_jar() throws IOException {
        assertThat(Files.readAllBytes(Path.of("questionnaires", NAME + ".yaml"))).isEqualTo(bundledYaml());
    }

    @Test
    void a_compiled_form_is_never_used_for_other_yaml() throws Exception {
        byte[] changed = (new String(bundledYaml(), StandardCharsets.UTF_8) + "\n# changed\n").getBytes(StandardCharsets.UTF_8);

        assertThat(CompiledQuestionnaire.of(NAME, changed, UnaryOperator.identity())).isEmpty();
        assertThat(CompiledQuestionnaire.of("no-such-questionnaire", bundledYaml(), UnaryOperator.identity())).isEmpty();
    }

    @Test
    void the_source_written_for_the_yaml_names_its_fingerprint() throws Exception {
        byte[] yaml = bundledYaml();
        String source = QuestionnaireCompiler.source(NAME, yaml);

        assertThat(source).contains("final class CompiledSpineScreening implements CompiledQuestionnaire")
                .contains('"' + CompiledQuestionnaire.fingerprint(yaml) + '"');
        assertThat(source.chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void a_name_gives_the_class_of_its_runs_of_letters_and_digits_capitalised() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "ab9Z-_. é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(10);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder expected = new StringBuilder("dev.spinecheck.load.Compiled");
            for (String part : name.toString().split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    expected.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            assertThat(CompiledQuestionnaire.className(name.toString())).as(name.toString()).isEqualTo(expected.toString());
        }
    }

    @Test
    void texts_are_written_as_java_literals_that_read_back_the_same() {
        assertThat(ModelSource.literal("a \"b\" \\ c\nd\te — é \u0001 \u2028 😀"))
                .isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\te \\u2014 \\u00e9 \\001 \\u2028 \\ud83d\\ude00\"");
        assertThat(ModelSource.literal("x".repeat(25_000))).startsWith("String.join(\"\", \"xxx");
        assertThat(CompiledQuestionnaire.className("spine-screening")).isEqualTo("dev.spinecheck.load.CompiledSpineScreening");
        assertThat(CompiledQuestionnaire.map(CompiledQuestionnaire.entry("b", 1), CompiledQuestionnaire.entry("a", 2)).keySet())
                .containsExactly("b", "a");
    }
}
