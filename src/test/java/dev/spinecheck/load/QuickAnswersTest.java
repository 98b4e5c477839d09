package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomRecords;
import dev.spinecheck.support.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quick reading of a JSON Lines record is exactly the full one, or none at all. */
class QuickAnswersTest {
    private static final Questionnaire QUESTIONNAIRE = Bundled.questionnaire();
    private static final String[] TAILS = {"", "", "", "", "\n", "\r\n", " \n\n", "\t"};
    private final TreeReader reader = new TreeReader();

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_quick_reading_is_the_full_reading_with_the_same_answers_at_the_same_places(long seed) {
        int quick = 0;
        int tries = Seeds.triesPerSeed(8000);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            // Now and then with what ends a file of one record: its line break, white space.
            String record = RandomRecords.record(QUESTIONNAIRE, random, i) + TAILS[random.nextInt(TAILS.length)];
            byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
            int line = 1 + random.nextInt(5000);
            AnswerReader.Reading fast = QuickAnswers.read(bytes, QUESTIONNAIRE, "in.jsonl", line, "in.jsonl:" + line);
            if (fast == null) {
                continue;
            }
            quick++;
            AnswerReader.Reading full;
            try {
                full = AnswerReader.readAll(reader.read(bytes, "in.jsonl", TreeReader.Syntax.JSON, line), QUESTIONNAIRE, "in.jsonl:" + line);
            } catch (InvalidInputException e) {
                throw new AssertionError("seed " + seed + ", set " + i + ": read quickly, but the full reading refuses it: " + record, e);
            }
            assertThat(fast).as("seed %d, set %d: %s", seed, i, record).isEqualTo(full);
        }
        assertThat(quick).as("most records are read the quick way").isGreaterThan(tries / 2);
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_character_beyond_ascii_or_a_control_character_anywhere_is_left_to_the_full_reading(long seed) {
        String[] odd = {"\u00eb", "\u20ac", "\ud83d\ude00", "\u0000", "\u0001", "\u001f", "\r", "\n", "\u007f", "\u00a0"};
        int tries = Seeds.triesPerSeed(2000);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            String record = RandomRecords.record(QUESTIONNAIRE, random, i);
            int at = random.nextInt(record.length() + 1);
            String changed = record.substring(0, at) + odd[random.nextInt(odd.length)] + record.substring(at);
            byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
            AnswerReader.Reading fast = QuickAnswers.read(bytes, QUESTIONNAIRE, "in.jsonl", 7, "in.jsonl:7");
            if (fast == null) {
                continue;
            }
            // Only DEL is plain ASCII; any other odd character in the record is never read the quick way.
            assertThat(changed.chars().allMatch(c -> c >= 0x20 && c < 0x80 || c == '\t' || c == '\n' || c == '\r'))
                    .as("seed %d, set %d: read quickly: %s", seed, i, changed).isTrue();
            try {
                assertThat(fast).as("seed %d, set %d: %s", seed, i, changed)
                        .isEqualTo(AnswerReader.readAll(reader.read(bytes, "in.jsonl", TreeReader.Syntax.JSON, 7), QUESTIONNAIRE, "in.jsonl:7"));
            } catch (InvalidInputException e) {
                throw new AssertionError("seed " + seed + ", set " + i + ": read quickly, but the full reading refuses it: " + changed, e);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void a_raw_tab_inside_a_string_is_left_to_the_full_reading_which_refuses_it_but_a_tab_between_tokens_is_read() throws Exception {
        String inString = "{\"record\":\"a\tb\",\"answers\":{\"age\":40}}";
        assertThat(QuickAnswers.read(inString.getBytes(StandardCharsets.US_ASCII), QUESTIONNAIRE, "in.jsonl", 1, "in.jsonl:1")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(inString.getBytes(StandardCharsets.US_ASCII), "in.jsonl",
                TreeReader.Syntax.JSON, 1)).isInstanceOf(InvalidInputException.class);
        String inCode = "{\"answers\":{\"age\":40,\"spine_surgery\":\"none\t\"}}";
        assertThat(QuickAnswers.read(inCode.getBytes(StandardCharsets.US_ASCII), QUESTIONNAIRE, "in.jsonl", 1, "in.jsonl:1")).isNull();
        String between = "{\"answers\":\t{\"age\":\t40}}";
        AnswerReader.Reading quick = QuickAnswers.read(between.getBytes(StandardCharsets.US_ASCII), QUESTIONNAIRE, "in.jsonl", 1, "in.jsonl:1");
        assertThat(quick).isEqualTo(AnswerReader.readAll(reader.read(between.getBytes(StandardCharsets.US_ASCII), "in.jsonl",
                TreeReader.Syntax.JSON, 1), QUESTIONNAIRE, "in.jsonl:1"));
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_time_taken_as_plain_is_one_that_the_full_reading_parses(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String time = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61));
            boolean parses;
            try {
                java.time.OffsetDateTime.parse(time);
                parses = true;
            } catch (java.time.format.DateTimeParseException e) {
                parses = false;
            }
            assertThat(QuickAnswers.isPlainUtcTime(time)).as("seed %d: %s", seed, time).isEqualTo(parses);
        }
        assertThat(QuickAnswers.isPlainUtcTime("2024-02-29T23:59:59Z")).isTrue();
        assertThat(QuickAnswers.isPlainUtcTime("2023-02-29T00:00:00Z")).isFalse();
        assertThat(QuickAnswers.isPlainUtcTime("2026-11-22T10:15:00+01:00")).isFalse();
    }
}
