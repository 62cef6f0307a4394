package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lateral.base.text.Tokens;
import org.lateral.library.LibraryPins;
import org.lateral.library.SourceKind;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.library.text.CanonicalText;
import org.lateral.submission.SourceReview.Chain;
import org.lateral.submission.SourceReview.ChainNode;
import org.lateral.submission.SourceReview.ClaimLinkIssue;
import org.lateral.submission.SourceReview.LinkIssueKind;
import org.lateral.submission.SourceReview.Role;
import org.lateral.submission.scoring.Scoring;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring;
import org.lateral.submission.scoring.SourceScoring.Answer;
import org.lateral.submission.scoring.SourceScoring.ClaimMapping;
import org.lateral.submission.scoring.SourceScoring.Key;
import org.lateral.submission.scoring.SourceScoring.KeyLink;
import org.lateral.submission.scoring.SourceScoring.KeySource;
import org.lateral.submission.scoring.SourceScoring.Origin;
import org.lateral.submission.scoring.SourceScoring.OriginVerdict;
import org.lateral.submission.scoring.SourceScoring.Outlet;
import org.lateral.submission.scoring.SourceScoring.Result;
import org.lateral.submission.scoring.SourceScoring.StudentLink;
import org.lateral.submission.scoring.SourceScoring.StudentSource;

/**
 * The feedback on a sources attempt and its hints-only form: on the real Frisky key from the seed
 * pack (s01 the informant, pseudonymous or anonymous, relayed from The Daily Mail; s02 The Daily
 * Mail, first-hand) and on small keys made for one rule each.
 */
public class SourceReviewTest {

    // --- The Frisky, from the pack, as FriskySourceScoringTest builds it --------------------------

    static final SeedPack PACK = SeedPackReader.read(PackFiles.directory(Path.of("seeds/defectors")));
    public static final SeedPack.Key FRISKY = PACK.keys().stream()
            .filter(k -> k.articleSlug().equals("000-the-frisky"))
            .findFirst()
            .orElseThrow();
    static final SeedPack.Article ARTICLE = PACK.articles().stream()
            .filter(a -> a.slug().equals("000-the-frisky"))
            .findFirst()
            .orElseThrow();
    static final String OUTLET = PACK.outlets().stream()
            .filter(o -> o.slug().equals(ARTICLE.outletSlug()))
            .findFirst()
            .orElseThrow()
            .name();
    public static final int[] TOKENS = Tokens.words(ARTICLE.canonicalText());
    public static final List<Integer> PARAGRAPH_STARTS = CanonicalText.paragraphs(ARTICLE.canonicalText()).stream()
            .map(CanonicalText.Paragraph::start)
            .toList();
    public static final Key KEY = key(FRISKY, PACK.citedOutlets());
    public static final LibraryPins.KeySources CITED = cited(FRISKY, OUTLET);
    static final List<String> CLAIMS =
            FRISKY.claims().stream().map(SeedPack.Claim::id).toList();

    /** The scoring key of a pack key, as the lessons code will make it from a stored key. */
    static Key key(SeedPack.Key key, List<SeedPack.CitedOutlet> cited) {
        List<KeySource> sources = key.sources().stream()
                .map(s -> {
                    Set<SourceKind> accepted = EnumSet.of(s.kind());
                    accepted.addAll(s.alsoAcceptedKinds());
                    Outlet outlet = s.relayedFrom() == null
                            ? null
                            : cited.stream()
                                    .filter(c -> c.name().equals(s.relayedFrom()))
                                    .findFirst()
                                    .map(c -> new Outlet(s.relayedFrom(), c.aliases()))
                                    .orElse(new Outlet(s.relayedFrom(), List.of()));
                    return new KeySource(
                            s.id(),
                            s.name(),
                            s.aliases(),
                            accepted,
                            s.origin() == SeedPack.Origin.PRIMARY ? Origin.PRIMARY : Origin.SECONDARY,
                            outlet,
                            s.attributions().stream()
                                    .map(a -> new Span(a.start(), a.end()))
                                    .toList());
                })
                .toList();
        List<KeyLink> links = key.claims().stream()
                .map(c -> new KeyLink(c.id(), Set.copyOf(c.sourceIds())))
                .toList();
        return new Key(sources, links);
    }

    /** What LibraryPins.keySources reads for the key, here from the pack. */
    static LibraryPins.KeySources cited(SeedPack.Key key, String outlet) {
        Map<String, LibraryPins.KeySource> sources = new LinkedHashMap<>();
        for (SeedPack.Source s : key.sources()) {
            sources.put(
                    s.id(),
                    new LibraryPins.KeySource(
                            s.id(),
                            s.name(),
                            s.kind(),
                            s.origin() == SeedPack.Origin.PRIMARY,
                            s.relayedFrom(),
                            s.kindWhy()));
        }
        return new LibraryPins.KeySources(outlet, sources);
    }

    static Span attribution(String keySourceId, int index) {
        return KEY.sources().stream()
                .filter(s -> s.id().equals(keySourceId))
                .findFirst()
                .orElseThrow()
                .attributions()
                .get(index);
    }

    /**
     * The Daily Mail as a media outlet, first-hand (right), and "Abu Khaled" as a named person,
     * first-hand (both wrong). c05 linked to both (right), c03 linked to the Daily Mail though
     * nobody backs it, c07 "no source given" though the key links both, c10 "no source given"
     * (right).
     */
    public static final Answer TAKEN_AT_THEIR_WORD = new Answer(
            List.of(
                    new StudentSource(
                            "dm",
                            "Daily Mail",
                            SourceKind.MEDIA_OUTLET,
                            Origin.PRIMARY,
                            null,
                            List.of(attribution("s02", 0))),
                    new StudentSource(
                            "ak",
                            "Abu Khaled",
                            SourceKind.NAMED_PERSON,
                            Origin.PRIMARY,
                            null,
                            List.of(attribution("s01", 2)))),
            List.of(
                    new StudentLink("c05", Set.of("dm", "ak")),
                    new StudentLink("c03", Set.of("dm")),
                    new StudentLink("c07", Set.of()),
                    new StudentLink("c10", Set.of())),
            ClaimMapping.identity(CLAIMS));

    public static final Answer NOTHING = new Answer(List.of(), List.of(), ClaimMapping.identity(CLAIMS));

    public static final Map<String, String> LABELS = Map.of("c05", "a source told The Daily Mail\u2026");

    static Result score(Key key, int[] tokens, Answer answer) {
        return SourceScoring.score(tokens, key, answer, Scoring.DEFAULT_THRESHOLD);
    }

    @Test
    void a_student_who_takes_the_informant_at_his_word_is_shown_the_pseudonym_and_the_relay() {
        Result result = score(KEY, TOKENS, TAKEN_AT_THEIR_WORD);
        SourceReview review = SourceReview.of(KEY, TAKEN_AT_THEIR_WORD, result, CITED, LABELS);

        assertThat(review.outlet()).isEqualTo("The Frisky");
        assertThat(review.found())
                .extracting(f -> f.keySourceId() + " " + f.yourName() + " " + f.kindRight() + " " + f.origin())
                .containsExactly("s01 Abu Khaled false FIRST_HAND_BUT_RELAYED", "s02 Daily Mail true RIGHT");
        assertThat(review.missed()).isEmpty();

        assertThat(review.kindsWrong()).singleElement().satisfies(k -> {
            assertThat(k.keySourceId()).isEqualTo("s01");
            assertThat(k.yourKind()).isEqualTo(SourceKind.NAMED_PERSON);
            assertThat(k.keyKind()).isEqualTo(SourceKind.PSEUDONYMOUS);
            assertThat(k.accepted()).containsExactly(SourceKind.ANONYMOUS, SourceKind.PSEUDONYMOUS);
            assertThat(k.whyItMatters().english())
                    .contains("Nobody can look that person up")
                    .contains("the name was made up to protect them");
            assertThat(k.kindWhy()).isEqualTo(FRISKY.sources().getFirst().kindWhy());
        });

        assertThat(review.originsWrong()).singleElement().satisfies(o -> {
            assertThat(o.verdict()).isEqualTo(OriginVerdict.FIRST_HAND_BUT_RELAYED);
            assertThat(o.keyOutlet()).isEqualTo("The Daily Mail");
            assertThat(o.explained().english())
                    .isEqualTo("You said The Frisky got it first-hand, but it came through The Daily Mail: "
                            + "The Frisky did not speak to this source itself, it passed on what The Daily Mail "
                            + "reported.");
        });

        // One chain: the Daily Mail is the informant's relay and a source of its own, drawn once.
        assertThat(review.keyChains()).singleElement().satisfies(c -> {
            assertThat(c.text())
                    .isEqualTo(FRISKY.sources().getFirst().name() + " \u2192 The Daily Mail \u2192 The Frisky")
                    .endsWith(" \u2192 The Daily Mail \u2192 The Frisky");
            assertThat(c.via())
                    .extracting(ChainNode::role, ChainNode::keySourceId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Role.RELAY, "s02"),
                            org.assertj.core.groups.Tuple.tuple(Role.OUTLET, null));
        });
        assertThat(review.yourChains())
                .extracting(p -> p.keySourceId() + ": " + p.yours().text() + " | " + p.same())
                .containsExactly(
                        "s01: Abu Khaled \u2192 The Frisky | false", "s02: Daily Mail \u2192 The Frisky | true");
        assertThat(review.yourChains().getFirst().key().text()).endsWith(" \u2192 The Daily Mail \u2192 The Frisky");

        Map<String, ClaimLinkIssue> byClaim = new LinkedHashMap<>();
        review.claimLinks().forEach(i -> byClaim.put(i.keyClaimId(), i));
        assertThat(byClaim).doesNotContainKeys("c05", "c10");
        assertThat(byClaim.get("c03").kind()).isEqualTo(LinkIssueKind.YOU_LINKED_AN_UNSOURCED_CLAIM);
        assertThat(byClaim.get("c03").yourSources()).containsExactly("Daily Mail");
        assertThat(byClaim.get("c03").keySources()).isEmpty();
        assertThat(byClaim.get("c07").kind()).isEqualTo(LinkIssueKind.YOU_SAID_NO_SOURCE);
        assertThat(byClaim.get("c07").explained().english())
                .startsWith("You said no source is given, but the text says who: ")
                .endsWith(" and The Daily Mail.");
        assertThat(byClaim.get("c01").kind()).isEqualTo(LinkIssueKind.YOU_MISSED_A_SOURCE);
        assertThat(byClaim.get("c06").kind()).isEqualTo(LinkIssueKind.YOU_LEFT_AN_UNSOURCED_CLAIM_OPEN);
        assertThat(byClaim.get("c06").claimLabel().english()).isEqualTo("Claim c06");
        // 26 claims; c05 and c10 are right.
        assertThat(review.claimLinks()).hasSize(24);

        assertThat(review.extras()).isEmpty();
        assertThat(review.score().score()).isEqualTo(result.score());
        assertThat(review.score().kindAccuracy()).isEqualTo(0.5);
        assertThat(review.score().originAccuracy()).isEqualTo(0.5);
        assertThat(review.score().sourceRecall()).isEqualTo(1.0);
    }

    @Test
    void a_student_with_nothing_missed_every_source_and_every_claim_is_open() {
        Result result = score(KEY, TOKENS, NOTHING);
        SourceReview review = SourceReview.of(KEY, NOTHING, result, CITED, LABELS);

        assertThat(review.found()).isEmpty();
        assertThat(review.kindsWrong()).isEmpty();
        assertThat(review.originsWrong()).isEmpty();
        assertThat(review.yourChains()).isEmpty();
        assertThat(review.missed())
                .extracting(m -> m.keySourceId() + " " + m.kind() + " " + m.keyOrigin() + " "
                        + m.origin().english())
                .containsExactly(
                        "s01 PSEUDONYMOUS SECONDARY Relayed: it reached The Frisky through The Daily Mail.",
                        "s02 MEDIA_OUTLET PRIMARY First-hand: The Frisky read its report itself.");
        assertThat(review.keyChains()).extracting(Chain::text).hasSize(1);
        assertThat(review.claimLinks())
                .extracting(ClaimLinkIssue::kind)
                .containsOnly(LinkIssueKind.YOU_MISSED_A_SOURCE, LinkIssueKind.YOU_LEFT_AN_UNSOURCED_CLAIM_OPEN)
                .hasSize(26);
        assertThat(review.claimLinks().stream()
                        .filter(i -> i.keyClaimId().equals("c05"))
                        .findFirst()
                        .orElseThrow()
                        .claimLabel()
                        .english())
                .isEqualTo("\u201c" + LABELS.get("c05") + "\u201d");
        assertThat(review.score().score()).isEqualTo(0.0);
    }

    @Test
    void the_hints_hold_no_name_kind_why_or_quote_of_the_key() {
        for (Answer answer : List.of(TAKEN_AT_THEIR_WORD, NOTHING)) {
            SourceHints hints = SourceHints.of(KEY, answer, score(KEY, TOKENS, answer), PARAGRAPH_STARTS);
            String everything = hints.toString();
            for (SeedPack.Source s : FRISKY.sources()) {
                assertThat(everything).doesNotContain(s.name());
                if (s.kindWhy() != null) {
                    assertThat(everything).doesNotContain(s.kindWhy());
                }
                for (var a : s.attributions()) {
                    assertThat(everything).doesNotContain(a.exact());
                }
            }
            assertThat(everything).doesNotContain("The Daily Mail");
        }
    }

    @Test
    void the_hints_count_and_point_at_the_paragraphs_of_a_missed_source() {
        SourceHints nothing = SourceHints.of(KEY, NOTHING, score(KEY, TOKENS, NOTHING), PARAGRAPH_STARTS);
        assertThat(nothing.keySources()).isEqualTo(2);
        assertThat(nothing.found()).isZero();
        assertThat(nothing.missed()).isEqualTo(2);
        assertThat(nothing.claimsToRelink()).isEqualTo(26);
        List<Integer> informant = new ArrayList<>();
        for (Span a : KEY.sources().getFirst().attributions()) {
            int p = SourceHints.paragraphOf(PARAGRAPH_STARTS, a.start());
            if (!informant.contains(p)) {
                informant.add(p);
            }
        }
        assertThat(nothing.missedParagraphs()).hasSize(2);
        assertThat(nothing.missedParagraphs().getFirst().paragraphs())
                .isSorted()
                .containsExactlyInAnyOrderElementsOf(informant)
                .doesNotContain(0);

        SourceHints taken =
                SourceHints.of(KEY, TAKEN_AT_THEIR_WORD, score(KEY, TOKENS, TAKEN_AT_THEIR_WORD), PARAGRAPH_STARTS);
        assertThat(taken.found()).isEqualTo(2);
        assertThat(taken.kindsToCheck()).isEqualTo(1);
        assertThat(taken.originsToCheck()).isEqualTo(1);
        assertThat(taken.claimsToRelink()).isEqualTo(24);
        assertThat(taken.missedParagraphs()).isEmpty();
        assertThat(taken.yourSources())
                .extracting(s -> s.name() + " " + s.matched() + " " + s.checkKind() + " " + s.checkOrigin())
                .containsExactly("Daily Mail true false false", "Abu Khaled true true true");
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NAMED_PERSON           | PSEUDONYMOUS           | the name was made up to protect them
            ANONYMOUS              | PSEUDONYMOUS           | a made-up one
            NAMED_PERSON           | ANONYMOUS              | The text gives no name at all
            PSEUDONYMOUS           | ANONYMOUS              | not even a made-up one
            ANONYMOUS              | NAMED_PERSON           | you could look them up
            NAMED_PERSON           | MEDIA_OUTLET           | This is a news outlet, not someone who was there
            ANONYMOUS              | MEDIA_OUTLET           | This is a news outlet, not someone who was there
            MEDIA_OUTLET           | NAMED_PERSON           | not a news outlet
            NAMED_PERSON           | DOCUMENT               | You can read a document yourself
            DOCUMENT               | OFFICIAL_BODY          | not at a document you could read
            EXPERT_OR_ORGANISATION | OFFICIAL_BODY          | speaks for a government or an authority
            OFFICIAL_BODY          | EXPERT_OR_ORGANISATION | not a government or an authority
            MEDIA_OUTLET           | OFFICIAL_BODY          | The answer key sees this source as a government, ministry, army, police or court speaking for itself, not a newspaper, broadcaster or website that reported it.
            """)
    void a_kind_taken_for_another_says_why_it_matters(SourceKind yours, SourceKind key, String expected) {
        assertThat(SourceReview.kindReason(yours, key).english()).contains(expected);
    }

    @Test
    void no_kind_given_says_what_the_kind_is_for() {
        assertThat(SourceReview.kindReason(null, SourceKind.DOCUMENT).english())
                .startsWith("You did not choose a kind for this source.")
                .endsWith("a report, study, letter or record you could read.");
    }

    // --- Small keys, one rule each -------------------------------------------------------------

    static final Outlet WIRE = new Outlet("The Wire Service", List.of("Wire Service", "TWS"));

    static KeySource keySource(String id, String name, SourceKind kind, @Nullable Outlet relayedFrom) {
        return new KeySource(
                id,
                name,
                List.of(),
                Set.of(kind),
                relayedFrom == null ? Origin.PRIMARY : Origin.SECONDARY,
                relayedFrom,
                List.of());
    }

    static LibraryPins.KeySources cited(Key key, String outlet) {
        Map<String, LibraryPins.KeySource> sources = new LinkedHashMap<>();
        for (KeySource k : key.sources()) {
            sources.put(
                    k.id(),
                    new LibraryPins.KeySource(
                            k.id(),
                            k.name(),
                            k.acceptedKinds().iterator().next(),
                            k.origin() == Origin.PRIMARY,
                            k.relayedFrom() == null ? null : k.relayedFrom().name(),
                            null));
        }
        return new LibraryPins.KeySources(outlet, sources);
    }

    /**
     * Two witnesses relayed through the wire service, the ministry and a report first-hand, and the
     * wire service (by an alias) a source of its own: three chains are drawn as two.
     */
    static final Key SMALL = new Key(
            List.of(
                    keySource("k1", "A witness", SourceKind.ANONYMOUS, WIRE),
                    keySource("k2", "The ministry", SourceKind.OFFICIAL_BODY, null),
                    keySource("k3", "A second witness", SourceKind.ANONYMOUS, WIRE),
                    keySource("k4", "TWS", SourceKind.MEDIA_OUTLET, null),
                    keySource("k5", "The annual report", SourceKind.DOCUMENT, null)),
            List.of(new KeyLink("q1", Set.of("k1")), new KeyLink("q2", Set.of())));

    static final int[] NO_TOKENS = Tokens.words("");

    @Test
    void chains_that_share_their_path_are_drawn_once_with_several_heads() {
        SourceReview review = SourceReview.of(
                SMALL, NOTHING_SMALL, score(SMALL, NO_TOKENS, NOTHING_SMALL), cited(SMALL, "The Daily"), Map.of());
        assertThat(review.keyChains())
                .extracting(Chain::text)
                .containsExactly(
                        "A witness and A second witness \u2192 The Wire Service \u2192 The Daily",
                        "The ministry and The annual report \u2192 The Daily");
        assertThat(review.keyChains().getFirst().via().getFirst().keySourceId()).isEqualTo("k4");
    }

    static final Answer NOTHING_SMALL = new Answer(List.of(), List.of(), ClaimMapping.identity(List.of("q1", "q2")));

    @Test
    void each_wrong_origin_says_what_the_key_says_and_the_student_chain_shows_the_gap() {
        Answer answer = new Answer(
                List.of(
                        // Relayed, but through another outlet.
                        new StudentSource("a", "a witness", SourceKind.ANONYMOUS, Origin.SECONDARY, "Radio", List.of()),
                        // Relayed, through an outlet not named.
                        new StudentSource(
                                "b", "A second witness", SourceKind.ANONYMOUS, Origin.SECONDARY, null, List.of()),
                        // Relayed, but first-hand.
                        new StudentSource(
                                "c", "the ministry", SourceKind.OFFICIAL_BODY, Origin.SECONDARY, "TWS", List.of()),
                        // No origin given.
                        new StudentSource("d", "The annual report", SourceKind.DOCUMENT, null, null, List.of()),
                        new StudentSource("e", "A blogger", SourceKind.NAMED_PERSON, Origin.PRIMARY, null, List.of())),
                List.of(new StudentLink("q1", Set.of()), new StudentLink("q2", Set.of("e"))),
                ClaimMapping.identity(List.of("q1", "q2")));
        SourceReview review =
                SourceReview.of(SMALL, answer, score(SMALL, NO_TOKENS, answer), cited(SMALL, "The Daily"), Map.of());

        assertThat(review.originsWrong())
                .extracting(o -> o.keySourceId() + " " + o.verdict() + ": "
                        + o.explained().english())
                .containsExactly(
                        "k1 WRONG_OUTLET: Relayed, yes, but through The Wire Service, not Radio. Naming the right "
                                + "outlet tells a reader where to check.",
                        "k2 RELAYED_BUT_FIRST_HAND: You said it was relayed through TWS, but no other outlet "
                                + "stands in between. First-hand: The Daily cites it directly, with no other "
                                + "outlet in between.",
                        "k3 WRONG_OUTLET: Relayed, yes, but through The Wire Service, not an outlet you left "
                                + "unnamed. Naming the right outlet tells a reader where to check.",
                        "k5 NOT_GIVEN: You did not say where The Daily got it. First-hand: The Daily read the "
                                + "document itself.");
        assertThat(review.yourChains())
                .extracting(p -> p.yours().text())
                .containsExactly(
                        "a witness \u2192 Radio \u2192 The Daily",
                        "the ministry \u2192 TWS \u2192 The Daily",
                        "A second witness \u2192 an outlet not named \u2192 The Daily",
                        "The annual report \u2192 origin not given \u2192 The Daily");
        assertThat(review.yourChains().get(2).yours().via().getFirst().role()).isEqualTo(Role.GAP);
        assertThat(review.extras()).extracting(SourceReview.ExtraSource::name).containsExactly("A blogger");
        assertThat(review.missed())
                .extracting(SourceReview.MissedSource::keySourceId)
                .containsExactly("k4");
        assertThat(review.claimLinks())
                .extracting(i -> i.keyClaimId() + " " + i.kind() + " " + i.yourSources())
                .containsExactly("q1 YOU_SAID_NO_SOURCE []", "q2 YOU_LINKED_AN_UNSOURCED_CLAIM [A blogger]");
    }

    @Test
    void a_key_with_no_sources_draws_no_chain_and_shows_the_students_source_as_extra() {
        Key none = new Key(List.of(), List.of(new KeyLink("q1", Set.of())));
        Answer answer = new Answer(
                List.of(new StudentSource("x", "A blogger", SourceKind.NAMED_PERSON, Origin.PRIMARY, null, List.of())),
                List.of(new StudentLink("q1", Set.of("x"))),
                ClaimMapping.identity(List.of("q1")));
        Result result = score(none, NO_TOKENS, answer);
        SourceReview review = SourceReview.of(none, answer, result, cited(none, "The Daily"), Map.of("q1", "Claim 1"));

        assertThat(review.keyChains()).isEmpty();
        assertThat(review.found()).isEmpty();
        assertThat(review.missed()).isEmpty();
        assertThat(review.extras()).extracting(SourceReview.ExtraSource::name).containsExactly("A blogger");
        assertThat(review.claimLinks()).singleElement().satisfies(i -> {
            assertThat(i.claimLabel().english()).isEqualTo("\u201cClaim 1\u201d");
            assertThat(i.kind()).isEqualTo(LinkIssueKind.YOU_LINKED_AN_UNSOURCED_CLAIM);
            assertThat(i.explained().english())
                    .isEqualTo("Nobody in the text backs this claim. You linked A blogger, but the text "
                            + "does not say they said it.");
        });
        assertThat(review.score().sourcesScored()).isFalse();

        SourceHints hints = SourceHints.of(none, answer, result, List.of(0, 20));
        assertThat(hints.keySources()).isZero();
        assertThat(hints.missed()).isZero();
        assertThat(hints.claimsToRelink()).isEqualTo(1);
        assertThat(hints.yourSources())
                .singleElement()
                .satisfies(s -> assertThat(s.matched()).isFalse());
    }

    @ParameterizedTest(name = "offset {0} is in paragraph {1}")
    @CsvSource({"0, 0", "19, 0", "20, 1", "44, 1", "45, 2", "500, 2"})
    void an_offset_is_in_the_last_paragraph_that_starts_at_or_before_it(int offset, int paragraph) {
        assertThat(SourceHints.paragraphOf(List.of(0, 20, 45), offset)).isEqualTo(paragraph);
    }
}
