package org.lateral.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlainTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void text_loses_its_nul_characters_and_nothing_else() {
        assertThat(PlainText.storable("a\u0000b\u0000")).isEqualTo("ab");
        assertThat(PlainText.storable("\u202e<b>\ud800 ")).isEqualTo("\u202e<b>\ud800 ");
    }

    @Test
    void json_loses_escaped_nuls_but_keeps_a_typed_backslash_u_0000() {
        Map<String, Object> value = Map.of(
                "nul", "a\u0000b",
                "typed", "a\\u0000b",
                "both", "\\\u0000",
                "list", List.of("\u0000"));
        String json = PlainText.storableJson(JSON.writeValueAsString(value));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = JSON.readValue(json, Map.class);
        assertThat(back)
                .containsEntry("nul", "ab")
                .containsEntry("typed", "a\\u0000b")
                .containsEntry("both", "\\")
                .containsEntry("list", List.of(""));
    }
}
