package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.library.pack.PackFiles;
import org.lateral.library.pack.SeedPack;
import org.lateral.library.pack.SeedPackReader;
import org.lateral.submission.scoring.CompareScoring.Answer;
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
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Outlet;

/**
 * The compare rules (version 1) on the shipped Defectors comparison key, as the pack gives it:
 * the key's own answer scores 100 for any choice of articles, and a hedge the pack lists is found
 * wherever it occurs. What the lessons code will do with a stored key, done here from the pack.
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
}
