package dev.spinecheck.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys, ids and codes. */
public final class Suggest {
    private Suggest() {}

    /**
     * The known word nearest to the one given (edit distance, ignoring case), when it is near enough: at most a third of
     * the given word's length away, and at least 2. Of several equally near, the first.
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        String lower = given.toLowerCase(Locale.ROOT);
        // Only a word nearer than this can be the answer: at first, the farthest allowed plus one; then the best so far.
        int bound = Math.max(2, given.length() / 3) + 1;
        String best = null;
        for (String candidate : known) {
            String other = candidate.toLowerCase(Locale.ROOT);
            if (Math.abs(other.length() - lower.length()) >= bound) {
                continue;
            }
            int d = distance(lower, other, bound);
            if (d < bound) {
                bound = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " — did you mean 'x'?" or the fallback advice. */
    public static String didYouMean(String given, Collection<String> known, String otherwise) {
        Optional<String> closest = closest(given, known);
        return closest.isPresent() ? "did you mean '" + closest.get() + "'?" : otherwise;
    }

    /** The edit distance (Levenshtein) of two texts. */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE);
    }

    /**
     * The edit distance of two texts when it is below {@code bound}; otherwise some number at least {@code bound}
     * (the search stops once no cell of a row is below it: a row's smallest cell never shrinks in the next).
     */
    static int distance(String a, String b, int bound) {
        int n = b.length();
        int[] previous = new int[n + 1];
        int[] current = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            char c = a.charAt(i - 1);
            current[0] = i;
            int smallest = i;
            for (int j = 1; j <= n; j++) {
                int cost = c == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                current[j] = value;
                smallest = Math.min(smallest, value);
            }
            if (smallest >= bound) {
                return bound;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[n];
    }
}
