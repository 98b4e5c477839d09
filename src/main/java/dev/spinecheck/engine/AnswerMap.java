package dev.spinecheck.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers by question id, made by the walk once and never changed: in the order built, unmodifiable as an
 * unmodifiable map is, and held by no one who could change it, so that a {@link FiredFlag} takes it without a copy.
 * Small (the answers one condition reads), so a look-up scans the entries.
 */
final class AnswerMap extends AbstractMap<String, Answer> {
    @SuppressWarnings("unchecked")
    private static final AnswerMap EMPTY = new AnswerMap(new Map.Entry[0]);

    private final Map.Entry<String, Answer>[] entries;

    private AnswerMap(Map.Entry<String, Answer>[] entries) {
        this.entries = entries;
    }

    /** The given answers at these slots, in this order: slots without an answer are left out. */
    @SuppressWarnings("unchecked")
    static AnswerMap at(int[] slots, int count, Facts facts) {
        int size = 0;
        for (int i = 0; i < count; i++) {
            if (facts.givenAt(slots[i]) != null) {
                size++;
            }
        }
        if (size == 0) {
            return EMPTY;
        }
        Map.Entry<String, Answer>[] entries = new Map.Entry[size];
        int at = 0;
        for (int i = 0; i < count; i++) {
            Answer answer = facts.givenAt(slots[i]);
            if (answer != null) {
                entries[at++] = Map.entry(facts.idAt(slots[i]), answer);
            }
        }
        return new AnswerMap(entries);
    }

    /** A map as a {@link FiredFlag} keeps it: this one as it is, any other copied into an unmodifiable one. */
    static Map<String, Answer> fixed(Map<String, Answer> answers) {
        return answers instanceof AnswerMap ? answers : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public boolean isEmpty() {
        return entries.length == 0;
    }

    @Override
    public Answer get(Object key) {
        Map.Entry<String, Answer> entry = find(key);
        return entry == null ? null : entry.getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) != null;
    }

    private Map.Entry<String, Answer> find(Object key) {
        for (Map.Entry<String, Answer> entry : entries) {
            if (entry.getKey() == key) {
                return entry;
            }
        }
        if (key != null) {
            for (Map.Entry<String, Answer> entry : entries) {
                if (entry.getKey().equals(key)) {
                    return entry;
                }
            }
        }
        return null;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Answer> action) {
        for (Map.Entry<String, Answer> entry : entries) {
            action.accept(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public Set<Map.Entry<String, Answer>> entrySet() {
        return new IndexedEntries<>(entries.length) {
            @Override
            protected Map.Entry<String, Answer> entryAt(int i) {
                return entries[i];
            }
        };
    }

    // Every change is refused, as an unmodifiable map refuses it, even one that would change nothing.

    @Override
    public Answer put(String key, Answer value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends Answer> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Answer, ? extends Answer> function) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer putIfAbsent(String key, Answer value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(String key, Answer oldValue, Answer newValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer replace(String key, Answer value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer computeIfAbsent(String key, Function<? super String, ? extends Answer> mappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer computeIfPresent(String key, BiFunction<? super String, ? super Answer, ? extends Answer> remapping) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer compute(String key, BiFunction<? super String, ? super Answer, ? extends Answer> remapping) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Answer merge(String key, Answer value, BiFunction<? super Answer, ? super Answer, ? extends Answer> remapping) {
        throw new UnsupportedOperationException();
    }
}
