package dev.spinecheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinecheck.support.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "Did you mean": the nearest known word, near enough, the first of equals — the same as the whole table would say. */
class SuggestTest {
    /** The definition, cell by cell: every candidate's whole distance, the first smallest, if near enough. */
    private static Optional<String> closestByTheWholeTable(String given, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String a = given.toLowerCase(Locale.ROOT);
            String b = candidate.toLowerCase(Locale.ROOT);
            int[][] table = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                for (int j = 0; j <= b.length(); j++) {
                    table[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1),
                            table[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                }
            }
            if (table[a.length()][b.length()] < bestDistance) {
                bestDistance = table[a.length()][b.length()];
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static String word(Random random) {
        String letters = "abcdeAB_İı";
        StringBuilder word = new StringBuilder();
        for (int i = random.nextInt(14); i > 0; i--) {
            word.append(letters.charAt(random.nextInt(random.nextBoolean() ? 3 : letters.length())));
        }
        return word.toString();
    }

    @ParameterizedTest
    @MethodSource("dev.spinecheck.support.Seeds#seeds")
    void the_suggestion_is_the_one_the_whole_table_gives(long seed) {
        for (int i = 0; i < Seeds.triesPerSeed(20_000); i++) {
            Random random = new Seeds.Try(seed, i).random();
            String given = word(random);
            List<String> known = new ArrayList<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                // Near the given word as often as not: a letter changed, added or dropped.
                known.add(random.nextBoolean() ? word(random) : given.substring(0, random.nextInt(given.length() + 1))
                        + "xa".substring(random.nextInt(3) / 2) + given.substring(random.nextInt(given.length() + 1)));
            }
            assertThat(Suggest.closest(given, known)).as("seed %d, try %d: %s among %s", seed, i, given, known)
                    .isEqualTo(closestByTheWholeTable(given, known));
        }
    }

    @Test
    void a_misspelt_id_gets_the_nearest_and_a_far_one_nothing() {
        List<String> ids = List.of("saddle_numbness", "bladder_change", "bowel_change", "both_legs");
        assertThat(Suggest.closest("bladder_chnage", ids)).contains("bladder_change");
        assertThat(Suggest.closest("BOWEL_CHANGE", ids)).contains("bowel_change");
        assertThat(Suggest.closest("fever", ids)).isEmpty();
        // Two edits are allowed in a short word, and of two as near, the first is named.
        assertThat(Suggest.closest("ab", List.of("xyz", "xy"))).contains("xy");
        assertThat(Suggest.closest("abc", List.of("abxyz", "axc", "abd"))).contains("axc");
    }

    @Test
    void the_distance_is_the_number_of_edits() {
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("abc", "abc")).isZero();
        assertThat(Suggest.distance("kitten", "sitting", 2)).isGreaterThanOrEqualTo(2);
        assertThat(Suggest.distance("kitten", "sitting", 4)).isEqualTo(3);
    }
}
