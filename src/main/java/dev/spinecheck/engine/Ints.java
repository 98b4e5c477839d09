package dev.spinecheck.engine;

import java.util.List;

/**
 * Lists of ints as arrays, with a loop: these run at every start, where the first stream or method reference of a run
 * costs milliseconds (the JVM generates the code behind it).
 */
final class Ints {
    private Ints() {}

    static int[] of(List<Integer> list) {
        int[] ints = new int[list.size()];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = list.get(i);
        }
        return ints;
    }
}
