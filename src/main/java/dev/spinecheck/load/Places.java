package dev.spinecheck.load;

import dev.spinecheck.engine.IndexedEntries;
import java.util.AbstractMap;
import java.util.Set;

/**
 * Where each answer of one JSON Lines record was written, as the quick reading found them: the answers' ids in order
 * and their columns on the record's line. A {@link Location} is made only when one is asked for, which a valid record
 * seldom needs. Read-only, in the order the answers were written.
 */
final class Places extends AbstractMap<String, Location> {
    private final String file;
    private final int line;
    private final String[] ids;
    private final int[] columns;
    private final int size;

    /** @param ids and {@code columns} arrays that no one else holds or changes from now on */
    Places(String file, int line, String[] ids, int[] columns, int size) {
        this.file = file;
        this.line = line;
        this.ids = ids;
        this.columns = columns;
        this.size = size;
    }

    private int indexOf(Object id) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Location get(Object id) {
        int i = indexOf(id);
        return i < 0 ? null : new Location(file, line, columns[i]);
    }

    @Override
    public boolean containsKey(Object id) {
        return indexOf(id) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Location>> entrySet() {
        return new IndexedEntries<>(size) {
            @Override
            protected Entry<String, Location> entryAt(int i) {
                return new SimpleImmutableEntry<>(ids[i], new Location(file, line, columns[i]));
            }
        };
    }
}
