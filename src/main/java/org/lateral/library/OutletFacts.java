package org.lateral.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outlet version's facts as stored in {@code outlet_version.facts}: a jsonb array of
 * {@code {"fact", "source", "response", "response_source"}} (DD012).
 */
final class OutletFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutletFacts() {}

    static String toJson(List<OutletProfile.Fact> facts) {
        List<Map<String, @Nullable String>> rows = new ArrayList<>();
        for (OutletProfile.Fact f : facts) {
            Map<String, @Nullable String> row = new LinkedHashMap<>();
            row.put("fact", f.fact());
            row.put("source", f.source());
            row.put("response", f.response());
            row.put("response_source", f.responseSource());
            rows.add(row);
        }
        return JSON.writeValueAsString(rows);
    }

    static List<OutletProfile.Fact> fromJson(@Nullable String json) {
        if (json == null) {
            return List.of();
        }
        List<OutletProfile.Fact> facts = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json)) {
            facts.add(new OutletProfile.Fact(
                    f.path("fact").asString(),
                    f.path("source").asString(),
                    text(f.get("response")),
                    text(f.get("response_source"))));
        }
        return facts;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
