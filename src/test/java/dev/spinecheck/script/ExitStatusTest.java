package dev.spinecheck.script;

import static dev.spinecheck.script.ExitStatus.INVALID_INPUT;
import static dev.spinecheck.script.ExitStatus.OK;
import static dev.spinecheck.script.ExitStatus.TESTS_FAILED;
import static dev.spinecheck.script.ExitStatus.UNREADABLE_INPUT;
import static dev.spinecheck.script.ExitStatus.combine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Several outcomes of one command combine by what they mean, whatever their order and their numbers. */
class ExitStatusTest {

    @Test
    void an_invalid_input_outweighs_an_unreadable_one_although_its_number_is_smaller() {
        assertThat(combine(INVALID_INPUT, UNREADABLE_INPUT)).isEqualTo(INVALID_INPUT);
        assertThat(combine(UNREADABLE_INPUT, INVALID_INPUT)).isEqualTo(INVALID_INPUT);
    }

    @Test
    void a_bad_input_outweighs_failing_author_tests_and_anything_outweighs_ok() {
        assertThat(combine(TESTS_FAILED, UNREADABLE_INPUT)).isEqualTo(UNREADABLE_INPUT);
        assertThat(combine(INVALID_INPUT, TESTS_FAILED)).isEqualTo(INVALID_INPUT);
        assertThat(combine(OK, TESTS_FAILED)).isEqualTo(TESTS_FAILED);
        assertThat(combine(UNREADABLE_INPUT, OK)).isEqualTo(UNREADABLE_INPUT);
        assertThat(combine(OK, OK)).isEqualTo(OK);
    }

    @Test
    void a_number_that_is_not_an_exit_status_is_a_bug() {
        assertThatThrownBy(() -> combine(OK, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
