package dev.spinecheck.bench;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.load.QuestionnaireLoader;
import dev.spinecheck.load.TreeReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Loading the bundled questionnaire, as every single run does once (warm: the JIT's best, not a cold start). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoadingBenchmark {
    private final QuestionnaireLoader loader = new QuestionnaireLoader(new TreeReader());

    /** The bundled questionnaire as a run gets it. */
    @Benchmark
    public Questionnaire bundled() throws Exception {
        return loader.bundled();
    }

    /** The bundled questionnaire read from its YAML with every location, as validate reads it. */
    @Benchmark
    public Object bundledFromYamlWithLocations() throws Exception {
        return loader.bundledLocated(QuestionnaireLoader.BUNDLED);
    }
}
