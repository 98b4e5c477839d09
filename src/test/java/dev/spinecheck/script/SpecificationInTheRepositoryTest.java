package dev.spinecheck.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Option;
import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The clinical specification lives in the repository ({@code docs/clinical/spine-screening.md}); the bundled
 * questionnaire's version, the specification's version and the README agree, and the questionnaire keeps the
 * specification's rules for showing answers (section 3a, section 10).
 */
class SpecificationInTheRepositoryTest {
    private static final Path ROOT = Path.of(System.getProperty("spinecheck.root", "."));
    private final Questionnaire questionnaire = Bundled.questionnaire();

    private static int specVersion() throws IOException {
        String spec = Files.readString(ROOT.resolve("docs/clinical/spine-screening.md"));
        Matcher m = Pattern.compile("clinical content specification, version (\\d+)").matcher(spec.lines().findFirst().orElseThrow());
        assertThat(m.find()).as("the specification's first line names its version").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void the_questionnaire_the_specification_and_the_readme_name_the_same_version() throws IOException {
        int version = specVersion();
        assertThat(questionnaire.version()).startsWith(version + ".");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("`docs/clinical/spine-screening.md` (version " + version + ")");
    }

    @Test
    void every_question_of_the_specification_is_in_the_questionnaire_in_its_order() throws IOException {
        String spec = Files.readString(ROOT.resolve("docs/clinical/spine-screening.md"));
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| `([a-z_]+)` \\|").matcher(spec);
        List<String> ids = new java.util.ArrayList<>();
        while (row.find()) {
            ids.add(row.group(2));
        }
        assertThat(questionnaire.steps().stream().map(s -> s.question().id()).toList()).isEqualTo(ids);
    }

    @Test
    void the_harmless_answer_is_always_first_and_yes_no_questions_take_only_yes_and_no() {
        for (Questionnaire.Step step : questionnaire.steps()) {
            Question q = step.question();
            List<Option> options = q.options();
            if (q instanceof Question.YesNo) {
                assertThat(q.codes()).as(q.id()).containsExactlyInAnyOrder("yes", "no");
            } else if (options.stream().anyMatch(Option::isHarmless)) {
                assertThat(options.get(0).isHarmless()).as(q.id() + ": the harmless option first").isTrue();
            }
        }
    }
}
