package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.engine.Question;
import dev.spinecheck.engine.Questionnaire;
import dev.spinecheck.support.Bundled;
import dev.spinecheck.support.RandomRecords;
import dev.spinecheck.support.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quick reading of a JSON Lines record is exactly the full one, or none at all. */
class QuickAnswersTest {
    private static final Questionnaire QUESTIONNAIRE = Bundled.questionnaire();
    private static final String[] TAILS = {"", "", "", "", "\n", "\r\n", " \n\n", "\t"};
    private final TreeReader reader = new TreeReader();

    /** What a reading gives: the reading, or the problems that refuse the record; null when the quick way leaves it. */
    private record Outcome(AnswerReader.Reading reading, List<Problem> refused) {}

    private static Outcome quick(byte[] bytes, int line) {
        try {
            AnswerReader.Reading reading = QuickAnswers.read(bytes, QUESTIONNAIRE, "in.jsonl", line, "in.jsonl:" + line);
            return reading == null ? null : new Outcome(reading, null);
        } catch (InvalidInputException e) {
            return new Outcome(null, e.problems());
        }
    }

    private Outcome full(byte[] bytes, int line) {
        try {
            return new Outcome(AnswerReader.readAll(reader.read(bytes, "in.jsonl", TreeReader.Syntax.JSON, line), QUESTIONNAIRE,
                    "in.jsonl:" + line), null);
        } catch (InvalidInputException e) {
            return new Outcome(null, e.problems());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_quick_reading_is_the_full_reading_with_the_same_answers_at_the_same_places_and_the_same_problems(long seed) {
        int quick = 0;
        int quickWithProblems = 0;
        int tries = Seeds.triesPerSeed(8000);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            // Now and then with what ends a file of one record: its line break, white space.
            String record = RandomRecords.record(QUESTIONNAIRE, random, i) + TAILS[random.nextInt(TAILS.length)];
            byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
            int line = 1 + random.nextInt(5000);
            Outcome fast = quick(bytes, line);
            if (fast == null) {
                continue;
            }
            quick++;
            if (fast.refused() != null || !fast.reading().problems().isEmpty()) {
                quickWithProblems++;
            }
            assertThat(fast).as("seed %d, set %d: %s", seed, i, record).isEqualTo(full(bytes, line));
        }
        assertThat(quick).as("most records are read the quick way").isGreaterThan(tries / 2);
        // 20-41 of 2,000 over a dozen seeds: a bound of 5 is far below what any seed gives.
        assertThat(quickWithProblems).as("and so are many faulty ones").isGreaterThan(tries / 400);
    }

    /** Values of every shape JSON has, most of them wrong for most questions. */
    private static String anyValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> "false";
            case 3 -> "\"\"";
            case 4 -> "\"  \"";
            case 5 -> Long.toString(random.nextInt(300) - 100);
            case 6 -> "\"" + (random.nextInt(300) - 100) + "\"";
            case 7 -> Long.toString(random.nextLong());
            case 8 -> "12345678901234567890";
            case 9 -> random.nextInt(100) + "." + random.nextInt(10);
            case 10 -> "\"" + "long text ".repeat(1 + random.nextInt(8)) + "\"";
            case 11 -> "{}";
            case 12 -> "[" + String.join(random.nextBoolean() ? "," : ", ",
                    java.util.stream.IntStream.range(0, random.nextInt(4)).mapToObj(k -> anyValue(random)).toList()) + "]";
            case 13 -> "[" + anyCode(random) + ", " + anyCode(random) + "]";
            case 14 -> "-0";
            default -> anyCode(random);
        };
    }

    /** A code of some question of the questionnaire, quoted (or, now and then, misspelt). */
    private static String anyCode(Random random) {
        var question = QUESTIONNAIRE.steps().get(random.nextInt(QUESTIONNAIRE.steps().size())).question();
        List<String> codes = question.codes();
        if (codes.isEmpty()) {
            return "\"none\"";
        }
        String code = codes.get(random.nextInt(codes.size()));
        return "\"" + (random.nextInt(5) == 0 ? code.substring(1) : code) + "\"";
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void an_answer_of_any_shape_to_any_question_known_or_not_is_read_quickly_as_the_full_way_reads_it_or_left_to_it(long seed) {
        int quick = 0;
        int tries = Seeds.triesPerSeed(6000);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            String record = RandomRecords.record(QUESTIONNAIRE, random, i);
            int answersAt = record.indexOf("\"answers\"");
            int open = record.indexOf('{', answersAt);
            if (answersAt < 0 || open < 0) {
                continue;
            }
            StringBuilder added = new StringBuilder();
            for (int k = random.nextInt(3); k >= 0; k--) {
                String id = QUESTIONNAIRE.steps().get(random.nextInt(QUESTIONNAIRE.steps().size())).question().id();
                String key = switch (random.nextInt(6)) {
                    case 0 -> id.substring(0, id.length() - 1);
                    case 1 -> id + "s";
                    case 2 -> "x" + random.nextInt(3);
                    case 3 -> "";
                    default -> id;
                };
                added.append('"').append(key).append("\":").append(random.nextBoolean() ? " " : "").append(anyValue(random)).append(", ");
            }
            String changed = record.substring(0, open + 1) + added + record.substring(open + 1);
            changed = changed.replace(", }", "}");
            byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
            Outcome fast = quick(bytes, 9);
            if (fast == null) {
                continue;
            }
            quick++;
            assertThat(fast).as("seed %d, set %d: %s", seed, i, changed).isEqualTo(full(bytes, 9));
        }
        // Many are left to the full way: a second answer to a question, a decimal, a list in a list, a mapping.
        assertThat(quick).as("many of them are read the quick way").isGreaterThan(tries / 8);
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_list_of_a_questions_own_codes_in_any_order_number_and_mix_is_read_quickly_as_the_full_way_reads_it(long seed) {
        List<Question> lists = QUESTIONNAIRE.steps().stream().map(Questionnaire.Step::question).filter(q -> q instanceof Question.Multi).toList();
        int tries = Seeds.triesPerSeed(4000);
        int quick = 0;
        int refused = 0;
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            Question question = lists.get(random.nextInt(lists.size()));
            List<String> codes = question.codes();
            List<String> chosen = new java.util.ArrayList<>();
            for (int k = random.nextInt(4); k >= 0; k--) {
                chosen.add("\"" + codes.get(random.nextInt(codes.size())) + "\"");
            }
            String record = "{\"answers\": {\"age\": 40, \"" + question.id() + "\": [" + String.join(random.nextBoolean() ? "," : ", ", chosen) + "]}}";
            byte[] bytes = record.getBytes(StandardCharsets.US_ASCII);
            Outcome fast = quick(bytes, 2);
            if (fast == null) {
                continue;
            }
            quick++;
            if (fast.reading() != null && !fast.reading().problems().isEmpty()) {
                refused++;
            }
            assertThat(fast).as("seed %d, set %d: %s", seed, i, record).isEqualTo(full(bytes, 2));
        }
        assertThat(quick).as("most are read the quick way").isGreaterThan(tries / 2);
        assertThat(refused).as("some of them with an exclusive code among others, worded").isGreaterThan(0);
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void a_record_cut_short_anywhere_is_refused_quickly_as_the_full_way_refuses_it_or_left_to_it(long seed) {
        String[] tails = {"", "", "", " ", "\t", "  \t", "\r", "\n", " \r\n"};
        int quick = 0;
        int tries = Seeds.triesPerSeed(3000);
        for (int i = 0; i < tries; i++) {
            Random random = new Seeds.Try(seed, i).random();
            String record = RandomRecords.record(QUESTIONNAIRE, random, i);
            String cut = record.substring(0, random.nextInt(record.length() + 1)) + tails[random.nextInt(tails.length)];
            byte[] bytes = cut.getBytes(StandardCharsets.UTF_8);
            int line = 1 + random.nextInt(100);
            Outcome fast = quick(bytes, line);
            if (fast == null) {
                continue;
            }
            quick++;
            assertThat(fast).as("seed %d, set %d: %s", seed, i, cut).isEqualTo(full(bytes, line));
        }
        // About 38% are (262-296 of 750 over a dozen seeds): a quarter keeps the check on the quick way being taken
        // without failing on an unlucky clock seed (a third did, once: 248).
        assertThat(quick).as("many of them are read the quick way").isGreaterThan(tries / 4);
    }

    @org.junit.jupiter.api.Test
    void the_faults_of_a_research_batch_are_worded_by_the_quick_reading_as_the_full_way_words_them() {
        String[] faulty = {
            "{\"answers\": {\"age\": 45, \"trend\": \"maybe\"}}",
            "{\"answers\": {\"age\": 45, \"nigth_pain\": \"no\"}}",
            "{\"answers\": {\"age\": \"45\"}}",
            "{\"answers\": {\"age\": 130, \"fever\": null, \"pain_region\": []}}",
        };
        for (String record : faulty) {
            byte[] bytes = record.getBytes(StandardCharsets.US_ASCII);
            Outcome fast = quick(bytes, 3);
            assertThat(fast).as(record).isNotNull();
            assertThat(fast.reading().problems()).as(record).isNotEmpty();
            assertThat(fast).as(record).isEqualTo(full(bytes, 3));
        }
        byte[] cut = "{\"answers\": {\"age\": 45, \"tre".getBytes(StandardCharsets.US_ASCII);
        assertThat(quick(cut, 3).refused()).extracting(Problem::toString)
                .containsExactly("in.jsonl:3:29: " + TreeReader.JSON_ENDS_EARLY);
        assertThat(quick(cut, 3)).isEqualTo(full(cut, 3));
    }

    @org.junit.jupiter.api.Test
    void a_cut_token_a_line_break_or_a_tab_after_the_cut_or_a_blank_record_is_left_to_the_full_reading() {
        for (String record : new String[] {"{\"answers\": {\"fever\": tr", "{\"answers\": {\"age\": -", "{\"answers\": {\"age\": 4\r",
                "{\"answers\": {\"age\": 4\n", "{\"answers\": {\"trend\": \"be\t", "", " \t\r\n"}) {
            assertThat(quick(record.getBytes(StandardCharsets.US_ASCII), 3)).as(record).isNull();
        }
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
            Outcome fast = quick(bytes, 7);
            if (fast == null) {
                continue;
            }
            // Only DEL is plain ASCII; any other odd character in the record is never read the quick way.
            assertThat(changed.chars().allMatch(c -> c >= 0x20 && c < 0x80 || c == '\t' || c == '\n' || c == '\r'))
                    .as("seed %d, set %d: read quickly: %s", seed, i, changed).isTrue();
            assertThat(fast).as("seed %d, set %d: %s", seed, i, changed).isEqualTo(full(bytes, 7));
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

    @Test
    void the_last_days_of_every_month_are_real_as_the_calendar_says_in_leap_and_century_years() {
        for (int year : new int[] {0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2025, 2100, 2400, 9996, 9999}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 27; day <= 32; day++) {
                    String time = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT12:00:00Z", year, month, day);
                    boolean parses;
                    try {
                        java.time.OffsetDateTime.parse(time);
                        parses = true;
                    } catch (java.time.format.DateTimeParseException e) {
                        parses = false;
                    }
                    assertThat(QuickAnswers.isPlainUtcTime(time)).as(time).isEqualTo(parses);
                }
            }
        }
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
