package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.base.text.Tokens;
import org.lateral.submission.scoring.CompareScoring;
import org.lateral.submission.scoring.CompareScoring.Carriage;
import org.lateral.submission.scoring.CompareScoring.Count;
import org.lateral.submission.scoring.CompareScoring.Framing;
import org.lateral.submission.scoring.CompareScoring.KeyArticle;
import org.lateral.submission.scoring.CompareScoring.KeyCell;
import org.lateral.submission.scoring.CompareScoring.KeySpan;
import org.lateral.submission.scoring.CompareScoring.Reporting;
import org.lateral.submission.scoring.CompareScoring.Verdict;
import org.lateral.submission.scoring.Scoring.Span;
import org.lateral.submission.scoring.SourceScoring.Outlet;

/**
 * The compare attempt beside the key (DD014, DD015): each grid item with the key's answer and a
 * verdict, the picks marked matched or not with the key's words nobody matched, and the matrix
 * cell by cell, on one small text read as two articles.
 */
class CompareReviewTest {

    static final String TEXT =
            "Reportedly the chief fled. He may have gone north, perhaps to the coast. A devastating massacre shocked the city.";

    static Span words(String w) {
        int at = TEXT.indexOf(w);
        return new Span(at, at + w.length());
    }

    static final UUID A1_ID = UUID.randomUUID();
    static final UUID A2_ID = UUID.randomUUID();
    static final CompareReview.Column A1 =
            new CompareReview.Column(A1_ID, "a1", UUID.randomUUID(), "The Blog", "Chief flees", TEXT);
    static final CompareReview.Column A2 =
            new CompareReview.Column(A2_ID, "a2", UUID.randomUUID(), "The Paper", "Chief leaves", TEXT);

    static final CompareScoring.Key KEY = new CompareScoring.Key(
            List.of(
                    new KeyArticle(
                            "a1",
                            Framing.HEDGED,
                            Set.of(Framing.QUESTION),
                            Count.exactly(1),
                            Count.between(1, 2),
                            List.of(KeySpan.of(words("Reportedly")), KeySpan.of(words("may have"))),
                            List.of(KeySpan.of(words("devastating massacre"))),
                            Reporting.RELAY,
                            Set.of(),
                            List.of(new Outlet("The Daily Mail", List.of("Daily Mail")))),
                    new KeyArticle(
                            "a2",
                            Framing.NEUTRAL,
                            Set.of(),
                            Count.exactly(0),
                            Count.exactly(0),
                            List.of(),
                            List.of(),
                            Reporting.ORIGINAL,
                            Set.of(),
                            List.of())),
            List.of(new CompareScoring.CoreClaim(
                    "k1",
                    Map.of("a1", KeyCell.of(Carriage.HEDGED, Carriage.ATTRIBUTED), "a2", KeyCell.of(Carriage.FACT)))),
            3);

    static CompareReview review(CompareScoring.Answer answer) {
        CompareScoring.Result result = CompareScoring.score(
                Map.of("a1", Tokens.words(TEXT), "a2", Tokens.words(TEXT)), KEY, List.of("a1", "a2"), answer, 0.5);
        return CompareReview.of(KEY, answer, result, List.of(A1, A2), Map.of("k1", "The chief fled"));
    }

    @Test
    void each_grid_item_is_beside_the_keys_answer_with_its_verdict() {
        CompareReview r = review(new CompareScoring.Answer(
                List.of(new CompareScoring.StudentArticle(
                        "a1",
                        Framing.SENSATIONAL,
                        3,
                        2,
                        List.of(words("Reportedly"), words("the city")),
                        List.of(),
                        Reporting.RELAY,
                        List.of("Daily Mail", "Reuters"))),
                List.of(),
                null));
        assertThat(r.articles()).extracting(a -> a.column().outlet()).containsExactly("The Blog", "The Paper");
        CompareReview.ArticleReview a1 = r.articles().getFirst();
        assertThat(a1.framing())
                .isEqualTo(new CompareReview.Choice("sensational", "hedged", List.of("question"), Verdict.WRONG));
        assertThat(a1.named()).isEqualTo(new CompareReview.CountItem(3, 1, 1, Verdict.WRONG));
        assertThat(a1.anonymous()).isEqualTo(new CompareReview.CountItem(2, 1, 2, Verdict.RIGHT));
        assertThat(a1.reporting().verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(a1.relayedFrom().found()).containsExactly("The Daily Mail");
        assertThat(a1.relayedFrom().extra()).containsExactly("Reuters");
        assertThat(a1.hedges().picks())
                .containsExactly(
                        new CompareReview.Pick(
                                words("Reportedly").start(), words("Reportedly").end(), "Reportedly", true),
                        new CompareReview.Pick(
                                words("the city").start(), words("the city").end(), "the city", false));
        assertThat(a1.hedges().missed()).containsExactly("may have");
        assertThat(a1.loadedWords().picks()).isEmpty();
        assertThat(a1.loadedWords().missed()).containsExactly("devastating massacre");

        CompareReview.ArticleReview untouched = r.articles().get(1);
        assertThat(untouched.framing().given()).isNull();
        assertThat(untouched.framing().verdict()).isEqualTo(Verdict.NOT_GIVEN);
        assertThat(untouched.hedges().scored())
                .as("no key hedges and no picks: left out")
                .isFalse();
        assertThat(untouched.score()).isZero();
        assertThat(r.provisional()).isTrue();
        assertThat(r.judgementPart()).isNull();
    }

    @Test
    void the_matrix_shows_each_cell_with_the_keys_carriage_and_what_else_it_accepts() {
        CompareReview r = review(new CompareScoring.Answer(
                List.of(),
                List.of(
                        new CompareScoring.StudentCell("k1", "a1", Carriage.ATTRIBUTED),
                        new CompareScoring.StudentCell("k1", "a2", Carriage.HEDGED)),
                2));
        assertThat(r.matrix()).hasSize(1);
        CompareReview.ClaimRow row = r.matrix().getFirst();
        assertThat(row.claim()).isEqualTo("The chief fled");
        assertThat(row.cells()).extracting(c -> c.column().articleId()).containsExactly(A1_ID, A2_ID);
        assertThat(row.cells().get(0).carriage())
                .isEqualTo(new CompareReview.Choice("attributed", "hedged", List.of("attributed"), Verdict.RIGHT));
        assertThat(row.cells().get(1).carriage())
                .isEqualTo(new CompareReview.Choice("hedged", "fact", List.of(), Verdict.WRONG));
        assertThat(r.matrixPart()).isEqualTo(0.5);
        assertThat(r.provisional()).isFalse();
        assertThat(r.judgementLevel()).isEqualTo(2);
        assertThat(r.judgementPart()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_column_the_rules_did_not_score_is_refused() {
        CompareScoring.Answer answer = new CompareScoring.Answer(List.of(), List.of(), null);
        CompareScoring.Result onlyA1 =
                CompareScoring.score(Map.of("a1", Tokens.words(TEXT)), KEY, List.of("a1"), answer, 0.5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareReview.of(KEY, answer, onlyA1, List.of(A1, A2), Map.of()));
    }
}
