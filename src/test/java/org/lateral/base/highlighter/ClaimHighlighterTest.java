package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.internal.JacksonUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.TextSpan;
import org.lateral.library.ClaimType;
import tools.jackson.databind.JsonNode;

/** The Java side of the highlighter: what a browser reports is checked before anyone hears of it. */
class ClaimHighlighterTest {

    private final ClaimHighlighter highlighter = new ClaimHighlighter();
    private final List<ClaimHighlighter.SelectionEvent> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        highlighter.setText("Headline\n\nA source told the paper.");
        highlighter.addSelectionListener(events::add);
    }

    @Test
    void the_text_reaches_the_browser_as_a_property_and_the_test_id_is_fixed() {
        assertThat(highlighter.getElement().getProperty("text")).isEqualTo("Headline\n\nA source told the paper.");
        assertThat(highlighter.getElement().getAttribute("data-testid")).isEqualTo("claim-highlighter");
    }

    @Test
    void a_selection_matching_the_text_is_passed_on_as_a_span() {
        highlighter.selectionChanged(10, 18, "A source");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.span()).contains(new TextSpan(10, 18, "A source"));
            assertThat(e.problem()).isEmpty();
        });
    }

    @Test
    void a_selection_whose_quote_differs_from_the_text_is_refused() {
        highlighter.selectionChanged(10, 18, "A sauce!");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.span()).isEmpty();
            assertThat(e.problem()).isPresent();
        });
    }

    @Test
    void a_selection_beyond_the_end_of_the_text_is_refused() {
        highlighter.selectionChanged(30, 99, "x");
        assertThat(events).singleElement().satisfies(e -> assertThat(e.span()).isEmpty());
    }

    // --- the wire: typed on the server, the same words in the browser -------------------------

    @Test
    void overlays_reach_the_browser_with_their_kinds_types_and_statuses_as_plain_words() {
        highlighter.setOverlays(List.of(
                ClaimHighlighter.Overlay.claim("c1", 0, 8, HighlighterClaimType.HEDGED, "c1 · hedged"),
                ClaimHighlighter.Overlay.claim(
                        "c2", 10, 18, HighlighterClaimType.ATTRIBUTED, "yours", ClaimStatus.MISLABELLED),
                ClaimHighlighter.Overlay.source("s1-0", 10, 18, "s1 · source"),
                ClaimHighlighter.Overlay.cue("cue-1", 2, 4)));

        Object wire = highlighter.getElement().getPropertyRaw("overlays");
        assertThat(wire).isEqualTo(JacksonUtils.getMapper().readTree("""
                [{"id":"c1","start":0,"end":8,"kind":"claim","type":"hedged","label":"c1 · hedged","status":null},
                 {"id":"c2","start":10,"end":18,"kind":"claim","type":"attributed","label":"yours","status":"mislabelled"},
                 {"id":"s1-0","start":10,"end":18,"kind":"source","type":null,"label":"s1 · source","status":null},
                 {"id":"cue-1","start":2,"end":4,"kind":"cue","type":null,"label":"","status":null}]"""));
    }

    @Test
    void every_save_status_reaches_the_browser_as_the_word_its_save_queue_compares_with() {
        assertThat((Object) JacksonUtils.getMapper().valueToTree(SaveResult.saved("m", 2)))
                .isEqualTo(JacksonUtils.readTree("{\"markId\":\"m\",\"seq\":2,\"status\":\"saved\",\"message\":\"\"}"));
        assertThat(Arrays.stream(SaveStatus.values())
                        .map(s -> JacksonUtils.getMapper()
                                .<JsonNode>valueToTree(s)
                                .asString()))
                .containsExactly("saved", "stale", "rejected", "busy");
        assertThat(highlighter.saveMark(null).status()).isEqualTo(SaveStatus.REJECTED);
    }

    @Test
    void the_highlighter_knows_every_claim_type_of_the_library_by_the_same_code() {
        assertThat(Arrays.stream(ClaimType.values())
                        .map(t -> HighlighterClaimType.of(t.code()).code()))
                .containsExactlyElementsOf(
                        Arrays.stream(ClaimType.values()).map(ClaimType::code).toList());
        assertThat(HighlighterClaimType.values()).hasSameSizeAs(ClaimType.values());
        Assertions.assertThatThrownBy(() -> HighlighterClaimType.of("gossip"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_palette_in_the_browser_lists_the_same_claim_types_in_the_same_order() throws IOException {
        String labels = Files.readString(Path.of("frontend", "claim-highlighter", "labels.js"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("CLAIM_TYPES = Object\\.freeze\\(\\[([^\\]]*)\\]\\)")
                .matcher(labels);
        assertThat(list.find()).as("CLAIM_TYPES in labels.js").isTrue();
        List<String> inBrowser = Pattern.compile("'([a-z]+)'")
                .matcher(list.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(inBrowser)
                .containsExactlyElementsOf(Arrays.stream(HighlighterClaimType.values())
                        .map(HighlighterClaimType::code)
                        .toList());
    }

    @Test
    void every_outbox_key_of_a_user_starts_with_the_prefix_that_sign_out_clears() {
        UUID submission = UUID.fromString("6f1c1c8e-8a55-4a59-9a2e-1f0c5d1f7b10");
        String key = OutboxKeys.forAttempt("student7", submission, 2);
        assertThat(key).isEqualTo("lateral-outbox:student7:6f1c1c8e-8a55-4a59-9a2e-1f0c5d1f7b10:2");
        assertThat(key).startsWith(OutboxKeys.prefixFor("student7"));
        assertThat(key)
                .as("a user whose name starts with another's keeps their outbox")
                .doesNotStartWith(OutboxKeys.prefixFor("student"));
    }
}
