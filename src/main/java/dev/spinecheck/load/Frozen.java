package dev.spinecheck.load;

import dev.spinecheck.engine.AnswersByPosition;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A map in insertion order that no one can change: made here from a map that only its maker held, so that an
 * {@link AnswerFile} can keep it (or a {@link Places}) without the copy it makes of any other map. Read-only in every
 * way.
 */
final class Frozen<K, V> extends AbstractMap<K, V> {
    private static final Frozen<?, ?> EMPTY = new Frozen<>(new LinkedHashMap<>());

    private final LinkedHashMap<K, V> map;

    /** @param map a map that no one else holds or changes from now on */
    Frozen(LinkedHashMap<K, V> map) {
        this.map = map;
    }

    /** The map as it is kept: itself when frozen already, else an unchangeable copy. */
    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<K, V> map) {
        if (map.isEmpty()) {
            return (Map<K, V>) EMPTY;
        }
        return map instanceof Frozen<K, V> || map instanceof Places || map instanceof AnswersByPosition ? map : new Frozen<>(new LinkedHashMap<>(map));
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public java.util.Collection<V> values() {
        return Collections.unmodifiableCollection(map.values());
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }
}
