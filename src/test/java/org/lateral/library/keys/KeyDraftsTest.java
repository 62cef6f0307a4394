package org.lateral.library.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.base.UserFacingException;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.suggest.Suggestions;

/** The key editor's changes, limits and publishing rules, as pure functions (DD021). */
class KeyDraftsTest {

    static final String TEXT = "Ferry stays\n\nThe council reportedly voted to keep the ferry, officials said.\n\n"
            + "Fares may rise next year, according to the mayor.";

    static int at(String words) {
        int i = TEXT.indexOf(words);
        assertThat(i).as(words).isNotNegative();
        return i;
    }

    static KeyDraft claimAt(KeyDraft draft, String words) {
        return KeyDrafts.addClaim(draft, at(words), at(words) + words.length());
    }

    static KeyDraft complete() {
        KeyDraft d = claimAt(KeyDraft.EMPTY, "The council reportedly voted to keep the ferry");
        d = KeyDrafts.updateClaim(
                d,
                "c1",
                c -> new KeyDraft.Claim(
                        c.id(),
                        c.start(),
                        c.end(),
                        Set.of(ClaimType.HEDGED, ClaimType.ATTRIBUTED),
                        3,
                        "\u201cReportedly\u201d: the outlet does not vouch for it.",
                        List.of("reportedly"),
                        List.of()));
        d = KeyDrafts.addSource(d, "officials", SourceKind.OFFICIAL_BODY, at("officials"), at("officials") + 9);
        return KeyDrafts.link(d, "c1", Set.of("s1"));
    }

    @Test
    void claims_and_sources_get_the_next_free_id_even_after_removals_and_copied_ids() {
        KeyDraft d = claimAt(KeyDraft.EMPTY, "Fares may rise next year");
        d = claimAt(d, "council");
        assertThat(d.claims()).extracting(KeyDraft.Claim::id).containsExactly("c1", "c2");
        d = KeyDrafts.removeClaim(d, "c1");
        d = claimAt(d, "keep the ferry");
        assertThat(d.claims()).extracting(KeyDraft.Claim::id).containsExactly("c2", "c3");
        assertThat(KeyDrafts.nextId("c", List.of("k01", "c07", "c-ministry"))).isEqualTo("c8");
    }

    @Test
    void removing_a_source_removes_the_links_to_it() {
        KeyDraft d = complete();
        assertThat(d.claims().getFirst().sourceIds()).containsExactly("s1");
        d = KeyDrafts.removeSource(d, "s1");
        assertThat(d.sources()).isEmpty();
        assertThat(d.claims().getFirst().sourceIds()).isEmpty();
    }

    @Test
    void links_to_sources_the_key_does_not_have_are_ignored_and_mentions_are_not_doubled() {
        KeyDraft d = KeyDrafts.link(complete(), "c1", Set.of("s1", "s9"));
        assertThat(d.claims().getFirst().sourceIds()).containsExactly("s1");
        KeyDraft again = KeyDrafts.addMention(d, "s1", at("officials"), at("officials") + 9);
        assertThat(again.sources().getFirst().mentions()).hasSize(1);
        KeyDraft second = KeyDrafts.addMention(d, "s1", at("council"), at("council") + 7);
        assertThat(second.sources().getFirst().mentions())
                .extracting(KeyDraft.Span::start)
                .as("in the order of the text")
                .containsExactly(at("council"), at("officials"));
    }

    @Test
    void a_place_that_starts_where_another_does_replaces_it() {
        KeyDraft d = KeyDrafts.addSource(
                KeyDraft.EMPTY, "the mayor", SourceKind.NAMED_PERSON, at("the mayor"), at("the mayor") + 3);
        d = KeyDrafts.addMention(d, "s1", at("the mayor"), at("the mayor") + 9);
        assertThat(d.sources().getFirst().mentions())
                .containsExactly(new KeyDraft.Span(at("the mayor"), at("the mayor") + 9));
    }

    @Test
    void an_accepted_claim_suggestion_keeps_its_types_worthiness_and_cue_and_is_offered_no_more() {
        Suggestions.ProposedClaim proposed = new Suggestions.ProposedClaim(
                at("Fares may rise next year"),
                at("Fares may rise next year") + "Fares may rise next year".length(),
                "Fares may rise next year",
                Set.of(ClaimType.HEDGED, ClaimType.SPECULATION),
                2,
                "may",
                "Hedge cue \u201cmay\u201d: a possibility, not a fact.");
        assertThat(KeyDrafts.open(KeyDraft.EMPTY, proposed)).isTrue();
        KeyDraft d = KeyDrafts.accept(KeyDraft.EMPTY, proposed);
        KeyDraft.Claim c = d.claims().getFirst();
        assertThat(c.types()).containsExactlyInAnyOrder(ClaimType.HEDGED, ClaimType.SPECULATION);
        assertThat(c.worthiness()).isEqualTo(2);
        assertThat(c.cues()).containsExactly("may");
        assertThat(c.why()).isEqualTo("Hedge cue \u201cmay\u201d: a possibility, not a fact.");
        assertThat(KeyDrafts.open(d, proposed)).isFalse();
        assertThat(KeyDrafts.accept(d, proposed))
                .as("accepting twice adds nothing")
                .isEqualTo(d);
    }

    @Test
    void a_dismissed_suggestion_is_remembered_and_a_source_already_named_is_not_offered() {
        Suggestions.ProposedSource mayor = new Suggestions.ProposedSource(
                "the mayor",
                SourceKind.NAMED_PERSON,
                "according to",
                List.of(new Suggestions.Mention(at("the mayor"), at("the mayor") + 9, "the mayor", "according to")));
        KeyDraft dismissed = KeyDrafts.dismiss(KeyDraft.EMPTY, KeyDrafts.suggestionKey(mayor));
        assertThat(KeyDrafts.open(dismissed, mayor)).isFalse();
        assertThat(KeyDrafts.accept(dismissed, mayor)).isEqualTo(dismissed);

        KeyDraft named = KeyDrafts.addSource(
                KeyDraft.EMPTY, "The Mayor", SourceKind.NAMED_PERSON, at("the mayor"), at("the mayor") + 9);
        assertThat(KeyDrafts.open(named, mayor)).as("same name, other case").isFalse();

        KeyDraft accepted = KeyDrafts.accept(KeyDraft.EMPTY, mayor);
        assertThat(accepted.sources().getFirst().mentions())
                .containsExactly(new KeyDraft.Span(at("the mayor"), at("the mayor") + 9));
        assertThat(accepted.sources().getFirst().primary()).isTrue();
    }

    static List<Object[]> brokenDrafts() {
        KeyDraft ok = complete();
        KeyDraft.Claim c = ok.claims().getFirst();
        KeyDraft.Source s = ok.sources().getFirst();
        List<KeyDraft.Claim> tooMany = new ArrayList<>();
        IntStream.range(0, KeyDrafts.MAX_CLAIMS + 1)
                .forEach(i -> tooMany.add(new KeyDraft.Claim("c" + i, 0, 5, Set.of(), 2, "", List.of(), List.of())));
        return List.of(
                new Object[] {
                    "past the end of the text",
                    withClaim(
                            ok,
                            new KeyDraft.Claim("c1", 10, TEXT.length() + 1, c.types(), 2, "w", List.of(), List.of())),
                    "not in the article"
                },
                new Object[] {
                    "empty passage",
                    withClaim(ok, new KeyDraft.Claim("c1", 10, 10, c.types(), 2, "w", List.of(), List.of())),
                    "not in the article"
                },
                new Object[] {
                    "worthiness 4",
                    withClaim(
                            ok, new KeyDraft.Claim("c1", c.start(), c.end(), c.types(), 4, "w", List.of(), List.of())),
                    "1, 2 or 3"
                },
                new Object[] {
                    "a why too long",
                    withClaim(
                            ok,
                            new KeyDraft.Claim(
                                    "c1",
                                    c.start(),
                                    c.end(),
                                    c.types(),
                                    2,
                                    "w".repeat(KeyDrafts.MAX_WHY + 1),
                                    List.of(),
                                    List.of())),
                    "at most 2000"
                },
                new Object[] {
                    "a link to no source",
                    withClaim(
                            ok,
                            new KeyDraft.Claim("c1", c.start(), c.end(), c.types(), 2, "w", List.of(), List.of("s9"))),
                    "does not have"
                },
                new Object[] {
                    "a bad id",
                    withClaim(
                            ok, new KeyDraft.Claim("c 1", c.start(), c.end(), c.types(), 2, "w", List.of(), List.of())),
                    "bad or repeated id"
                },
                new Object[] {"too many claims", new KeyDraft(tooMany, List.of(), List.of(), ""), "at most 300 claims"},
                new Object[] {
                    "a blank source name",
                    new KeyDraft(
                            ok.claims(),
                            List.of(new KeyDraft.Source(
                                    "s1", " ", List.of(), s.kind(), List.of(), null, true, null, s.mentions())),
                            List.of(),
                            ""),
                    "needs a name"
                },
                new Object[] {
                    "two places with one start",
                    new KeyDraft(
                            List.of(),
                            List.of(new KeyDraft.Source(
                                    "s1",
                                    "x",
                                    List.of(),
                                    s.kind(),
                                    List.of(),
                                    null,
                                    true,
                                    null,
                                    List.of(new KeyDraft.Span(5, 8), new KeyDraft.Span(5, 10)))),
                            List.of(),
                            ""),
                    "twice at the same place"
                },
                new Object[] {
                    "other kinds without a reason",
                    new KeyDraft(
                            List.of(),
                            List.of(new KeyDraft.Source(
                                    "s1",
                                    "x",
                                    List.of(),
                                    s.kind(),
                                    List.of(SourceKind.ANONYMOUS),
                                    " ",
                                    true,
                                    null,
                                    s.mentions())),
                            List.of(),
                            ""),
                    "need a sentence saying why"
                },
                new Object[] {
                    "a source linked twice",
                    withClaim(
                            ok,
                            new KeyDraft.Claim(
                                    "c1", c.start(), c.end(), c.types(), 2, "w", List.of(), List.of("s1", "s1"))),
                    "does not have"
                },
                new Object[] {
                    "a mention outside the text",
                    new KeyDraft(
                            List.of(),
                            List.of(new KeyDraft.Source(
                                    "s1",
                                    "x",
                                    List.of(),
                                    s.kind(),
                                    List.of(),
                                    null,
                                    true,
                                    null,
                                    List.of(new KeyDraft.Span(-1, 3)))),
                            List.of(),
                            ""),
                    "not in the article"
                });
    }

    private static KeyDraft withClaim(KeyDraft d, KeyDraft.Claim c) {
        return new KeyDraft(List.of(c), d.sources(), d.dismissed(), d.changes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDrafts")
    void a_draft_that_breaks_a_limit_is_refused_with_a_sentence(String what, KeyDraft draft, String message) {
        assertThatThrownBy(() -> KeyDrafts.checkLimits(draft, TEXT))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(message);
    }

    @Test
    void a_complete_draft_is_within_the_limits() {
        KeyDrafts.checkLimits(complete(), TEXT);
        assertThat(KeyDrafts.publishProblems(complete(), TEXT)).isEmpty();
    }

    @Test
    void publishing_names_every_gap_in_the_order_of_the_text() {
        KeyDraft d = claimAt(KeyDraft.EMPTY, "Fares may rise next year");
        d = claimAt(d, "The council reportedly voted");
        d = KeyDrafts.addSource(d, "the mayor", SourceKind.NAMED_PERSON, at("the mayor"), at("the mayor") + 9);
        d = KeyDrafts.updateSource(
                d,
                "s1",
                s -> new KeyDraft.Source(
                        s.id(),
                        s.name(),
                        s.aliases(),
                        s.kind(),
                        s.alsoAcceptedKinds(),
                        s.kindWhy(),
                        false,
                        null,
                        List.of()));
        assertThat(KeyDrafts.publishProblems(d, TEXT).stream().map(KeyedText::english))
                .containsExactly(
                        "Claim \u201cThe council reportedly voted\u201d: choose at least one type.",
                        "Claim \u201cThe council reportedly voted\u201d: write why, in a sentence students will see in their feedback.",
                        "Claim \u201cFares may rise next year\u201d: choose at least one type.",
                        "Claim \u201cFares may rise next year\u201d: write why, in a sentence students will see in their feedback.",
                        "Source \u201cthe mayor\u201d: mark at least one place where the text names it.",
                        "Source \u201cthe mayor\u201d is secondary: say which outlet or source it was relayed from.");
        assertThat(KeyDrafts.publishProblems(KeyDraft.EMPTY, TEXT).stream().map(KeyedText::english))
                .singleElement()
                .asString()
                .contains("at least one claim");
    }

    @Test
    void a_published_key_carries_quotes_with_context_claims_in_text_order_and_links() {
        KeyDraft d = claimAt(complete(), "Fares may rise next year");
        d = KeyDrafts.updateClaim(
                d,
                "c2",
                c -> new KeyDraft.Claim(
                        c.id(),
                        c.start(),
                        c.end(),
                        Set.of(ClaimType.SPECULATION),
                        2,
                        " A guess about next year. ",
                        List.of(),
                        List.of()));
        // Listed out of order: the published key has them in the order of the text.
        KeyDraft reversed =
                new KeyDraft(List.of(d.claims().get(1), d.claims().get(0)), d.sources(), List.of(), "First key.");
        UUID keyId = UUID.randomUUID();
        SeedPack.Key key = KeyDrafts.toKey(reversed, keyId, TEXT);
        assertThat(key.id()).isEqualTo(keyId);
        assertThat(key.status()).isEqualTo(SeedPack.KeyStatus.COMPLETE);
        assertThat(key.changes()).isEqualTo("First key.");
        assertThat(key.claims()).extracting(SeedPack.Claim::id).containsExactly("c1", "c2");
        assertThat(key.claims().get(0).span().exact()).isEqualTo("The council reportedly voted to keep the ferry");
        assertThat(key.claims().get(0).span().prefix()).endsWith("Ferry stays\n\n");
        assertThat(key.claims().get(0).sourceIds()).containsExactly("s1");
        assertThat(key.claims().get(1).why()).isEqualTo("A guess about next year.");
        assertThat(key.sources().getFirst().origin()).isEqualTo(SeedPack.Origin.PRIMARY);
        assertThat(key.sources().getFirst().relayedFrom()).isNull();
        assertThat(key.sources().getFirst().attributions().getFirst().exact()).isEqualTo("officials");
    }

    @Test
    void a_draft_moves_to_a_corrected_text_and_names_what_is_gone() {
        KeyDraft d = claimAt(complete(), "Fares may rise next year");
        String corrected = "Ferry stays for now\n\nThe council reportedly voted to keep the ferry, officials said.\n\n"
                + "Prices could rise, according to the mayor.";
        KeyDrafts.Moved moved = KeyDrafts.move(d, TEXT, corrected);
        assertThat(moved.draft().claims()).extracting(KeyDraft.Claim::id).containsExactly("c1");
        KeyDraft.Claim c1 = moved.draft().claims().getFirst();
        assertThat(corrected.substring(c1.start(), c1.end()))
                .isEqualTo("The council reportedly voted to keep the ferry");
        KeyDraft.Span officials = moved.draft().sources().getFirst().mentions().getFirst();
        assertThat(corrected.substring(officials.start(), officials.end())).isEqualTo("officials");
        assertThat(moved.lost().stream().map(KeyedText::english))
                .containsExactly("claim \u201cFares may rise next year\u201d");
    }
}
