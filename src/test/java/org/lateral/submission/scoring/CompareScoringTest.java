package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.base.text.Tokens;
import org.lateral.submission.scoring.CompareScoring.Answer;
import org.lateral.submission.scoring.CompareScoring.ArticleResult;
import org.lateral.submission.scoring.CompareScoring.Carriage;
import org.lateral.submission.scoring.CompareScoring.CoreClaim;
import org.lateral.submission.scoring.CompareScoring.Count;
import org.lateral.submission.scoring.CompareScoring.Framing;
import org.lateral.submission.scoring.CompareScoring.Key;
import org.lateral.submission.scoring.CompareScoring.KeyArticle;
import org.lateral.submission.scoring.CompareScoring.KeyCell;
import org.lateral.submission.scoring.CompareScoring.KeySpan;
import org.lateral.submission.scoring.CompareScoring.Reporting;
import org.lateral.submission.scoring.CompareScoring.Result;
import org.lateral.submission.scoring.CompareScoring.StudentArticle;
import org.lateral.submission.scoring.CompareScoring.StudentCell;
import org.lateral.submission.scoring.CompareScoring.Verdict;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Outlet;

/**
 * The compare-outlets scoring rules, version 1 (DD014), rule by rule and edge case by edge case
 * on a small text. The worked examples of DD014 and the manual are scored against the shipped
 * Defectors key in {@link DefectorsCompareScoringTest}.
 */
class CompareScoringTest {

    // Token indices: Reportedly0 the1 chief2 fled3. He4 may5 have6 gone7 north8, perhaps9 to10
    // the11 coast12. A13 devastating14 massacre15 shocked16 the17 city18.
    static final String TEXT =
            "Reportedly the chief fled. He may have gone north, perhaps to the coast. A devastating massacre shocked the city.";
    static final int[] WORDS = Tokens.words(TEXT);
    /** Both test articles share the text: only their keys differ. */
    static final Map<String, int[]> TOKENS = Map.of("a1", WORDS, "a2", WORDS);

    static Span span(int from, int to) {
        return new Span(WORDS[2 * from], WORDS[2 * to + 1]);
    }

    static final Outlet DAILY_MAIL = new Outlet("The Daily Mail", List.of("Daily Mail", "MailOnline"));

    /**
     * a1: hedged headline, 1 named source, 1 or 2 anonymous, hedges "Reportedly", "may have",
     * "perhaps", loaded "devastating massacre", a relay of The Daily Mail.
     */
    static final KeyArticle A1 = new KeyArticle(
            "a1",
            Framing.HEDGED,
            Set.of(),
            Count.exactly(1),
            Count.between(1, 2),
            List.of(KeySpan.of(span(0, 0)), KeySpan.of(span(5, 6)), KeySpan.of(span(9, 9))),
            List.of(KeySpan.of(span(14, 15))),
            Reporting.RELAY,
            Set.of(),
            List.of(DAILY_MAIL));

    /** a2: neutral, no sources, no hedges, no loaded words, original reporting. */
    static final KeyArticle A2 = new KeyArticle(
            "a2",
            Framing.NEUTRAL,
            Set.of(),
            Count.exactly(0),
            Count.exactly(0),
            List.of(),
            List.of(),
            Reporting.ORIGINAL,
            Set.of(),
            List.of());

    /** The grid a student fills in; starts as the key's own answer for a1. */
    static final class Grid {
        String article = "a1";

        @Nullable
        Framing framing = Framing.HEDGED;

        @Nullable
        Integer named = 1;

        @Nullable
        Integer anonymous = 1;

        List<Span> hedges = List.of(span(0, 0), span(5, 6), span(9, 9));
        List<Span> loaded = List.of(span(14, 15));

        @Nullable
        Reporting reporting = Reporting.RELAY;

        List<String> relayedFrom = List.of("The Daily Mail");

        StudentArticle build() {
            return new StudentArticle(article, framing, named, anonymous, hedges, loaded, reporting, relayedFrom);
        }
    }

    static StudentArticle a1(Consumer<Grid> change) {
        Grid grid = new Grid();
        change.accept(grid);
        return grid.build();
    }

    /** The key's own answer for a2, then changed. */
    static StudentArticle a2(Consumer<Grid> change) {
        Grid g = new Grid();
        g.article = "a2";
        g.framing = Framing.NEUTRAL;
        g.named = 0;
        g.anonymous = 0;
        g.hedges = List.of();
        g.loaded = List.of();
        g.reporting = Reporting.ORIGINAL;
        g.relayedFrom = List.of();
        change.accept(g);
        return g.build();
    }

    /** a1's key with one thing changed, as a teacher's accepted alternative would change it. */
    static final class KeyGrid {
        Set<Framing> alsoFramings = A1.alsoAcceptedFramings();
        List<KeySpan> hedges = A1.hedges();
        Set<Reporting> alsoReporting = A1.alsoAcceptedReporting();
        List<Outlet> relayedFrom = A1.relayedFrom();

        KeyArticle build() {
            return new KeyArticle(
                    A1.article(),
                    A1.framing(),
                    alsoFramings,
                    A1.named(),
                    A1.anonymous(),
                    hedges,
                    A1.loadedWords(),
                    A1.reporting(),
                    alsoReporting,
                    relayedFrom);
        }
    }

    static KeyArticle a1Key(Consumer<KeyGrid> change) {
        KeyGrid key = new KeyGrid();
        change.accept(key);
        return key.build();
    }

    static Key gridOnly(KeyArticle... articles) {
        return new Key(List.of(articles), List.of(), 3);
    }

    /** One article in scope, no core claims, no judgement yet: the score is 100 × its grid score. */
    static Result scoreOne(KeyArticle key, StudentArticle answer, double threshold) {
        return CompareScoring.score(
                TOKENS, gridOnly(key), List.of(key.article()), new Answer(List.of(answer), List.of(), null), threshold);
    }

    static Stream<Arguments> gridCases() {
        return Stream.of(
                Arguments.of("the key's own answer scores 100", A1, a1(g -> {}), 0.5, 100.0, "RIGHT RIGHT RIGHT RIGHT"),
                // framing (0.15)
                Arguments.of(
                        "a framing the key does not accept",
                        A1,
                        a1(g -> g.framing = Framing.SENSATIONAL),
                        0.5,
                        85.0,
                        "WRONG RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "a framing the key also accepts is right",
                        a1Key(k -> k.alsoFramings = Set.of(Framing.SENSATIONAL)),
                        a1(g -> g.framing = Framing.SENSATIONAL),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "no framing given is wrong",
                        A1,
                        a1(g -> g.framing = null),
                        0.5,
                        85.0,
                        "NOT_GIVEN RIGHT RIGHT RIGHT"),
                // counts (0.10 each), within ±1 of the key's count or range
                Arguments.of(
                        "one more named source than the key's exact count is right",
                        A1,
                        a1(g -> g.named = 2),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "one fewer is right too: 0 for 1",
                        A1,
                        a1(g -> g.named = 0),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of("two more is wrong", A1, a1(g -> g.named = 3), 0.5, 90.0, "RIGHT WRONG RIGHT RIGHT"),
                Arguments.of(
                        "a range widens by one at each end: 3 for {1, 2} is right",
                        A1,
                        a1(g -> g.anonymous = 3),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "and 0 for {1, 2} is right",
                        A1,
                        a1(g -> g.anonymous = 0),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "4 for {1, 2} is wrong", A1, a1(g -> g.anonymous = 4), 0.5, 90.0, "RIGHT RIGHT WRONG RIGHT"),
                Arguments.of(
                        "counts left empty are wrong",
                        A1,
                        a1(g -> {
                            g.named = null;
                            g.anonymous = null;
                        }),
                        0.5,
                        80.0,
                        "RIGHT NOT_GIVEN NOT_GIVEN RIGHT"),
                // reporting (0.15) and relayed from (0.10)
                Arguments.of(
                        "mixed for a relay is wrong",
                        A1,
                        a1(g -> g.reporting = Reporting.MIXED),
                        0.5,
                        85.0,
                        "RIGHT RIGHT RIGHT WRONG"),
                Arguments.of(
                        "a reporting the key also accepts is right",
                        a1Key(k -> k.alsoReporting = Set.of(Reporting.MIXED)),
                        a1(g -> g.reporting = Reporting.MIXED),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an outlet by one of its aliases, normalised",
                        A1,
                        a1(g -> g.relayedFrom = List.of(" mailonline ")),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "two names of one outlet count once",
                        A1,
                        a1(g -> g.relayedFrom = List.of("“The Daily Mail.”", "Daily Mail")),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "a relay from no outlet named: relayed-from F1 0",
                        A1,
                        a1(g -> g.relayedFrom = List.of()),
                        0.5,
                        90.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an outlet the key does not list beside the right one: F1 2/3",
                        A1,
                        a1(g -> g.relayedFrom = List.of("Daily Mail", "The Sun")),
                        0.5,
                        // 90 + 10 × 2 × 1 ÷ (2 + 1)
                        96.7,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "outlets without a reporting category earn nothing",
                        A1,
                        a1(g -> g.reporting = null),
                        0.5,
                        75.0,
                        "RIGHT RIGHT RIGHT NOT_GIVEN"),
                // hedges and loaded words (0.20 each): F1 of the claims rule's matches
                Arguments.of(
                        "half the tokens of a key hedge is the threshold and matches: \"have\" for \"may have\"",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(6, 6), span(9, 9))),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "\"He may have gone north\" is 2 of 5 tokens: no match, and an extra pick",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(4, 8), span(9, 9))),
                        0.5,
                        // 2 matches of 3 picks and 3 key hedges: F1 2/3; 80 + 20 × 2/3
                        93.3,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an extra pick costs precision: F1 6/7",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(2, 2), span(5, 6), span(9, 9))),
                        0.5,
                        97.1,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "a missed hedge costs recall: F1 4/5",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(5, 6))),
                        0.5,
                        96.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "one-to-one: the same hedge picked twice matches once",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(5, 6), span(9, 9), span(9, 9))),
                        0.5,
                        97.1,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "a teacher's accepted alternative span: \"perhaps to the coast\" for \"perhaps\"",
                        a1Key(k -> k.hedges = (List.of(
                                KeySpan.of(span(0, 0)),
                                KeySpan.of(span(5, 6)),
                                new KeySpan(span(9, 9), List.of(span(9, 12)))))),
                        a1(g -> g.hedges = List.of(span(0, 0), span(5, 6), span(9, 12))),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "without it, \"perhaps to the coast\" is 1 of 4 tokens: missed, and an extra",
                        A1,
                        a1(g -> g.hedges = List.of(span(0, 0), span(5, 6), span(9, 12))),
                        0.5,
                        93.3,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "no loaded words picked: F1 0",
                        A1,
                        a1(g -> g.loaded = List.of()),
                        0.5,
                        80.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "\"devastating\" alone is half of \"devastating massacre\": a match at 0.5",
                        A1,
                        a1(g -> g.loaded = List.of(span(14, 14))),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "but not at the assignment's threshold 0.6",
                        A1,
                        a1(g -> g.loaded = List.of(span(14, 14))),
                        0.6,
                        80.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an untouched column scores 0",
                        A1,
                        StudentArticle.empty("a1"),
                        0.5,
                        0.0,
                        "NOT_GIVEN NOT_GIVEN NOT_GIVEN NOT_GIVEN"),
                // a key article with no hedges, no loaded words and no relay
                Arguments.of(
                        "no hedges or loaded words in the key and none picked: left out; relays none, agreed",
                        A2,
                        a2(g -> {}),
                        0.5,
                        100.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "a hedge picked where the key has none: hedges F1 0 over weights 0.8",
                        A2,
                        a2(g -> g.hedges = List.of(span(0, 0))),
                        0.5,
                        // 100 × 0.60 ÷ 0.80
                        75.0,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an outlet named where the key has none: relayed-from F1 0",
                        A2,
                        a2(g -> g.relayedFrom = List.of("Reuters")),
                        0.5,
                        // 100 × 0.50 ÷ 0.60
                        83.3,
                        "RIGHT RIGHT RIGHT RIGHT"),
                Arguments.of(
                        "an untouched column of that article scores 0 too, not the left-out items",
                        A2,
                        StudentArticle.empty("a2"),
                        0.5,
                        0.0,
                        "NOT_GIVEN NOT_GIVEN NOT_GIVEN NOT_GIVEN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gridCases")
    void grid(String name, KeyArticle key, StudentArticle answer, double threshold, double score, String verdicts) {
        Result result = scoreOne(key, answer, threshold);
        ArticleResult article = result.articles().getFirst();
        assertThat(result.score()).isEqualTo(score);
        assertThat(result.provisional()).isTrue();
        assertThat(result.matrixScored()).isFalse();
        assertThat(article.framing() + " " + article.named() + " " + article.anonymous() + " " + article.reporting())
                .isEqualTo(verdicts);
    }

    @Test
    void span_results_name_the_matches_the_missed_and_the_extras() {
        Result result = scoreOne(A1, a1(g -> g.hedges = List.of(span(2, 2), span(9, 9), span(0, 1))), 0.5);
        CompareScoring.SpanResult hedges = result.articles().getFirst().hedges();
        // "Reportedly the" is 1 of 2 tokens of "Reportedly": Jaccard 0.5, a match
        assertThat(hedges.matches())
                .extracting(m -> m.keyIndex() + "=" + m.pickIndex() + "@" + m.jaccard())
                .containsExactly("0=2@0.5", "2=1@1.0");
        assertThat(hedges.missed()).containsExactly(1);
        assertThat(hedges.extra()).containsExactly(0);
        assertThat(hedges.precision()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(hedges.recall()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(hedges.f1()).isCloseTo(2 / 3.0, offset(1e-9));
    }

    @Test
    void greedy_matching_gives_a_key_span_to_the_better_pick() {
        // "may have" (5–6): "may have" is Jaccard 1, "He may have" 2/3; the better one takes it and
        // the other, overlapping nothing else enough, is an extra.
        Result result = scoreOne(A1, a1(g -> g.hedges = List.of(span(4, 6), span(5, 6))), 0.5);
        assertThat(result.articles().getFirst().hedges().matches())
                .extracting(m -> m.keyIndex() + "=" + m.pickIndex())
                .containsExactly("1=1");
        assertThat(result.articles().getFirst().hedges().extra()).containsExactly(0);
    }

    @Test
    void relayed_from_names_what_was_found_missed_and_added() {
        KeyArticle three = a1Key(k -> k.relayedFrom = (List.of(
                new Outlet("Die Welt", List.of("Welt")),
                new Outlet("The Sunday Times", List.of("Sunday Times")),
                new Outlet("The Conversation", List.of()))));
        Result result = scoreOne(
                three, a1(g -> g.relayedFrom = List.of("welt", "The Conversation", "ISIS files", "isis files")), 0.5);
        CompareScoring.OutletResult relayed = result.articles().getFirst().relayedFrom();
        assertThat(relayed.found()).containsExactly("Die Welt", "The Conversation");
        assertThat(relayed.missed()).containsExactly("The Sunday Times");
        assertThat(relayed.extra()).containsExactly("ISIS files");
        // 2 found of 3 distinct picks and 3 key outlets
        assertThat(relayed.f1()).isCloseTo(2.0 * 2 / 6, offset(1e-9));
        assertThat(relayed.precision()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(relayed.recall()).isCloseTo(2 / 3.0, offset(1e-9));
    }

    // The matrix and the judgement, over both articles with perfect grids.

    static final CoreClaim K1 = new CoreClaim(
            "k1", Map.of("a1", KeyCell.of(Carriage.HEDGED, Carriage.ATTRIBUTED), "a2", KeyCell.of(Carriage.FACT)));
    static final CoreClaim K2 =
            new CoreClaim("k2", Map.of("a1", KeyCell.of(Carriage.ATTRIBUTED), "a2", KeyCell.of(Carriage.ABSENT)));
    static final List<StudentArticle> PERFECT_GRIDS = List.of(a1(g -> {}), a2(g -> {}));

    static StudentCell cell(String claim, String article, @Nullable Carriage carriage) {
        return new StudentCell(claim, article, carriage);
    }

    static final List<StudentCell> PERFECT_CELLS = List.of(
            cell("k1", "a1", Carriage.HEDGED),
            cell("k1", "a2", Carriage.FACT),
            cell("k2", "a1", Carriage.ATTRIBUTED),
            cell("k2", "a2", Carriage.ABSENT));

    static List<StudentCell> cellsWith(StudentCell changed) {
        List<StudentCell> cells = new ArrayList<>(PERFECT_CELLS);
        cells.replaceAll(
                c -> c.claimId().equals(changed.claimId()) && c.article().equals(changed.article()) ? changed : c);
        return cells;
    }

    static Stream<Arguments> matrixCases() {
        Key key = new Key(List.of(A1, A2), List.of(K1, K2), 3);
        Key noClaims = new Key(List.of(A1, A2), List.of(), 3);
        Key fourLevels = new Key(List.of(A1, A2), List.of(K1, K2), 4);
        List<String> both = List.of("a1", "a2");
        return Stream.of(
                Arguments.of(
                        "everything right, judgement at the top level",
                        key,
                        both,
                        PERFECT_CELLS,
                        3,
                        100.0,
                        false,
                        "RRRR"),
                Arguments.of(
                        "a carriage the key also accepts is right",
                        key,
                        both,
                        cellsWith(cell("k1", "a1", Carriage.ATTRIBUTED)),
                        3,
                        100.0,
                        false,
                        "RRRR"),
                Arguments.of(
                        "a wrong cell: matrix 3/4",
                        key,
                        both,
                        cellsWith(cell("k2", "a2", Carriage.FACT)),
                        3,
                        // 100 × (0.5 + 0.3 × 0.75 + 0.2)
                        92.5,
                        false,
                        "RRRW"),
                Arguments.of(
                        "a cell left empty counts wrong",
                        key,
                        both,
                        cellsWith(cell("k2", "a2", null)),
                        3,
                        92.5,
                        false,
                        "RRRN"),
                Arguments.of(
                        "a cell never saved counts wrong the same way",
                        key,
                        both,
                        PERFECT_CELLS.subList(0, 3),
                        3,
                        92.5,
                        false,
                        "RRRN"),
                Arguments.of("judgement level 0", key, both, PERFECT_CELLS, 0, 80.0, false, "RRRR"),
                Arguments.of("level 2 of 4", fourLevels, both, PERFECT_CELLS, 2, 90.0, false, "RRRR"),
                Arguments.of(
                        "not graded yet: provisional, the other weights scaled to 1",
                        key,
                        both,
                        cellsWith(cell("k2", "a2", Carriage.FACT)),
                        null,
                        // 100 × (0.5 + 0.225) ÷ 0.8 = 90.625
                        90.6,
                        true,
                        "RRRW"),
                Arguments.of("no core claims: the matrix is left out", noClaims, both, List.of(), 0, 71.4, false, ""),
                Arguments.of(
                        "only the lesson's articles are in scope: a2's cells are ignored",
                        key,
                        List.of("a1"),
                        cellsWith(cell("k2", "a2", Carriage.FACT)),
                        3,
                        100.0,
                        false,
                        "RR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrixCases")
    void matrix_and_judgement(
            String name,
            Key key,
            List<String> articles,
            List<StudentCell> cells,
            @Nullable Integer level,
            double score,
            boolean provisional,
            String verdicts) {
        Result result = CompareScoring.score(TOKENS, key, articles, new Answer(PERFECT_GRIDS, cells, level), 0.5);
        assertThat(result.score()).isEqualTo(score);
        assertThat(result.provisional()).isEqualTo(provisional);
        assertThat(result.cells().stream()
                        .map(c -> c.verdict().name().substring(0, 1))
                        .reduce("", String::concat))
                .isEqualTo(verdicts);
        assertThat(result.articles()).extracting(ArticleResult::article).containsExactlyElementsOf(articles);
    }

    @Test
    void the_grid_is_the_plain_mean_of_the_articles() {
        Result result = CompareScoring.score(
                TOKENS,
                new Key(List.of(A1, A2), List.of(K1, K2), 3),
                List.of("a1", "a2"),
                new Answer(List.of(a1(g -> {})), PERFECT_CELLS, 3),
                0.5);
        // a2 untouched: grid (1 + 0) ÷ 2; 100 × (0.5 × 0.5 + 0.3 + 0.2)
        assertThat(result.grid()).isEqualTo(0.5);
        assertThat(result.score()).isEqualTo(75.0);
        assertThat(result.judgement()).isEqualTo(1.0);
        assertThat(result.cells(Verdict.RIGHT)).hasSize(4);
    }

    @Test
    void cells_come_by_core_claim_in_key_order_then_article_in_scope_order() {
        Result result = CompareScoring.score(
                TOKENS,
                new Key(List.of(A1, A2), List.of(K2, K1), 3),
                List.of("a2", "a1"),
                new Answer(PERFECT_GRIDS, PERFECT_CELLS, null),
                0.5);
        assertThat(result.cells())
                .extracting(c -> c.claimId() + "×" + c.article() + "=" + c.key() + "/" + c.given())
                .containsExactly(
                        "k2×a2=ABSENT/ABSENT", "k2×a1=ATTRIBUTED/ATTRIBUTED", "k1×a2=FACT/FACT", "k1×a1=HEDGED/HEDGED");
    }

    @Test
    void bad_input_is_refused() {
        Key key = new Key(List.of(A1, A2), List.of(K1), 3);
        Answer fine = new Answer(PERFECT_GRIDS, List.of(), null);
        List<String> both = List.of("a1", "a2");
        assertThatIllegalArgumentException().isThrownBy(() -> CompareScoring.score(TOKENS, key, both, fine, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> CompareScoring.score(TOKENS, key, both, fine, 1.01));
        assertThatIllegalArgumentException().isThrownBy(() -> CompareScoring.score(TOKENS, key, List.of(), fine, 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(TOKENS, key, List.of("a1", "a1"), fine, 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(TOKENS, key, List.of("a3"), fine, 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(Map.of("a1", WORDS), key, both, fine, 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> CompareScoring.score(TOKENS, key, both, new Answer(PERFECT_GRIDS, List.of(), 4), 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> CompareScoring.score(TOKENS, key, both, new Answer(PERFECT_GRIDS, List.of(), -1), 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(
                        TOKENS, key, both, new Answer(List.of(a1(g -> {}), a1(g -> {})), List.of(), null), 0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(
                        TOKENS,
                        key,
                        both,
                        new Answer(
                                PERFECT_GRIDS, List.of(cell("k1", "a1", null), cell("k1", "a1", Carriage.FACT)), null),
                        0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(
                        TOKENS,
                        key,
                        both,
                        new Answer(PERFECT_GRIDS, List.of(cell("k9", "a1", Carriage.FACT)), null),
                        0.5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareScoring.score(
                        TOKENS,
                        new Key(
                                List.of(A1, A2),
                                List.of(new CoreClaim("k1", Map.of("a1", KeyCell.of(Carriage.FACT)))),
                                3),
                        both,
                        fine,
                        0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Key(List.of(A1), List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Count.between(2, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Count.exactly(-1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentArticle("a1", null, -1, null, List.of(), List.of(), null, List.of()));
    }
}
