package dev.spinecheck.bench;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import dev.spinecheck.render.JsonReport;
import dev.spinecheck.render.Wording;
import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steps of one scripted screening on the bundled questionnaire, each on its own: reading an answer file and
 * walking it (YAML and JSON, a whole path and an emergency stop), and writing the result as JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScreeningBenchmark {
    private final TreeReader reader = new TreeReader();
    private final JsonReport json = new JsonReport(new Wording(Wording.DEFAULT_EMERGENCY_NUMBER));
    private Questionnaire questionnaire;
    private ScriptedScreening screening;
    private byte[] harmlessYaml;
    private byte[] harmlessJson;
    private byte[] emergencyYaml;
    private Verdict harmless;

    @Setup
    public void setUp() throws Exception {
        questionnaire = new QuestionnaireLoader(reader).bundled();
        screening = new ScriptedScreening(questionnaire, reader);
        harmlessYaml = Inputs.harmlessYaml();
        harmlessJson = Inputs.harmlessJson();
        emergencyYaml = Inputs.emergencyYaml();
        harmless = screening.screen("harmless.yaml", harmlessYaml, TreeReader.Syntax.YAML);
        if (!(harmless instanceof Verdict.Screened)) {
            throw new IllegalStateException("the harmless example did not screen: " + harmless);
        }
    }

    /** Reads a YAML answer file and walks its whole path. */
    @Benchmark
    public Verdict screenYamlWholePath() {
        return screening.screen("harmless.yaml", harmlessYaml, TreeReader.Syntax.YAML);
    }

    /** Reads a JSON answer file and walks its whole path. */
    @Benchmark
    public Verdict screenJsonWholePath() {
        return screening.screen("harmless.json", harmlessJson, TreeReader.Syntax.JSON);
    }

    /** Reads a YAML answer file whose walk stops at an emergency. */
    @Benchmark
    public Verdict screenYamlEmergency() {
        return screening.screen("P03.yaml", emergencyYaml, TreeReader.Syntax.YAML);
    }

    /** Writes one result as the JSON line of run --format json / batch. */
    @Benchmark
    public String writeJsonResult() {
        StringWriter out = new StringWriter(4096);
        json.write(harmless, questionnaire, true, out);
        return out.toString();
    }
}
