package dev.spinecheck.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 answer sets, 5% of them broken, in one batch with 64 MB of heap: every broken one is reported on its own
 * line, every good one is screened correctly, and memory stays flat.
 */
class LargeBatchIT {
    @TempDir
    Path dir;

    /** Four good answer sets with known results, and four kinds of broken ones. */
    static final String[][] GOOD = {
        {"{\"answers\": {\"age\": 40, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\", \"injury\": \"serious\"}}", "EMERGENCY"},
        {"{\"answers\": {\"age\": 66, \"pain_region\": [\"neck\"], \"spine_surgery\": \"none\", \"injury\": \"minor\"}}", "EMERGENCY"},
        {"{\"answers\": {\"age\": 40, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\", \"injury\": \"none\", \"chest_pain\": \"yes\"}}", "EMERGENCY"},
        {"{\"answers\": {\"age\": 68, \"pain_region\": [\"lower_back\"], \"spine_surgery\": \"none\", \"injury\": \"none\", \"chest_pain\": \"no\", \"sudden_severe_pain\": \"without_faintness\"}}", "EMERGENCY"},
    };
    static final String[] BROKEN = {
        "{\"answers\": {\"age\": \"forty\"}}",
        "{\"answers\": {\"age\": 40, \"pain_region\": [\"tail\"]}}",
        "{\"answers\": {\"age\": 40,,}}",
        "{\"answers\": {\"age\": 40}}",
    };

    @Test
    void one_hundred_thousand_answer_sets_with_five_percent_broken() throws IOException {
        Path input = dir.resolve("many.jsonl");
        int total = 100_000;
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < total; i++) {
                w.write(i % 20 == 7 ? BROKEN[(i / 20) % BROKEN.length] : GOOD[i % GOOD.length][0]);
                w.write('\n');
            }
        }
        Path output = dir.resolve("out.jsonl");
        Packaged.Ran ran = Packaged.run(List.of("-Xmx64m"), "batch", "--output", output.toString(), input.toString());

        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(65);
        assertThat(ran.err()).contains("100000 answer sets").contains("errors 5000").doesNotContain("Exception");
        List<Integer> wrong = new ArrayList<>();
        try (BufferedReader results = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (int i = 0; i < total; i++) {
                String line = results.readLine();
                boolean broken = i % 20 == 7;
                boolean right = line != null && line.contains("\"source\":\"" + input + ":" + (i + 1) + "\"")
                        && (broken ? line.contains("\"error\":{\"exit_code\":65")
                                : line.contains("\"level\":\"" + GOOD[i % GOOD.length][1] + "\"") && !line.contains("\"error\""));
                if (!right) {
                    wrong.add(i + 1);
                }
            }
            assertThat(results.readLine()).isNull();
        }
        assertThat(wrong).as("lines with a wrong result").isEmpty();
    }
}
