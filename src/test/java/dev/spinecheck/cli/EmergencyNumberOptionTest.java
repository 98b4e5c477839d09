package dev.spinecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An emergency number is digits, spaces, + and - only, with at least one digit. */
class EmergencyNumberOptionTest {
    private static final Pattern NUMBER = Pattern.compile("[0-9+\\- ]*[0-9][0-9+\\- ]*");

    @Test
    void a_number_is_what_the_pattern_of_digits_spaces_plus_and_minus_matches() {
        Random random = new Random(20261202);
        String alphabet = "0123456789+- a#.()\t٣";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(8);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(EmergencyNumberOption.isNumber(value.toString())).as("'%s'", value).isEqualTo(NUMBER.matcher(value).matches());
        }
        assertThat(EmergencyNumberOption.isNumber("112")).isTrue();
        assertThat(EmergencyNumberOption.isNumber("+44 20 7946 0000")).isTrue();
        assertThat(EmergencyNumberOption.isNumber("+- ")).isFalse();
        assertThat(EmergencyNumberOption.isNumber("")).isFalse();
        assertThat(EmergencyNumberOption.isNumber(null)).isFalse();
    }
}
