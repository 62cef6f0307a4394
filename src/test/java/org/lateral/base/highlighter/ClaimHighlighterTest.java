package org.lateral.base.highlighter;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.base.TextSpan;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.mockito.Mockito;
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

    // --- "Who says so?": the sources mode ------------------------------------------------------

    private static final UUID SOURCE = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID MENTION = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID LINK = UUID.fromString("00000000-0000-4000-8000-000000000003");

    /** Records what reaches it and answers saved. */
    private static final class RecordingSaver implements SourceWorkSaver {
        final List<Object> calls = new ArrayList<>();

        @Override
        public SaveResult saveSource(SourceState state) {
            calls.add(state);
            return SaveResult.saved(state.sourceId().toString(), state.seq());
        }

        @Override
        public SaveResult saveMention(MentionState state) {
            calls.add(state);
            return SaveResult.saved(state.mentionId().toString(), state.seq());
        }

        @Override
        public SaveResult saveLink(LinkState state) {
            calls.add(state);
            return SaveResult.saved(state.linkId().toString(), state.seq());
        }
    }

    private final RecordingSaver saver = new RecordingSaver();
    private final SourceWorkSnapshot saved = new SourceWorkSnapshot(
            List.of(new SavedSource(
                    SOURCE.toString(),
                    2,
                    "A source",
                    "anonymous",
                    "relayed",
                    "The paper",
                    List.of(new SavedMention(MENTION.toString(), 1, SOURCE.toString(), 10, 18, "A source")))),
            List.of(new SavedLink(LINK.toString(), 1, "c01", SOURCE.toString())));

    private void startSources(Supplier<SourceWorkSnapshot> refresh) {
        highlighter.startSourceWork(
                new int[] {0, 8, 10, 11, 12, 18},
                new int[] {0, 8, 10, 34},
                List.of(LinkableClaim.numbered("c01", 10, 34)),
                saved.sources(),
                saved.links(),
                List.of("The paper"),
                "lateral-outbox:student7:s:1",
                saver,
                refresh);
    }

    @AfterEach
    void noSession() {
        VaadinSession.setCurrent(null);
        CallBudget.time = io.github.bucket4j.TimeMeter.SYSTEM_MILLISECONDS;
    }

    /** A clock for the call budget that does not move: what is spent stays spent during the test. */
    static final io.github.bucket4j.TimeMeter STILL = new io.github.bucket4j.TimeMeter() {
        private final long now = System.nanoTime();

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void the_sources_mode_sends_claims_work_and_outlets_and_turns_the_tools_on() {
        startSources(() -> saved);

        assertThat(highlighter.getElement().getProperty("mode")).isEqualTo("sources");
        assertThat(highlighter.getElement().getProperty("markable", false)).isTrue();
        assertThat(highlighter.getElement().getProperty("readonly", true)).isFalse();
        assertThat(highlighter.getElement().getProperty("outboxKey")).isEqualTo("lateral-outbox:student7:s:1");
        assertThat(highlighter.getElement().getPropertyRaw("claims"))
                .isEqualTo(JacksonUtils.getMapper()
                        .readTree("[{\"ref\":\"c01\",\"start\":10,\"end\":34,\"label\":\"\"}]"));
        assertThat(highlighter.getElement().getPropertyRaw("outlets"))
                .isEqualTo(JacksonUtils.getMapper().readTree("[\"The paper\"]"));
        assertThat(highlighter.getElement().getPropertyRaw("sourceWork"))
                .isEqualTo(JacksonUtils.readTree("""
                {"sources":[{"sourceId":"%1$s","seq":2,"name":"A source","kind":"anonymous","origin":"relayed",
                  "relayedFrom":"The paper","mentions":[{"mentionId":"%2$s","seq":1,"sourceId":"%1$s","start":10,
                  "end":18,"exact":"A source"}]}],
                 "links":[{"linkId":"%3$s","seq":1,"claimRef":"c01","sourceId":"%1$s"}]}""".formatted(SOURCE, MENTION, LINK)));
    }

    @Test
    void the_sources_callables_route_each_item_to_the_saver() {
        startSources(() -> saved);
        SourceState source = new SourceState(SOURCE, 3, "A source", "anonymous", "first-hand", null, false);
        MentionState mention = new MentionState(MENTION, 2, SOURCE, 10, 18, "A source", "\n\n", " told", false);
        LinkState link = new LinkState(LINK, 2, "c01", null, false);

        assertThat(highlighter.saveSource(source)).isEqualTo(SaveResult.saved(SOURCE.toString(), 3));
        assertThat(highlighter.saveMention(mention)).isEqualTo(SaveResult.saved(MENTION.toString(), 2));
        assertThat(highlighter.saveLink(link)).isEqualTo(SaveResult.saved(LINK.toString(), 2));
        assertThat(saver.calls).containsExactly(source, mention, link);
        assertThat(highlighter.refreshSourceWork()).isEqualTo(saved);
    }

    @Test
    void unreadable_sources_mentions_and_links_are_refused_in_words_without_reaching_the_saver() {
        startSources(() -> saved);

        for (SaveResult refused :
                List.of(highlighter.saveSource(null), highlighter.saveMention(null), highlighter.saveLink(null))) {
            assertThat(refused.status()).isEqualTo(SaveStatus.REJECTED);
            assertThat(refused.message()).isNotBlank().endsWith(".");
        }
        assertThat(saver.calls).isEmpty();
    }

    @Test
    void before_source_work_starts_and_when_only_shown_every_save_is_refused() {
        SourceState source = new SourceState(SOURCE, 1, "A source", null, null, null, false);
        assertThat(highlighter.saveSource(source).status()).isEqualTo(SaveStatus.REJECTED);

        startSources(() -> saved);
        highlighter.showSourceWork(List.of(LinkableClaim.numbered("c01", 10, 34)), saved.sources(), saved.links());

        assertThat(highlighter.getElement().getProperty("readonly", false)).isTrue();
        assertThat(highlighter.getElement().getProperty("markable", true)).isFalse();
        assertThat(highlighter.saveSource(source).status()).isEqualTo(SaveStatus.REJECTED);
        assertThat(highlighter
                        .saveLink(new LinkState(LINK, 1, "c01", null, false))
                        .status())
                .isEqualTo(SaveStatus.REJECTED);
        assertThat(highlighter.refreshSourceWork()).isEqualTo(SourceWorkSnapshot.empty());
        assertThat(saver.calls).isEmpty();
    }

    @Test
    void a_session_over_its_call_budget_is_told_busy_and_its_source_saves_do_nothing() {
        VaadinSession session = Mockito.mock(VaadinSession.class);
        Map<String, Object> attributes = new HashMap<>();
        Mockito.when(session.getAttribute(Mockito.anyString()))
                .thenAnswer(a -> attributes.get(a.<String>getArgument(0)));
        Mockito.doAnswer(a -> attributes.put(a.getArgument(0), a.getArgument(1)))
                .when(session)
                .setAttribute(Mockito.anyString(), Mockito.any());
        VaadinSession.setCurrent(session);
        CallBudget.time = STILL;
        startSources(() -> saved);
        LinkState link = new LinkState(LINK, 1, "c01", null, false);

        List<SaveStatus> answers = new ArrayList<>();
        for (int i = 0; i < CallBudget.BURST; i++) {
            answers.add(highlighter.saveLink(link).status());
        }
        // The budget's clock stands still, so nothing refills: the next call is the first one over it.
        assertThat(highlighter.saveLink(link).status()).isEqualTo(SaveStatus.BUSY);
        assertThat(answers).containsOnly(SaveStatus.SAVED);
        assertThat(saver.calls).hasSize(CallBudget.BURST);
        assertThat(highlighter.saveSource(null).status()).isEqualTo(SaveStatus.BUSY);
        assertThat(highlighter.saveMention(null).status()).isEqualTo(SaveStatus.BUSY);
        assertThat(highlighter.refreshSourceWork()).isNull();
    }

    @Test
    void labels_reach_the_browser_as_one_object_by_key() {
        highlighter.setLabels(Map.of("kind:anonymous", "Anonyme", "kindHelp:anonymous", "Sans nom."));

        assertThat(highlighter.getElement().getPropertyRaw("labels"))
                .isEqualTo(
                        JacksonUtils.readTree("{\"kind:anonymous\":\"Anonyme\",\"kindHelp:anonymous\":\"Sans nom.\"}"));
    }

    @Test
    void the_sources_form_offers_the_same_source_kinds_as_the_library_in_the_same_order() throws IOException {
        String work =
                Files.readString(Path.of("frontend", "claim-highlighter", "source-work.js"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("SOURCE_KINDS = Object\\.freeze\\(\\[([^\\]]*)\\]\\)")
                .matcher(work);
        assertThat(list.find()).as("SOURCE_KINDS in source-work.js").isTrue();
        List<String> inBrowser = Pattern.compile("'([a-z-]+)'")
                .matcher(list.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(inBrowser)
                .containsExactlyElementsOf(
                        Arrays.stream(SourceKind.values()).map(SourceKind::code).toList());
    }

    /**
     * The texts of resizing, overlaps and the keys on screen (issue 19) go to a Spanish page in
     * Spanish, with the highlighter's named placeholders kept.
     */
    @Test
    void the_resize_and_key_texts_are_spanish_on_a_spanish_page() throws IOException {
        java.util.Properties spanish = new java.util.Properties();
        try (var in = ClaimHighlighter.class.getResourceAsStream("/vaadin-i18n/translations_es.properties")) {
            Assertions.assertThat(in).isNotNull();
            spanish.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(spanish.getProperty("highlighter.keysTitle")).isEqualTo("Teclas");
        assertThat(spanish.getProperty("highlighter.resized"))
                .contains("{type}", "{text}", "ahora abarca")
                .doesNotContain("mark now");
        assertThat(spanish.getProperty("highlighter.selectedOverlap"))
                .contains("{n}", "{count}", "vuelve a hacer clic")
                .doesNotContain("click again");
        assertThat(spanish.getProperty("highlighter.help"))
                .contains("Alt+Mayús")
                .doesNotContain("Alt+Shift");
        assertThat(spanish.getProperty("highlighter.readerHelp"))
                .contains("Mayús")
                .doesNotContain("Shift");
    }
}
