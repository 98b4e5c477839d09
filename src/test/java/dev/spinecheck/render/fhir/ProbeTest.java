package dev.spinecheck.render.fhir;

import static dev.spinecheck.support.CliRun.cli;

import dev.spinecheck.support.FhirValidation;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        long t0 = System.nanoTime();
        String q = cli().run("export").out();
        System.out.println("export messages:");
        FhirValidation.describe(FhirValidation.messages(q)).forEach(System.out::println);
        System.out.println("took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        FhirValidation.know(q);
        for (String v : new String[] {"P01", "P03", "P09"}) {
            String b = cli().run("run", "--answers", "src/test/resources/vignettes/" + v + ".yaml", "--format", "fhir").out();
            System.out.println(v + " " + b.substring(0, Math.min(b.length(), 3000)));
            FhirValidation.describe(FhirValidation.messages(b)).forEach(System.out::println);
        }
        String bad = cli().run("run", "--answers", "src/test/resources/answer-errors/missing-answers.yaml", "--format", "fhir").out();
        System.out.println("missing " + bad);
        FhirValidation.describe(FhirValidation.messages(bad)).forEach(System.out::println);
        System.out.println("took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
