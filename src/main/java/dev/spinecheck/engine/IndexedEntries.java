package dev.spinecheck.engine;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entry set of a read-only map held in arrays: its entries are made one by one, by index, as they are met. Its
 * iterator cannot remove (nor can the set change), so the map stays as it was made.
 *
 * <p>A class to extend, not a factory taking a lambda: the batch makes one of these for most records, and the quick
 * compiler makes a capturing lambda through a slow method-handle call each time.
 */
public abstract class IndexedEntries<K, V> extends AbstractSet<Map.Entry<K, V>> {
    private final int size;

    /** The set of the {@code size} entries that {@link #entryAt} makes, in the order of their index. */
    protected IndexedEntries(int size) {
        this.size = size;
    }

    /** The entry at this index, from 0 up to the size. */
    protected abstract Map.Entry<K, V> entryAt(int index);

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final Iterator<Map.Entry<K, V>> iterator() {
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
                return entryAt(next++);
            }
        };
    }
}
