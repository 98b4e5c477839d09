package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.script.ScriptedScreening;
import dev.spinecheck.script.Verdict;
import dev.spinecheck.support.Bundled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A whole number written as text is told how to write it: without quotes, the sign, the leading zeros. */
class NumberWrittenAsTextTest {
    private static String problem(String age) {
        ScriptedScreening screening = new ScriptedScreening(Bundled.questionnaire(), new TreeReader());
        String text = "{\"answers\": {\"age\": \"" + age + "\"}}";
        Verdict verdict = screening.screen("a.json", text.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.JSON);
        return ((Verdict.Refused) verdict).problems().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "45                  | write it without quotes, like age: 45",
        "' 45'               | write it without quotes and spaces, like age: 45",
        "+45                 | write it without the + sign, like age: 45",
        "045                 | write it without the leading zeros, like age: 45",
        "-045                | write it without the leading zeros, like age: -45",
        "00                  | write it without the leading zeros, like age: 0",
        "-0                  | write it as age: 0",
        "123456789012345678  | write it without quotes, like age: 123456789012345678"})
    void a_number_in_quotes_is_told_how_to_write_it(String age, String advice) {
        assertThat(problem(age)).endsWith("— " + advice);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1234567890123456789", "+-5", "-", "4 5", "٤٥", "45x", "0x2D"})
    void text_that_is_not_a_whole_number_gets_no_number_advice(String age) {
        assertThat(problem(age)).contains("age").doesNotContain("like age:").doesNotContain("write it as");
    }
}
