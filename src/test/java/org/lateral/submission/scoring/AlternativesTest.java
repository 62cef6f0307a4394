package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.submission.scoring.ScoringTest.TOKENS;
import static org.lateral.submission.scoring.ScoringTest.claim;
import static org.lateral.submission.scoring.ScoringTest.end;
import static org.lateral.submission.scoring.ScoringTest.mark;
import static org.lateral.submission.scoring.ScoringTest.start;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.submission.scoring.Alternatives.ScoredAttempt;
import org.lateral.submission.scoring.Scoring.KeyClaim;
import org.lateral.submission.scoring.Scoring.Mark;

/** Alternative spans in scoring, and the lists of what many students chose outside the key. */
class AlternativesTest {

    static final ClaimType F = ClaimType.FACTUAL;
    static final ClaimType O = ClaimType.OPINION;
    static final ClaimType H = ClaimType.HEDGED;

    static ScoredAttempt attempt(String student, List<KeyClaim> key, Mark... marks) {
        return new ScoredAttempt(student, List.of(marks), Scoring.score(TOKENS, key, List.of(marks), 0.5));
    }

    @Test
    void an_alternative_span_lets_a_mark_match_that_misses_the_claims_own_span() {
        KeyClaim plain = claim("c1", 0, 3, 1, F);
        KeyClaim widened =
                new KeyClaim("c1", start(0), end(3), Set.of(F), 1, List.of(new Scoring.Span(start(4), end(5))));
        Mark mark = mark("m1", 4, 5, F);
        assertThat(Scoring.score(TOKENS, List.of(plain), List.of(mark), 0.5).matches())
                .isEmpty();
        assertThat(Scoring.score(TOKENS, List.of(widened), List.of(mark), 0.5).matches())
                .singleElement()
                .satisfies(m -> assertThat(m.jaccard()).isEqualTo(1.0));
    }

    @Test
    void near_identical_extra_spans_of_several_students_count_as_one_group() {
        List<KeyClaim> key = List.of(claim("c1", 0, 3, 1, F));
        List<ScoredAttempt> attempts = List.of(
                attempt("ada", key, mark("a1", 5, 8, O)),
                attempt("bo", key, mark("b1", 5, 8, O)),
                attempt("cy", key, mark("c1", 5, 9, F)),
                attempt("di", key, mark("d1", 0, 3, F)));
        List<Alternatives.PopularSpan> popular = Alternatives.popularSpans(TOKENS, key, attempts, 0.5);
        assertThat(popular).singleElement().satisfies(p -> {
            assertThat(p.students()).isEqualTo(3);
            assertThat(p.start()).as("the most common span").isEqualTo(start(5));
            assertThat(p.end()).isEqualTo(end(8));
            assertThat(p.commonType()).isEqualTo(O);
            assertThat(p.overlapsClaim()).as("shares no word with c1").isNull();
        });
    }

    @Test
    void an_extra_span_overlapping_a_claim_names_that_claim_and_groups_are_sorted_by_students() {
        List<KeyClaim> key = List.of(claim("c1", 0, 3, 1, F), claim("c2", 5, 9, 1, F));
        List<ScoredAttempt> attempts = List.of(
                attempt("ada", key, mark("a1", 0, 0, F), mark("a2", 9, 9, F)), attempt("bo", key, mark("b1", 9, 9, F)));
        List<Alternatives.PopularSpan> popular = Alternatives.popularSpans(TOKENS, key, attempts, 0.5);
        assertThat(popular).extracting(Alternatives.PopularSpan::students).containsExactly(2, 1);
        assertThat(popular).extracting(Alternatives.PopularSpan::overlapsClaim).containsExactly("c2", "c1");
    }

    @Test
    void the_same_student_twice_in_a_group_counts_once() {
        List<KeyClaim> key = List.of(claim("c1", 0, 3, 1, F));
        List<ScoredAttempt> attempts = List.of(attempt("ada", key, mark("a1", 5, 8, O), mark("a2", 5, 8, F)));
        assertThat(Alternatives.popularSpans(TOKENS, key, attempts, 0.5))
                .singleElement()
                .satisfies(p -> assertThat(p.students()).isEqualTo(1));
    }

    @Test
    void types_given_to_a_claim_that_the_key_does_not_accept_are_counted_per_claim_and_type() {
        List<KeyClaim> key = List.of(claim("c1", 0, 3, 1, H), claim("c2", 5, 9, 1, F));
        List<ScoredAttempt> attempts = List.of(
                attempt("ada", key, mark("a1", 0, 3, F)),
                attempt("bo", key, mark("b1", 0, 3, F), mark("b2", 5, 9, O)),
                attempt("cy", key, mark("c1", 0, 3, H)));
        assertThat(Alternatives.popularTypes(key, attempts))
                .extracting(p -> p.claimId() + ":" + p.type().code() + ":" + p.students())
                .containsExactly("c1:factual:2", "c2:opinion:1");
    }
}
