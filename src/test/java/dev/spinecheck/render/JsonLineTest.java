package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/**
 * {@link JsonLine} writes exactly what the program's Jackson generator writes: as characters to a writer, and as bytes
 * what Java's UTF-8 writer makes of those characters.
 */
class JsonLineTest {

    private static String jackson(Consumer<JsonGenerator> writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            writing.accept(g);
        }
        return text.toString();
    }

    /** What {@code OutputStreamWriter} writes for the text (an unpaired surrogate as {@code ?}). */
    static byte[] utf8(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Written as characters (and checked as bytes too, against the characters written the plain way). */
    private static String ours(Consumer<JsonLine> writing) {
        StringWriter text = new StringWriter();
        JsonLine line = new JsonLine(16, true);
        writing.accept(line);
        line.writeTo(text);
        JsonLine bytes = new JsonLine(16, false);
        writing.accept(bytes);
        assertThat(Arrays.copyOf(bytes.bytes(), bytes.length())).isEqualTo(utf8(text.toString()));
        return text.toString();
    }

    @Test
    void every_character_is_escaped_as_jackson_escapes_it() {
        for (int c = 0; c < 0x10000; c++) {
            String one = "a" + (char) c + "b";
            assertThat(ours(g -> g.string(one))).as("U+%04X", c).isEqualTo(jackson(g -> g.writeString(one)));
            assertThat(ours(g -> {
                g.startObject();
                g.name(one);
                g.string("");
                g.endObject();
            })).as("U+%04X in a name", c).isEqualTo(jackson(g -> {
                g.writeStartObject();
                g.writeName(one);
                g.writeString("");
                g.writeEndObject();
            }));
        }
    }

    @Test
    void random_strings_long_and_short_with_surrogates_and_escapes() {
        Random random = new Random(11);
        char[] odd = {'"', '\\', '\n', '\t', '\u0000', '\u001f', '/', '\u007f', '\u00e9', '\u2028', '\ud83d', '\ude00', '<', '&'};
        for (int round = 0; round < 3000; round++) {
            int length = random.nextInt(round % 100 == 0 ? 20_000 : 60);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? odd[random.nextInt(odd.length)] : (char) (' ' + random.nextInt(95)));
            }
            String value = text.toString();
            assertThat(ours(g -> g.string(value))).isEqualTo(jackson(g -> g.writeString(value)));
        }
    }

    @Test
    void objects_arrays_numbers_booleans_nulls_and_raw_values() {
        String expected = jackson(g -> {
            g.writeStartObject();
            g.writeStringProperty("a", "x");
            g.writeName("empty");
            g.writeStartObject();
            g.writeEndObject();
            g.writeName("list");
            g.writeStartArray();
            g.writeNumber(Long.MIN_VALUE);
            g.writeNumber(0L);
            g.writeStartArray();
            g.writeEndArray();
            g.writeStartObject();
            g.writeBooleanProperty("t", true);
            g.writeNumberProperty("n", -7);
            g.writeEndObject();
            g.writeString((String) null);
            g.writeRawValue("{\"raw\":[1,2]}");
            g.writeBoolean(false);
            g.writeEndArray();
            g.writeStringProperty("none", null);
            g.writeName("raw");
            g.writeRawValue("3");
            g.writeEndObject();
        });
        String written = ours(g -> {
            g.startObject();
            g.stringProperty("a", "x");
            g.name("empty");
            g.startObject();
            g.endObject();
            g.name("list");
            g.startArray();
            g.number(Long.MIN_VALUE);
            g.number(0L);
            g.startArray();
            g.endArray();
            g.startObject();
            g.booleanProperty("t", true);
            g.numberProperty("n", -7);
            g.endObject();
            g.string(null);
            g.raw("{\"raw\":[1,2]}");
            g.bool(false);
            g.endArray();
            g.stringProperty("none", null);
            g.name("raw");
            g.raw("3");
            g.endObject();
        });
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void json_kept_and_written_again_is_the_json_written_the_plain_way() {
        Random random = new Random(12);
        char[] odd = {'"', '\\', '\n', '\u0001', '\u00e9', '\u2014', '\ud83d', '\ude00', 'x', ' '};
        for (int round = 0; round < 2000; round++) {
            String[] texts = new String[4];
            for (int t = 0; t < texts.length; t++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    text.append(random.nextBoolean() ? odd[random.nextInt(odd.length)] : (char) ('a' + random.nextInt(26)));
                }
                texts[t] = text.toString();
            }
            long number = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(20);
            for (boolean forChars : new boolean[] {true, false}) {
                JsonLine plain = new JsonLine(8, forChars);
                plain.startObject();
                plain.stringProperty(texts[0], texts[1]);
                plain.stringProperty(texts[2], texts[1] + " " + texts[3]);
                plain.name("n");
                plain.startArray();
                plain.number(number);
                plain.string(texts[3]);
                plain.endArray();
                plain.endObject();
                plain.endLine();

                JsonLine kept = new JsonLine(8, forChars);
                kept.startObject();
                int start = kept.length();
                kept.encodedName(kept.encoded(texts[0]));
                kept.raw(kept.encoded(texts[1]));
                byte[] properties = kept.since(start);
                kept.clear();
                kept.startObject();
                kept.properties(properties);
                kept.encodedName(kept.encoded(texts[2]));
                kept.joined(kept.encoded(texts[1]), kept.encoded(texts[3]));
                kept.name(("\"n\":").getBytes(StandardCharsets.US_ASCII));
                kept.startArray();
                kept.number(number);
                kept.raw(kept.encoded(texts[3]));
                kept.endArray();
                kept.endObject();
                kept.endLine();

                assertThat(Arrays.copyOf(kept.bytes(), kept.length())).as("%s", Arrays.asList(texts))
                        .isEqualTo(Arrays.copyOf(plain.bytes(), plain.length()));
            }
        }
    }

    @Test
    void lines_after_lines_in_one_buffer_are_each_as_written_alone() {
        JsonLine line = new JsonLine(4, false);
        for (int i = 0; i < 3; i++) {
            line.startObject();
            line.numberProperty("i", i);
            line.endObject();
            line.endLine();
        }
        assertThat(new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8)).isEqualTo("{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n");
    }
}
