package dev.spinecheck.support;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * The seeds of the property tests: a few fixed ones, replayed on every run, and one taken from the clock, new on each
 * run. A failure names its seed and the index of the answer set ({@link Try}); {@code -Dspinecheck.seed=N} replaces
 * the clock seed with N, to replay it.
 */
public final class Seeds {
    /** How many seeds {@link #seeds()} gives: a property of N tries runs N / COUNT tries per seed. */
    public static final int COUNT = 4;

    private Seeds() {}

    /** For {@code @MethodSource("dev.spinecheck.support.Seeds#seeds")}. */
    public static LongStream seeds() {
        String fixed = System.getProperty("spinecheck.seed");
        long clock = fixed == null || fixed.isBlank() ? System.currentTimeMillis() : Long.parseLong(fixed.strip());
        return LongStream.of(20261122L, 42L, 7_340_033L, clock);
    }

    /** The tries of one seed: {@code total} tries over all seeds. */
    public static int triesPerSeed(int total) {
        return total / COUNT;
    }

    /** One answer set of a property: its seed and index, and a random source of its own. */
    public record Try(long seed, int index) {
        /** The random source of this try alone, so that it can be made again from its seed and index. */
        public Random random() {
            return new Random(seed * 0x9E3779B97F4A7C15L + index);
        }

        @Override
        public String toString() {
            return "seed " + seed + ", set " + index;
        }
    }
}
