package dev.spinecheck.render;

/**
 * The JSON of the texts a batch writes over and over (the questionnaire's titles, reasons, headlines, codes), by the
 * text: found by the very string at once, and by an equal one too. Bounded: once full, no more texts are kept (a
 * questionnaire has a few hundred, and a batch meets them all in its first records). For one thread.
 */
final class TextCache {
    private final String[] texts;
    private final int[] hashes;
    private final byte[][] json;
    private final int mask;
    private int room;
    private int roomInBytes;
    /** Where the last text not found would go. */
    private int free;

    /**
     * @param capacity a power of two (0: nothing is kept), of which three quarters are used (the rest ends every search)
     * @param bytes how much JSON may be kept in all
     */
    TextCache(int capacity, int bytes) {
        texts = new String[capacity];
        hashes = new int[capacity];
        json = new byte[capacity][];
        mask = capacity - 1;
        room = capacity - capacity / 4;
        roomInBytes = bytes;
    }

    /** The JSON kept for this text, or null (then {@link #keep} may keep it). */
    byte[] get(String text) {
        if (mask < 0) {
            return null;
        }
        int hash = text.hashCode();
        int i = (hash ^ hash >>> 16) & mask;
        // Mostly the very string kept, at the first place looked at: the rest is out of line, to keep this small.
        if (texts[i] == text) {
            return json[i];
        }
        return search(text, hash, i);
    }

    private byte[] search(String text, int hash, int from) {
        int i = from;
        String found;
        while ((found = texts[i]) != null) {
            if (found == text || hashes[i] == hash && found.equals(text)) {
                return json[i];
            }
            i = (i + 1) & mask;
        }
        free = i;
        return null;
    }

    /** Keeps the JSON of the text {@link #get} did not find just before, if there is room. */
    void keep(String text, byte[] value) {
        if (room <= 0 || value.length > roomInBytes) {
            return;
        }
        texts[free] = text;
        hashes[free] = text.hashCode();
        json[free] = value;
        room--;
        roomInBytes -= value.length;
    }
}
