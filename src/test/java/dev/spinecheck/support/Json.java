package dev.spinecheck.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading the program's JSON output in tests. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    public static List<JsonNode> lines(String jsonLines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(parse(line));
            }
        }
        return nodes;
    }

    public static List<String> flagIds(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("flags").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }
}
