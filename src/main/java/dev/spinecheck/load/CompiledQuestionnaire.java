package dev.spinecheck.load;

import dev.spinecheck.engine.Questionnaire;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * A bundled questionnaire compiled at build time ({@link QuestionnaireCompiler}) into Java code that builds it through
 * the model's constructors: it loads in a few milliseconds, without the YAML reader. It is used only for the YAML text
 * it was compiled from, so a stale one never is; then the YAML is read as ever. The YAML is recognised by its length
 * and CRC-32: this guards against a stale build, not an attacker, and a SHA-256 would add some 30 ms to every start
 * for the security providers it loads.
 */
public interface CompiledQuestionnaire {

    /** The {@link #fingerprint} of the YAML text this was compiled from. */
    String yamlFingerprint();

    /**
     * The questionnaire, with {@code fill} applied to each text that holds a placeholder as it is built: the same as
     * {@code Texts.map(questionnaire(identity), fill)} for a {@code fill} that changes placeholders only (a test checks).
     */
    Questionnaire questionnaire(UnaryOperator<String> fill);

    /**
     * The compiled form of the bundled questionnaire {@code name}, with {@code fill} applied to its placeholders, when it
     * was compiled from exactly {@code yaml}.
     */
    static Optional<Questionnaire> of(String name, byte[] yaml, UnaryOperator<String> fill) {
        return of(name, fingerprint(yaml), fill);
    }

    /** As {@link #of(String, byte[], UnaryOperator)}, for the YAML text of this {@link #fingerprint}. */
    static Optional<Questionnaire> of(String name, String yamlFingerprint, UnaryOperator<String> fill) {
        CompiledQuestionnaire compiled;
        try {
            compiled = (CompiledQuestionnaire) Class.forName(className(name)).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
        return compiled.yamlFingerprint().equals(yamlFingerprint) ? Optional.of(compiled.questionnaire(fill)) : Optional.empty();
    }

    /** "spine-screening" is compiled to {@code dev.spinecheck.load.CompiledSpineScreening}. */
    static String className(String name) {
        // Each run of letters and digits, capitalised (a loop, not split(): compiling its pattern costs start-up time).
        StringBuilder simple = new StringBuilder("Compiled");
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (letterOrDigit) {
                simple.append(start ? Character.toUpperCase(c) : c);
            }
            start = !letterOrDigit;
        }
        return CompiledQuestionnaire.class.getPackageName() + "." + simple;
    }

    /** The length and CRC-32 of a text: "46607 bytes, CRC-32 1a2b3c4d". */
    static String fingerprint(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return fingerprint(bytes.length, crc.getValue());
    }

    static String fingerprint(long length, long crc32) {
        return length + " bytes, CRC-32 " + Long.toHexString(crc32);
    }

    // The compiled code builds its collections with these, in the order the YAML reader gave them.

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    @SafeVarargs
    static <T> Set<T> set(T... items) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(items)));
    }

    @SafeVarargs
    static <K, V> Map<K, V> map(Map.Entry<K, V>... entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    static <K, V> Map.Entry<K, V> entry(K key, V value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }
}
