package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping counts display columns: wide (CJK) characters take two, combining marks none. */
class WrapTest {

    @Test
    void wide_characters_count_as_two_columns_and_never_overflow_the_width() {
        String text = "腰痛 首の痛み 背中の痛みが続いています 医師に相談してください 腰痛 首の痛み";
        List<String> lines = Wrap.lines(text, 20, "", "");
        assertThat(Wrap.columns("腰痛")).isEqualTo(4);
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(Wrap.columns(line)).isLessThanOrEqualTo(20));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    @Test
    void combining_marks_take_no_column() {
        assertThat(Wrap.columns("e\u0301")).isEqualTo(1);
    }

    @Test
    void an_emoji_is_two_columns_and_the_zero_width_joiner_none_as_jline_counts_them() {
        assertThat(Wrap.columns("\uD83D\uDE91")).as("ambulance").isEqualTo(2);
        assertThat(Wrap.columns("\u200D")).as("zero-width joiner").isZero();
        assertThat(Wrap.columns("a\u200Bb")).as("zero-width space").isEqualTo(2);
    }

    @Test
    void display_width_is_jlines_for_every_code_point() {
        for (int cp = 0x20; cp <= 0x10FFFF; cp++) {
            if (Character.isDefined(cp) && !Character.isSurrogate((char) Math.min(cp, 0xFFFF))) {
                int expected = Math.max(0, org.jline.utils.WCWidth.wcwidth(cp));
                int actual = Wrap.columns(new String(Character.toChars(cp)));
                if (actual != expected) {
                    assertThat(actual).as("U+%04X", cp).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void continuation_lines_are_indented() {
        assertThat(Wrap.lines("one two three four five", 10, "- ", "  ")).containsExactly("- one two", "  three", "  four", "  five");
    }
}
