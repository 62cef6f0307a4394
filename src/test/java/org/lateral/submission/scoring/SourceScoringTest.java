package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.base.text.Tokens;
import org.lateral.library.SourceKind;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Answer;
import org.lateral.submission.scoring.SourceScoring.ClaimMapping;
import org.lateral.submission.scoring.SourceScoring.Key;
import org.lateral.submission.scoring.SourceScoring.KeyLink;
import org.lateral.submission.scoring.SourceScoring.KeySource;
import org.lateral.submission.scoring.SourceScoring.LinkOutcome;
import org.lateral.submission.scoring.SourceScoring.LinkVerdict;
import org.lateral.submission.scoring.SourceScoring.MatchedBy;
import org.lateral.submission.scoring.SourceScoring.Origin;
import org.lateral.submission.scoring.SourceScoring.OriginVerdict;
import org.lateral.submission.scoring.SourceScoring.Outlet;
import org.lateral.submission.scoring.SourceScoring.Result;
import org.lateral.submission.scoring.SourceScoring.SourceMatch;
import org.lateral.submission.scoring.SourceScoring.StudentLink;
import org.lateral.submission.scoring.SourceScoring.StudentSource;

/** The sources scoring rules, version 1 (identify-sources), case by case. */
class SourceScoringTest {

    // Token indices: A0 source1 told2 the3 Daily4 Mail5 that6 the7 chief8 fled9. Khaled10 said11
    // fourteen12 men13 went14. The15 ministry16 said17 nothing18. Snow19 fell20.
    static final String TEXT = "A source told the Daily Mail that the chief fled. Khaled said fourteen men went. "
            + "The ministry said nothing. Snow fell.";
    static final int[] TOKENS = Tokens.words(TEXT);

    static Span span(int from, int to) {
        return new Span(TOKENS[2 * from], TOKENS[2 * to + 1]);
    }

    static final SourceKind PSEUDONYMOUS = SourceKind.PSEUDONYMOUS;
    static final SourceKind ANONYMOUS = SourceKind.ANONYMOUS;
    static final SourceKind OUTLET = SourceKind.MEDIA_OUTLET;
    static final SourceKind OFFICIAL = SourceKind.OFFICIAL_BODY;
    static final Origin FIRST_HAND = Origin.PRIMARY;
    static final Origin RELAYED = Origin.SECONDARY;

    static final Outlet DAILY_MAIL = new Outlet("The Daily Mail", List.of("Daily Mail", "MailOnline"));

    /**
     * s1: the informant (pseudonymous, also anonymous; relayed from The Daily Mail), s2: The Daily
     * Mail (first-hand), s3: the ministry (first-hand). c1 → s1, s2; c2 → s1; c3 → s3; c4 → none.
     * Five key links in all.
     */
    static final Key KEY = new Key(
            List.of(
                    new KeySource(
                            "s1",
                            "Abu Khaled (a pseudonym)",
                            List.of("a source", "Abu Khaled", "Khaled"),
                            Set.of(PSEUDONYMOUS, ANONYMOUS),
                            RELAYED,
                            DAILY_MAIL,
                            List.of(span(0, 5), span(10, 11))),
                    new KeySource(
                            "s2",
                            "The Daily Mail",
                            List.of("Daily Mail"),
                            Set.of(OUTLET),
                            FIRST_HAND,
                            null,
                            List.of(span(3, 5))),
                    new KeySource(
                            "s3",
                            "The ministry",
                            List.of(),
                            Set.of(OFFICIAL),
                            FIRST_HAND,
                            null,
                            List.of(span(15, 17)))),
            List.of(
                    new KeyLink("c1", Set.of("s1", "s2")),
                    new KeyLink("c2", Set.of("s1")),
                    new KeyLink("c3", Set.of("s3")),
                    new KeyLink("c4", Set.of())));

    static final ClaimMapping KEY_CLAIMS = ClaimMapping.identity(List.of("c1", "c2", "c3", "c4"));

    static StudentSource source(
            String id,
            String name,
            @Nullable SourceKind kind,
            @Nullable Origin origin,
            @Nullable String from,
            Span... mentions) {
        return new StudentSource(id, name, kind, origin, from, List.of(mentions));
    }

    static StudentLink link(String claim, String... sources) {
        return new StudentLink(claim, Set.of(sources));
    }

    static final StudentSource T1 = source("t1", "a source", PSEUDONYMOUS, RELAYED, "The Daily Mail", span(0, 5));
    static final StudentSource T2 = source("t2", "Daily Mail", OUTLET, FIRST_HAND, null, span(3, 5));
    static final StudentSource T3 = source("t3", "ministry", OFFICIAL, FIRST_HAND, null, span(15, 16));

    static final List<StudentLink> PERFECT_LINKS =
            List.of(link("c1", "t1", "t2"), link("c2", "t1"), link("c3", "t3"), link("c4"));

    static Answer answer(List<StudentSource> sources, List<StudentLink> links) {
        return new Answer(sources, links, KEY_CLAIMS);
    }

    static Answer withSources(StudentSource... sources) {
        return answer(List.of(sources), PERFECT_LINKS);
    }

    static Answer withLinks(StudentLink... links) {
        return answer(List.of(T1, T2, T3), List.of(links));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "the key's own answer scores 100",
                        KEY,
                        withSources(T1, T2, T3),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "an alias matches by name alone: Khaled is Abu Khaled",
                        KEY,
                        withSources(source("t1", "Khaled", PSEUDONYMOUS, RELAYED, "Daily Mail"), T2, T3),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "names are normalised: “The Daily Mail.” is Daily Mail",
                        KEY,
                        withSources(T1, source("t2", "“The  Daily Mail.”", OUTLET, FIRST_HAND, null), T3),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a mention below the threshold and no known name: missed; its link is wrong",
                        KEY,
                        withSources(T1, T2, source("t3", "officials", OFFICIAL, FIRST_HAND, null, span(17, 18))),
                        // recall 2/3, kind 1, origin 1; links 4 right of 5 and 5: F1 0.8
                        // 100 × (0.4 × 2/3 + 0.2 + 0.15 + 0.25 × 0.8) = 81.7
                        81.7,
                        List.of("s1=t1", "s2=t2"),
                        List.of("c3 WRONG_SOURCE", "c3 MISSED")),
                Arguments.of(
                        "two sources on the same key span: one-to-one, the smaller id wins a tie",
                        KEY,
                        answer(
                                List.of(
                                        source("t1", "man A", ANONYMOUS, RELAYED, "Daily Mail", span(10, 11)),
                                        source("t0", "man B", ANONYMOUS, RELAYED, "Daily Mail", span(10, 11)),
                                        T2,
                                        T3),
                                List.of(link("c1", "t0", "t2"), link("c2", "t1"), link("c3", "t3"), link("c4"))),
                        // sources all right; links: (c2, t1) is wrong since t1 matched nothing, and
                        // (c2, s1) is missed: 4 right of 5 and 5, F1 0.8: 40 + 20 + 15 + 20 = 95
                        95.0,
                        List.of("s1=t0", "s2=t2", "s3=t3"),
                        List.of("c2 WRONG_SOURCE", "c2 MISSED")),
                Arguments.of(
                        "a name and a mention beat a better mention alone",
                        KEY,
                        // "Daily Mail" pointed at "A source told the Daily Mail": Jaccard 1 with s1,
                        // 0.5 with s2 and the name of s2; "informant" at "A source told": 0.5 with s1
                        answer(
                                List.of(
                                        source("tA", "informant", PSEUDONYMOUS, RELAYED, "Daily Mail", span(0, 2)),
                                        source("tB", "Daily Mail", OUTLET, FIRST_HAND, null, span(0, 5)),
                                        T3),
                                List.of(link("c1", "tA", "tB"), link("c2", "tA"), link("c3", "t3"), link("c4"))),
                        100.0,
                        List.of("s1=tA", "s2=tB", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a source the student adds that the key lacks costs nothing",
                        KEY,
                        withSources(
                                T1, T2, T3, source("t4", "the weather", SourceKind.DOCUMENT, null, null, span(19, 20))),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a kind from also_accepted_kinds is right",
                        KEY,
                        withSources(source("t1", "a source", ANONYMOUS, RELAYED, "Daily Mail", span(0, 5)), T2, T3),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a kind the key does not accept: kind accuracy 2/3",
                        KEY,
                        withSources(
                                source("t1", "a source", SourceKind.NAMED_PERSON, RELAYED, "Daily Mail", span(0, 5)),
                                T2,
                                T3),
                        // 40 + 20 × 2/3 + 15 + 25 = 93.3
                        93.3,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "the relay outlet by one of its aliases is right",
                        KEY,
                        withSources(source("t1", "a source", PSEUDONYMOUS, RELAYED, "mailonline", span(0, 5)), T2, T3),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "relayed, but from another outlet: origin accuracy 2/3",
                        KEY,
                        withSources(source("t1", "a source", PSEUDONYMOUS, RELAYED, "The Sun", span(0, 5)), T2, T3),
                        // 40 + 20 + 15 × 2/3 + 25 = 95
                        95.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a relayed source called first-hand",
                        KEY,
                        withSources(source("t1", "a source", PSEUDONYMOUS, FIRST_HAND, null, span(0, 5)), T2, T3),
                        95.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a first-hand source called relayed",
                        KEY,
                        withSources(T1, source("t2", "Daily Mail", OUTLET, RELAYED, "Reuters", span(3, 5)), T3),
                        95.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "no kind and no origin given are wrong",
                        KEY,
                        withSources(T1, T2, source("t3", "ministry", null, null, null, span(15, 16))),
                        // 40 + 20 × 2/3 + 15 × 2/3 + 25 = 88.3
                        88.3,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "a claim linked to only one of its two sources",
                        KEY,
                        withLinks(link("c1", "t1"), link("c2", "t1"), link("c3", "t3"), link("c4")),
                        // links 4 right of 4 given and 5 in the key: F1 8/9; 75 + 25 × 8/9 = 97.2
                        97.2,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("c1 MISSED")),
                Arguments.of(
                        "a claim linked to a source the key does not link to it",
                        KEY,
                        withLinks(link("c1", "t1", "t2"), link("c2", "t1", "t2"), link("c3", "t3"), link("c4")),
                        // 5 right of 6 given and 5 in the key: F1 10/11; 75 + 22.7 = 97.7
                        97.7,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("c2 WRONG_SOURCE")),
                Arguments.of(
                        "\"no source given\" where the key links a source",
                        KEY,
                        withLinks(link("c1", "t1", "t2"), link("c2", "t1"), link("c3"), link("c4")),
                        // 4 right of 5 given and 5 in the key: F1 0.8; 75 + 20 = 95
                        95.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("c3 UNSOURCED_BUT_KEY_LINKS", "c3 MISSED")),
                Arguments.of(
                        "a source linked to a claim the key finds unsourced",
                        KEY,
                        withLinks(link("c1", "t1", "t2"), link("c2", "t1"), link("c3", "t3"), link("c4", "t3")),
                        // 4 right of 5 and 5: F1 0.8; 75 + 20 = 95
                        95.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("c4 LINKED_BUT_KEY_UNSOURCED", "c4 MISSED")),
                Arguments.of(
                        "an unsourced claim left alone is missed, not right",
                        KEY,
                        withLinks(link("c1", "t1", "t2"), link("c2", "t1"), link("c3", "t3")),
                        97.2,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("c4 MISSED")),
                Arguments.of(
                        "an empty answer scores 0",
                        KEY,
                        answer(List.of(), List.of()),
                        0.0,
                        List.of(),
                        List.of("c1 MISSED", "c1 MISSED", "c2 MISSED", "c3 MISSED", "c4 MISSED")),
                Arguments.of(
                        "no key sources: only the links count, and \"no source given\" everywhere is right",
                        new Key(List.of(), List.of(new KeyLink("c1", Set.of()), new KeyLink("c4", Set.of()))),
                        new Answer(
                                List.of(), List.of(link("c1"), link("c4")), ClaimMapping.identity(List.of("c1", "c4"))),
                        100.0,
                        List.of(),
                        List.of()),
                Arguments.of(
                        "no key sources: a source linked anyway halves the links F1",
                        new Key(List.of(), List.of(new KeyLink("c1", Set.of()), new KeyLink("c4", Set.of()))),
                        new Answer(
                                List.of(T3),
                                List.of(link("c1", "t3"), link("c4")),
                                ClaimMapping.identity(List.of("c1", "c4"))),
                        // 1 right of 2 and 2: F1 0.5
                        50.0,
                        List.of(),
                        List.of("c1 LINKED_BUT_KEY_UNSOURCED", "c1 MISSED")),
                Arguments.of(
                        "in a lesson only the claims found in step 1 are in scope; an extra mark's link is not scored",
                        KEY,
                        new Answer(
                                List.of(T1, T2, T3),
                                List.of(link("m1", "t1", "t2"), link("m7", "t3"), link("m9", "t3")),
                                new ClaimMapping(Map.of("m1", "c1", "m7", "c3"))),
                        100.0,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of("null NOT_SCORED")),
                Arguments.of(
                        "no link in scope on either side: the links are left out and the rest scaled up",
                        KEY,
                        new Answer(
                                List.of(
                                        source(
                                                "t1",
                                                "a source",
                                                SourceKind.NAMED_PERSON,
                                                RELAYED,
                                                "Daily Mail",
                                                span(0, 5)),
                                        T2,
                                        T3),
                                List.of(),
                                new ClaimMapping(Map.of())),
                        // (40 + 20 × 2/3 + 15) ÷ 0.75 = 91.1
                        91.1,
                        List.of("s1=t1", "s2=t2", "s3=t3"),
                        List.of()),
                Arguments.of(
                        "nothing to measure at all scores 0",
                        new Key(List.of(), List.of(new KeyLink("c1", Set.of()))),
                        new Answer(List.of(T3), List.of(), new ClaimMapping(Map.of())),
                        0.0,
                        List.of(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scores_follow_the_rules(
            String rule, Key key, Answer answer, double expected, List<String> pairs, List<String> notRight) {
        Result result = SourceScoring.score(TOKENS, key, answer, 0.5);
        assertThat(result.score()).isEqualTo(expected);
        assertThat(result.matches())
                .extracting(m -> m.keySourceId() + "=" + m.studentSourceId())
                .containsExactlyElementsOf(pairs);
        assertThat(result.links())
                .filteredOn(l -> l.verdict() != LinkVerdict.RIGHT)
                .extracting(l -> l.keyClaimId() + " " + l.verdict())
                .containsExactlyElementsOf(notRight);
    }

    @Test
    void matches_say_how_they_matched_and_what_was_wrong() {
        Result result = SourceScoring.score(
                TOKENS,
                KEY,
                withSources(
                        source("t1", "Khaled", PSEUDONYMOUS, FIRST_HAND, null),
                        source("t2", "Daily Mail", SourceKind.DOCUMENT, FIRST_HAND, null, span(3, 5)),
                        source("t3", "someone", OFFICIAL, RELAYED, "The Sun", span(15, 17)),
                        source("t4", "the weather", null, null, null, span(19, 20))),
                0.5);
        assertThat(result.matches())
                .extracting(SourceMatch::matchedBy, SourceMatch::jaccard, SourceMatch::origin)
                .containsExactly(
                        tuple(MatchedBy.NAME, 0.0, OriginVerdict.FIRST_HAND_BUT_RELAYED),
                        tuple(MatchedBy.MENTION_AND_NAME, 1.0, OriginVerdict.RIGHT),
                        tuple(MatchedBy.MENTION, 1.0, OriginVerdict.RELAYED_BUT_FIRST_HAND));
        assertThat(result.wrongKind()).extracting(SourceMatch::keySourceId).containsExactly("s2");
        assertThat(result.wrongOrigin()).extracting(SourceMatch::keySourceId).containsExactly("s1", "s3");
        assertThat(result.missedSources()).isEmpty();
        assertThat(result.extraSources()).containsExactly("t4");
        assertThat(result.sourceRecall()).isEqualTo(1.0);
        assertThat(result.kindAccuracy()).isEqualTo(2.0 / 3);
        assertThat(result.originAccuracy()).isEqualTo(1.0 / 3);
        assertThat(result.linkF1()).isEqualTo(1.0);
        // 40 + 13.33 + 5 + 25
        assertThat(result.score()).isEqualTo(83.3);
    }

    @Test
    void link_outcomes_name_both_sides_of_a_miss() {
        Result result = SourceScoring.score(
                TOKENS,
                KEY,
                new Answer(
                        List.of(T1, T2, T3),
                        List.of(link("m1", "t1"), link("m3")),
                        new ClaimMapping(Map.of("m1", "c1", "m3", "c3"))),
                0.5);
        assertThat(result.links())
                .containsExactly(
                        new LinkOutcome("c1", "m1", "t1", "s1", LinkVerdict.RIGHT),
                        new LinkOutcome("c1", "m1", "t2", "s2", LinkVerdict.MISSED),
                        new LinkOutcome("c3", "m3", null, null, LinkVerdict.UNSOURCED_BUT_KEY_LINKS),
                        new LinkOutcome("c3", "m3", "t3", "s3", LinkVerdict.MISSED));
        // 1 right of 2 given and 3 in scope: precision 1/2, recall 1/3, F1 2/5
        assertThat(result.linkPrecision()).isEqualTo(0.5);
        assertThat(result.linkRecall()).isEqualTo(1.0 / 3);
        assertThat(result.linkF1()).isEqualTo(0.4);
        assertThat(result.score()).isEqualTo(85.0);
    }

    @Test
    void claims_scoring_matches_become_the_claim_mapping() {
        Scoring.Result claims = new Scoring.Result(
                80,
                1,
                1,
                List.of(new Scoring.Match("c1", "m1", 1, true), new Scoring.Match("c3", "m3", 0.6, false)),
                List.of(),
                List.of("m9"));
        assertThat(ClaimMapping.fromClaims(claims).keyClaimOf()).isEqualTo(Map.of("m1", "c1", "m3", "c3"));
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "The Daily Mail|daily mail",
                "the Daily Mail|daily mail",
                "  daily\u00A0  MAIL |daily mail",
                "“The Daily Mail”|daily mail",
                "\"Daily Mail.\"|daily mail",
                "‘Khaled’|khaled",
                "the other man|other man",
                "Theresa|theresa",
                "The|the",
                "“…”|''"
            })
    void names_are_normalised(String name, String normalised) {
        assertThat(SourceScoring.normaliseName(name)).isEqualTo(normalised);
    }

    @Test
    void bad_input_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SourceScoring.score(TOKENS, KEY, withSources(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> SourceScoring.score(TOKENS, KEY, withSources(), 1.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceScoring.score(TOKENS, KEY, withLinks(link("c1", "nobody")), 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceScoring.score(TOKENS, KEY, withSources(T1, T1), 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySource("s9", "x", List.of(), Set.of(OUTLET), RELAYED, null, List.of()));
        List<KeyLink> links = new ArrayList<>(KEY.links());
        links.add(new KeyLink("c9", Set.of("s9")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceScoring.score(TOKENS, new Key(KEY.sources(), links), withSources(), 0.5));
    }

    @Test
    void the_weights_sum_to_one_and_the_rules_have_a_version() {
        assertThat(SourceScoring.RECALL_WEIGHT
                        + SourceScoring.KIND_WEIGHT
                        + SourceScoring.ORIGIN_WEIGHT
                        + SourceScoring.LINKS_WEIGHT)
                .isCloseTo(1.0, offset(1e-12));
        assertThat(SourceScoring.RULES_VERSION).isEqualTo("1");
    }
}
