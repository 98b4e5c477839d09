package dev.spinecheck.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** {@link JsonLine} writes exactly what the program's Jackson generator writes. */
class JsonLineTest {

    private static String jackson(Consumer<JsonGenerator> writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JsonOutput.generator(text)) {
            writing.accept(g);
        }
        return text.toString();
    }

    private static String ours(Consumer<JsonLine> writing) {
        StringWriter text = new StringWriter();
        JsonLine line = new JsonLine(text);
        writing.accept(line);
        line.flush();
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
}
