package dev.spinecheck.engine;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The entry set of a read-only map held in arrays: its entries are made one by one, by index, as they are met. Its
 * iterator cannot remove (nor can the set change), so the map stays as it was made.
 */
public final class IndexedEntries {
    private IndexedEntries() {}

    /** The {@code size} entries that {@code entryAt} makes, in the order of their index. */
    public static <K, V> Set<Map.Entry<K, V>> of(int size, IntFunction<Map.Entry<K, V>> entryAt) {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        return entryAt.apply(next++);
                    }
                };
            }
        };
    }
}
