package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
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
 * The compare rules (version 1) on the shipped Defectors comparison key, as the pack gives it:
 * the key's own answer scores 100 for any choice of articles, and a hedge the pack lists is found
 * wherever it occurs, and the worked examples of DD014 and the manual come out as printed there.
 * What the lessons code will do with a stored key, done here from the pack.
 */
class DefectorsCompareScoringTest {

    static final SeedPack PACK = SeedPackReader.read(PackFiles.directory(Path.of("seeds/defectors")));
    static final Map<String, String> TEXTS = new LinkedHashMap<>();
    static final Map<String, int[]> TOKENS = new HashMap<>();

    static {
        for (SeedPack.Article a : PACK.articles()) {
            TEXTS.put(a.slug(), a.canonicalText());
            TOKENS.put(a.slug(), Tokens.words(a.canonicalText()));
        }
    }

    static final Key KEY = key(PACK.comparison());

    /** Every occurrence of a listed word in the article: the first is the key's, the others alternatives. */
    static KeySpan spans(String text, String words) {
        List<Span> all = new ArrayList<>();
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            all.add(new Span(at, at + words.length()));
        }
        assertThat(all).as("'" + words + "' is in the article").isNotEmpty();
        return new KeySpan(all.getFirst(), all.subList(1, all.size()));
    }

    static Count count(SeedPack.SourceCount c) {
        return c.max() == null ? Count.exactly(c.min()) : Count.between(c.min(), c.max());
    }

    static Key key(SeedPack.Comparison comparison) {
        List<KeyArticle> articles = comparison.entries().stream()
                .map(e -> {
                    String text = TEXTS.get(e.articleSlug());
                    Set<Framing> also = EnumSet.noneOf(Framing.class);
                    e.framingAlsoAccepted().forEach(f -> also.add(Framing.valueOf(f.name())));
                    return new KeyArticle(
                            e.articleSlug(),
                            Framing.valueOf(e.framing().name()),
                            also,
                            count(e.namedSources()),
                            count(e.anonymousSources()),
                            e.hedges().stream().map(h -> spans(text, h)).toList(),
                            e.loadedWords().stream().map(w -> spans(text, w)).toList(),
                            Reporting.valueOf(e.reporting().name()),
                            Set.of(),
                            e.relayedFrom().stream()
                                    .map(o -> FriskySourceScoringTest.outlet(o, PACK.citedOutlets()))
                                    .toList());
                })
                .toList();
        List<CoreClaim> claims = comparison.coreClaims().stream()
                .map(c -> {
                    Map<String, KeyCell> cells = new LinkedHashMap<>();
                    for (SeedPack.CarriedBy cell : c.carriedBy()) {
                        Set<Carriage> also = EnumSet.noneOf(Carriage.class);
                        cell.alsoAccepted().forEach(a -> also.add(Carriage.valueOf(a.name())));
                        cells.put(
                                cell.articleSlug(),
                                new KeyCell(Carriage.valueOf(cell.how().name()), also));
                    }
                    return new CoreClaim(c.id(), cells);
                })
                .toList();
        return new Key(articles, claims, comparison.rubric().getLast().level());
    }

    /** The key's own answer for these articles, with the top rubric level. */
    static Answer keyAnswer(List<String> articles) {
        List<StudentArticle> grids = KEY.articles().stream()
                .filter(a -> articles.contains(a.article()))
                .map(a -> new StudentArticle(
                        a.article(),
                        a.framing(),
                        a.named().min(),
                        a.anonymous().max(),
                        a.hedges().stream().map(KeySpan::span).toList(),
                        a.loadedWords().stream().map(KeySpan::span).toList(),
                        a.reporting(),
                        a.relayedFrom().stream()
                                .map(Outlet::name)
                                .map(n -> n.toUpperCase(Locale.ROOT))
                                .toList()))
                .toList();
        List<StudentCell> cells = new ArrayList<>();
        for (CoreClaim c : KEY.coreClaims()) {
            for (String article : articles) {
                cells.add(
                        new StudentCell(c.id(), article, c.cells().get(article).carriage()));
            }
        }
        return new Answer(grids, cells, KEY.rubricMaxLevel());
    }

    @Test
    void the_pack_gives_the_rules_a_complete_key() {
        assertThat(KEY.articles()).hasSize(5);
        assertThat(KEY.coreClaims()).hasSize(8);
        assertThat(KEY.coreClaims()).allSatisfy(c -> assertThat(c.cells()).hasSize(5));
        assertThat(KEY.rubricMaxLevel()).isEqualTo(3);
    }

    @Test
    void the_keys_own_answer_scores_100_for_the_whole_set_and_for_the_two_excerpts_of_one_interview() {
        List<String> all = List.copyOf(TEXTS.keySet());
        List<String> interview = List.of("002-isegoria", "003-war-in-context");
        for (List<String> articles : List.of(all, interview)) {
            Result result = CompareScoring.score(TOKENS, KEY, articles, keyAnswer(articles), 0.5);
            assertThat(result.score()).as(articles.toString()).isEqualTo(100.0);
            assertThat(result.provisional()).isFalse();
            assertThat(result.cells(CompareScoring.Verdict.WRONG)).isEmpty();
        }
    }

    @Test
    void a_hedge_picked_where_it_occurs_a_second_time_is_found() {
        // The Frisky uses "perhaps" twice; the pack lists it once.
        List<String> frisky = List.of("000-the-frisky");
        KeyArticle key = KEY.articles().getFirst();
        KeySpan perhaps = key.hedges().stream()
                .filter(h -> TEXTS.get("000-the-frisky")
                        .substring(h.span().start(), h.span().end())
                        .equals("perhaps"))
                .findFirst()
                .orElseThrow();
        assertThat(perhaps.alternatives()).hasSize(1);
        Answer base = keyAnswer(frisky);
        StudentArticle grid = base.articles().getFirst();
        List<Span> hedges = new ArrayList<>(grid.hedges());
        hedges.set(key.hedges().indexOf(perhaps), perhaps.alternatives().getFirst());
        Answer moved = new Answer(
                List.of(new StudentArticle(
                        grid.article(),
                        grid.framing(),
                        grid.named(),
                        grid.anonymous(),
                        hedges,
                        grid.loadedWords(),
                        grid.reporting(),
                        grid.relayedFrom())),
                base.cells(),
                base.judgementLevel());
        assertThat(CompareScoring.score(TOKENS, KEY, frisky, moved, 0.5).score())
                .isEqualTo(100.0);
    }

    // The worked examples of DD014 and of the manual ("Compare outlets"), scored against the key
    // exactly as the pack ships it: its framings and their alternatives, its counts, spans and
    // relays, its eight core claims with their accepted carriages, and its rubric.

    static final String ISEGORIA = "002-isegoria";
    static final String WAR_IN_CONTEXT = "003-war-in-context";
    static final String NEW_EASTERN_OUTLOOK = "004-new-eastern-outlook";
    static final List<String> TWO_BLOGS = List.of(ISEGORIA, WAR_IN_CONTEXT);

    /** A student's pick: the first place the words stand in the article. */
    static Span quote(String slug, String words) {
        int at = TEXTS.get(slug).indexOf(words);
        assertThat(at).as("'%s' is in %s", words, slug).isNotNegative();
        return new Span(at, at + words.length());
    }

    static List<Span> quotes(String slug, String... words) {
        return Arrays.stream(words).map(w -> quote(slug, w)).toList();
    }

    static StudentCell cell(String claimId, String article, @Nullable Carriage carriage) {
        return new StudentCell(claimId, article, carriage);
    }

    /**
     * The student of the worked example. Isegoria: neutral (the key's also-accepted framing), 1
     * named, 1 anonymous, relay from "Daily Beast"; three of the five hedges and one attribution
     * ("he says"); three loaded words and "messianic victory", 2 of the 5 tokens of "black flag
     * of messianic victory" (Jaccard 0.4: no match). War in Context: hedged (the key accepts
     * sensational or neutral), 1 named for 2, 1 anonymous, relay from "The Daily Beast" and
     * "Michael Weiss" (a writer, not an outlet); the three hedges and "He said he was joking" (an
     * attribution); four of the seven loaded words. The matrix: twelve cells right (two of them
     * by the key's also-accepted carriages), three wrong, one left empty. The judgement: level 2.
     */
    static final Answer STUDENT = new Answer(
            List.of(
                    new StudentArticle(
                            ISEGORIA,
                            Framing.NEUTRAL,
                            1,
                            1,
                            quotes(
                                    ISEGORIA,
                                    "at least as far as Abu Khaled characterizes it",
                                    "claimed not to know",
                                    "fairly certain",
                                    "he says"),
                            quotes(
                                    ISEGORIA,
                                    "aura of invincibility",
                                    "slaughter",
                                    "cannon fodder",
                                    "messianic victory"),
                            Reporting.RELAY,
                            List.of("Daily Beast")),
                    new StudentArticle(
                            WAR_IN_CONTEXT,
                            Framing.HEDGED,
                            1,
                            1,
                            quotes(
                                    WAR_IN_CONTEXT,
                                    "if he were telling the truth",
                                    "I might trust him",
                                    "But not that much",
                                    "He said he was joking"),
                            quotes(
                                    WAR_IN_CONTEXT,
                                    "marked man",
                                    "kidnap and decapitation capital of the world",
                                    "totalitarian cult",
                                    "ultra-violence"),
                            Reporting.RELAY,
                            List.of("The Daily Beast", "Michael Weiss"))),
            List.of(
                    cell("k01", ISEGORIA, Carriage.FACT),
                    cell("k01", WAR_IN_CONTEXT, Carriage.ATTRIBUTED),
                    cell("k02", ISEGORIA, Carriage.ATTRIBUTED),
                    cell("k02", WAR_IN_CONTEXT, Carriage.FACT),
                    cell("k03", ISEGORIA, Carriage.HEDGED),
                    cell("k03", WAR_IN_CONTEXT, Carriage.ATTRIBUTED),
                    cell("k04", ISEGORIA, Carriage.ATTRIBUTED),
                    cell("k04", WAR_IN_CONTEXT, Carriage.FACT),
                    cell("k05", ISEGORIA, Carriage.FACT),
                    cell("k05", WAR_IN_CONTEXT, Carriage.ABSENT),
                    cell("k06", ISEGORIA, Carriage.ATTRIBUTED),
                    cell("k06", WAR_IN_CONTEXT, Carriage.HEDGED),
                    cell("k07", ISEGORIA, Carriage.HEDGED),
                    cell("k07", WAR_IN_CONTEXT, null),
                    cell("k08", ISEGORIA, Carriage.ATTRIBUTED),
                    cell("k08", WAR_IN_CONTEXT, Carriage.ABSENT)),
            2);

    static Answer ungraded(Answer answer) {
        return new Answer(answer.articles(), answer.cells(), null);
    }

    static String at(CompareScoring.CellResult cell) {
        return cell.claimId() + "×" + cell.article();
    }

    /**
     * Isegoria: 0.15 + 0.10 + 0.10 + 0.15 + 0.10 + 0.20 × 6/9 + 0.20 × 6/9 = 0.867. War in Context:
     * 0 + 0.10 + 0.10 + 0.15 + 0.10 × 2/3 + 0.20 × 6/7 + 0.20 × 8/11 = 0.734. Grid 0.800, matrix
     * 12/16, judgement 2/3: 100 × (0.5 × 0.800 + 0.3 × 0.75 + 0.2 × 0.667) = 75.8.
     */
    @Test
    void worked_example_a_student_compares_isegoria_and_war_in_context() {
        Result result = CompareScoring.score(TOKENS, KEY, TWO_BLOGS, STUDENT, Scoring.DEFAULT_THRESHOLD);

        ArticleResult isegoria = result.articles().get(0);
        // Neutral is not the key's framing but one it also accepts.
        assertThat(KEY.articles().get(2).article()).isEqualTo(ISEGORIA);
        assertThat(KEY.articles().get(2).framing()).isEqualTo(Framing.SENSATIONAL);
        assertThat(KEY.articles().get(2).alsoAcceptedFramings()).containsExactly(Framing.NEUTRAL);
        assertThat(List.of(isegoria.framing(), isegoria.named(), isegoria.anonymous(), isegoria.reporting()))
                .containsOnly(Verdict.RIGHT);
        assertThat(isegoria.relayedFrom().f1()).isEqualTo(1.0);
        assertThat(isegoria.hedges().f1()).isCloseTo(6 / 9.0, offset(1e-9));
        assertThat(isegoria.hedges().missed()).containsExactly(3, 4); // "one or both", "in some way"
        assertThat(isegoria.hedges().extra()).containsExactly(3); // "he says"
        assertThat(isegoria.loadedWords().f1()).isCloseTo(6 / 9.0, offset(1e-9));
        assertThat(isegoria.loadedWords().missed()).containsExactly(1, 4);
        assertThat(isegoria.loadedWords().extra()).containsExactly(3); // "messianic victory"
        assertThat(isegoria.score()).isCloseTo(0.867, offset(5e-4));

        ArticleResult war = result.articles().get(1);
        assertThat(war.framing()).isEqualTo(Verdict.WRONG); // hedged: the key accepts sensational or neutral
        assertThat(war.named()).isEqualTo(Verdict.RIGHT); // 1 for 2: within ±1
        assertThat(war.anonymous()).isEqualTo(Verdict.RIGHT);
        assertThat(war.reporting()).isEqualTo(Verdict.RIGHT);
        assertThat(war.relayedFrom().found()).containsExactly("The Daily Beast");
        assertThat(war.relayedFrom().extra()).containsExactly("Michael Weiss");
        assertThat(war.relayedFrom().f1()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(war.hedges().f1()).isCloseTo(6 / 7.0, offset(1e-9));
        assertThat(war.hedges().extra()).containsExactly(3); // "He said he was joking"
        assertThat(war.loadedWords().f1()).isCloseTo(8 / 11.0, offset(1e-9));
        assertThat(war.score()).isCloseTo(0.734, offset(5e-4));

        assertThat(result.grid()).isCloseTo(0.800, offset(5e-4));
        assertThat(result.cells()).hasSize(16);
        assertThat(result.cells(Verdict.RIGHT)).hasSize(12);
        assertThat(result.matrix()).isEqualTo(0.75);
        assertThat(result.cells(Verdict.WRONG))
                .extracting(DefectorsCompareScoringTest::at)
                .containsExactly("k02×" + WAR_IN_CONTEXT, "k06×" + WAR_IN_CONTEXT, "k08×" + ISEGORIA);
        assertThat(result.cells(Verdict.NOT_GIVEN))
                .extracting(DefectorsCompareScoringTest::at)
                .containsExactly("k07×" + WAR_IN_CONTEXT);
        // Two cells are right by the key's also-accepted carriages, not its own.
        assertThat(result.cells(Verdict.RIGHT).stream().filter(c -> c.given() != c.key()))
                .extracting(DefectorsCompareScoringTest::at)
                .containsExactly("k02×" + ISEGORIA, "k03×" + WAR_IN_CONTEXT);
        assertThat(result.judgement()).isCloseTo(0.667, offset(5e-4));
        assertThat(result.provisional()).isFalse();
        assertThat(result.score()).isEqualTo(75.8);
    }

    /** Before the teacher grades the judgement: 100 × (0.5 × 0.800 + 0.3 × 0.75) ÷ 0.8 = 78.1. */
    @Test
    void worked_example_before_the_judgement_is_graded() {
        Result result = CompareScoring.score(TOKENS, KEY, TWO_BLOGS, ungraded(STUDENT), Scoring.DEFAULT_THRESHOLD);
        assertThat(result.provisional()).isTrue();
        assertThat(result.judgementLevel()).isNull();
        assertThat(result.score()).isEqualTo(78.1);
    }

    /** The key with one more accepted carriage for one cell, as a teacher's amendment folds it in. */
    static Key acceptingCarriage(String claimId, String article, Carriage carriage) {
        List<CoreClaim> claims = KEY.coreClaims().stream()
                .map(c -> {
                    if (!c.id().equals(claimId)) {
                        return c;
                    }
                    Map<String, KeyCell> cells = new HashMap<>(c.cells());
                    KeyCell cell = cells.get(article);
                    Set<Carriage> also = EnumSet.of(carriage);
                    also.addAll(cell.alsoAccepted());
                    cells.put(article, new KeyCell(cell.carriage(), also));
                    return new CoreClaim(c.id(), cells);
                })
                .toList();
        return new Key(KEY.articles(), claims, KEY.rubricMaxLevel());
    }

    /**
     * The teacher accepts "fact" for k02 (fighters from abroad are leaving ISIS) in War in
     * Context: its recruits "had already traveled back to their home countries", and for the same
     * kind of sentence in Isegoria the key gives fact. The cell turns right: matrix 13/16 = 0.8125,
     * score 100 × (0.400 + 0.244 + 0.133) = 77.7 (provisional 80.5).
     */
    @Test
    void worked_example_the_teacher_accepts_another_carriage_for_a_cell() {
        assertThat(KEY.coreClaims().get(1).cells().get(WAR_IN_CONTEXT).accepts(Carriage.FACT))
                .as("the shipped key does not accept it already")
                .isFalse();
        Key amended = acceptingCarriage("k02", WAR_IN_CONTEXT, Carriage.FACT);
        Result result = CompareScoring.score(TOKENS, amended, TWO_BLOGS, STUDENT, Scoring.DEFAULT_THRESHOLD);
        assertThat(result.cells(Verdict.WRONG))
                .extracting(DefectorsCompareScoringTest::at)
                .containsExactly("k06×" + WAR_IN_CONTEXT, "k08×" + ISEGORIA);
        assertThat(result.matrix()).isEqualTo(13 / 16.0);
        assertThat(result.grid()).isCloseTo(0.800, offset(5e-4));
        assertThat(result.score()).isEqualTo(77.7);
        assertThat(CompareScoring.score(TOKENS, amended, TWO_BLOGS, ungraded(STUDENT), Scoring.DEFAULT_THRESHOLD)
                        .score())
                .isEqualTo(80.5);
    }

    /**
     * The teacher accepts "messianic victory" as another span of "black flag of messianic
     * victory" (the rules take it; the screen for it is not built yet): Isegoria's loaded words
     * match 4 of 4 picks and 5 key spans, F1 8/9, the article 0.911, the grid 0.822, the score 76.9.
     */
    @Test
    void worked_example_the_teacher_accepts_another_span_for_a_loaded_phrase() {
        KeyArticle isegoria = KEY.articles().get(2);
        assertThat(isegoria.article()).isEqualTo(ISEGORIA);
        List<KeySpan> loaded = new ArrayList<>(isegoria.loadedWords());
        KeySpan flag = loaded.get(1);
        assertThat(TEXTS.get(ISEGORIA)
                        .substring(flag.span().start(), flag.span().end()))
                .isEqualTo("black flag of messianic victory");
        List<Span> alternatives = new ArrayList<>(flag.alternatives());
        alternatives.add(quote(ISEGORIA, "messianic victory"));
        loaded.set(1, new KeySpan(flag.span(), alternatives));
        List<KeyArticle> articles = new ArrayList<>(KEY.articles());
        articles.set(
                2,
                new KeyArticle(
                        isegoria.article(),
                        isegoria.framing(),
                        isegoria.alsoAcceptedFramings(),
                        isegoria.named(),
                        isegoria.anonymous(),
                        isegoria.hedges(),
                        loaded,
                        isegoria.reporting(),
                        isegoria.alsoAcceptedReporting(),
                        isegoria.relayedFrom()));
        Key amended = new Key(articles, KEY.coreClaims(), KEY.rubricMaxLevel());
        Result result = CompareScoring.score(TOKENS, amended, TWO_BLOGS, STUDENT, Scoring.DEFAULT_THRESHOLD);
        assertThat(result.articles().get(0).loadedWords().f1()).isCloseTo(8 / 9.0, offset(1e-9));
        assertThat(result.articles().get(0).score()).isCloseTo(0.911, offset(5e-4));
        assertThat(result.grid()).isCloseTo(0.822, offset(5e-4));
        assertThat(result.score()).isEqualTo(76.9);
    }

    /**
     * New Eastern Outlook alone, not graded: the question framing, 9 named (key 10: right), 7
     * anonymous (key 5: wrong), relay from "Welt" (an alias of Die Welt) and "Sunday Times", every
     * hedge and loaded phrase of the key. Relayed from: 2 of 3 outlets, F1 2 × 2 ÷ (2 + 3) = 0.8;
     * the article 0.15 + 0.10 + 0 + 0.15 + 0.08 + 0.20 + 0.20 = 0.88. The matrix: its eight cells,
     * k06 called fact, wrong (the key: attributed, "says the International Centre…"): 7/8. Provisional
     * score 100 × (0.5 × 0.88 + 0.3 × 0.875) ÷ 0.8 = 87.8. With an exact rule for relays the
     * article would be 0.80 and the score 82.8, as if no outlet had been named.
     */
    @Test
    void worked_example_new_eastern_outlook_counts_and_relays() {
        List<String> alone = List.of(NEW_EASTERN_OUTLOOK);
        KeyArticle key = KEY.articles().get(4);
        assertThat(key.article()).isEqualTo(NEW_EASTERN_OUTLOOK);
        List<StudentCell> cells = List.of(
                cell("k01", NEW_EASTERN_OUTLOOK, Carriage.ABSENT),
                cell("k02", NEW_EASTERN_OUTLOOK, Carriage.FACT),
                cell("k03", NEW_EASTERN_OUTLOOK, Carriage.HEDGED),
                cell("k04", NEW_EASTERN_OUTLOOK, Carriage.HEDGED),
                cell("k05", NEW_EASTERN_OUTLOOK, Carriage.FACT),
                cell("k06", NEW_EASTERN_OUTLOOK, Carriage.FACT),
                cell("k07", NEW_EASTERN_OUTLOOK, Carriage.ABSENT),
                cell("k08", NEW_EASTERN_OUTLOOK, Carriage.ABSENT));
        Function<List<String>, Answer> answer = relays -> new Answer(
                List.of(new StudentArticle(
                        NEW_EASTERN_OUTLOOK,
                        Framing.QUESTION,
                        9,
                        7,
                        key.hedges().stream().map(KeySpan::span).toList(),
                        key.loadedWords().stream().map(KeySpan::span).toList(),
                        Reporting.RELAY,
                        relays)),
                cells,
                null);

        Result result = CompareScoring.score(
                TOKENS, KEY, alone, answer.apply(List.of("Welt", "Sunday Times")), Scoring.DEFAULT_THRESHOLD);
        ArticleResult article = result.articles().getFirst();
        assertThat(article.framing()).isEqualTo(Verdict.RIGHT);
        assertThat(article.named()).isEqualTo(Verdict.RIGHT);
        assertThat(article.anonymous()).isEqualTo(Verdict.WRONG);
        assertThat(article.relayedFrom().found()).containsExactly("Die Welt", "The Sunday Times");
        assertThat(article.relayedFrom().missed()).containsExactly("The Conversation");
        assertThat(article.relayedFrom().f1()).isCloseTo(0.8, offset(1e-9));
        assertThat(article.hedges().f1()).isEqualTo(1.0);
        assertThat(article.loadedWords().f1()).isEqualTo(1.0);
        assertThat(article.score()).isCloseTo(0.88, offset(1e-9));
        assertThat(result.cells()).hasSize(8);
        assertThat(result.cells(Verdict.WRONG))
                .extracting(DefectorsCompareScoringTest::at)
                .containsExactly("k06×" + NEW_EASTERN_OUTLOOK);
        assertThat(result.matrix()).isEqualTo(7 / 8.0);
        assertThat(result.provisional()).isTrue();
        assertThat(result.score()).isEqualTo(87.8);

        Result none = CompareScoring.score(TOKENS, KEY, alone, answer.apply(List.of()), Scoring.DEFAULT_THRESHOLD);
        assertThat(none.articles().getFirst().score()).isCloseTo(0.80, offset(1e-9));
        assertThat(none.score()).isEqualTo(82.8);
    }
}
