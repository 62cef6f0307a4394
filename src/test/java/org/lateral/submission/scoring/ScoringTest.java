package org.lateral.submission.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.base.text.Tokens;
import org.lateral.library.ClaimType;
import org.lateral.submission.scoring.Scoring.KeyClaim;
import org.lateral.submission.scoring.Scoring.Mark;
import org.lateral.submission.scoring.Scoring.Result;

/** The pinned scoring rules (DD000, "Scoring"), case by case. */
class ScoringTest {

    // Token indices:     0     1    2     3       4       5    6   7     8    9
    static final String TEXT = "Alpha beta gamma delta. Epsilon zeta eta theta iota kappa.";
    static final int[] TOKENS = Tokens.words(TEXT);

    static int start(int token) {
        return TOKENS[2 * token];
    }

    static int end(int token) {
        return TOKENS[2 * token + 1];
    }

    static KeyClaim claim(String id, int from, int to, int worthiness, ClaimType... accepted) {
        return new KeyClaim(id, start(from), end(to), Set.of(accepted), worthiness);
    }

    static Mark mark(String id, int from, int to, ClaimType type) {
        return new Mark(id, start(from), end(to), type);
    }

    static final ClaimType F = ClaimType.FACTUAL;
    static final ClaimType H = ClaimType.HEDGED;
    static final ClaimType O = ClaimType.OPINION;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "the same span with an accepted type scores 100",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 3, F)),
                        0.5,
                        100.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "half the tokens is exactly the threshold and matches",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 1, F)),
                        0.5,
                        100.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "a quarter of the tokens is below the threshold: missed",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 0, F)),
                        0.5,
                        0.0,
                        List.of()),
                Arguments.of(
                        "the threshold is set per assignment",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 0, F)),
                        0.25,
                        100.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "found with a wrong type keeps the 70 for finding it",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 3, O)),
                        0.5,
                        70.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "any of several accepted types counts",
                        List.of(claim("c1", 0, 3, 1, F, H)),
                        List.of(mark("m1", 0, 3, H)),
                        0.5,
                        100.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "an empty attempt scores 0",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.<Mark>of(),
                        0.5,
                        0.0,
                        List.of()),
                Arguments.of(
                        "an extra mark costs nothing",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 3, F), mark("m2", 6, 8, O)),
                        0.5,
                        100.0,
                        List.of("c1=m1")),
                Arguments.of(
                        "two equally good marks: the smaller mark id wins the claim",
                        List.of(claim("c1", 0, 3, 1, F)),
                        List.of(mark("m9", 0, 3, O), mark("m2", 0, 3, F)),
                        0.5,
                        100.0,
                        List.of("c1=m2")),
                Arguments.of(
                        "overlapping key claims are each matched by the mark that fits best",
                        List.of(claim("a", 0, 3, 1, F), claim("b", 2, 5, 1, H)),
                        List.of(mark("m1", 0, 3, F), mark("m2", 2, 5, H)),
                        0.5,
                        100.0,
                        List.of("a=m1", "b=m2")),
                Arguments.of(
                        "matching is one-to-one and greedy by Jaccard",
                        List.of(claim("a", 0, 3, 1, F), claim("b", 0, 2, 1, F)),
                        List.of(mark("m1", 0, 2, F), mark("m2", 0, 3, F)),
                        0.5,
                        100.0,
                        List.of("a=m2", "b=m1")),
                Arguments.of(
                        "one mark cannot find two claims",
                        List.of(claim("a", 0, 3, 1, F), claim("b", 0, 3, 1, F)),
                        List.of(mark("m1", 0, 3, F)),
                        0.5,
                        65.0,
                        List.of("a=m1")),
                Arguments.of(
                        "recall is weighted by check-worthiness",
                        List.of(claim("big", 0, 3, 3, F), claim("small", 6, 8, 1, F)),
                        List.of(mark("m1", 6, 8, F)),
                        0.5,
                        47.5,
                        List.of("small=m1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scores_follow_the_pinned_rules(
            String rule, List<KeyClaim> key, List<Mark> marks, double threshold, double expected, List<String> pairs) {
        Result result = Scoring.score(TOKENS, key, marks, threshold);
        assertThat(result.score()).isEqualTo(expected);
        assertThat(result.matches())
                .extracting(m -> m.claimId() + "=" + m.markId())
                .containsExactlyInAnyOrderElementsOf(pairs);
    }

    @Test
    void missed_claims_mislabelled_matches_and_extra_marks_are_reported() {
        Result result = Scoring.score(
                TOKENS,
                List.of(claim("c1", 0, 3, 2, F), claim("c2", 4, 5, 1, H), claim("c3", 7, 9, 1, O)),
                List.of(mark("m1", 0, 3, O), mark("m2", 7, 9, O), mark("m3", 6, 6, F)),
                0.5);
        assertThat(result.missedClaims()).containsExactly("c2");
        assertThat(result.mislabelled()).extracting(Scoring.Match::claimId).containsExactly("c1");
        assertThat(result.extraMarks()).containsExactly("m3");
        assertThat(result.weightedRecall()).isEqualTo(0.75);
        assertThat(result.typeAccuracy()).isEqualTo(0.5);
        assertThat(result.score()).isEqualTo(67.5);
    }

    @Test
    void a_threshold_outside_zero_to_one_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scoring.score(TOKENS, List.of(), List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Scoring.score(TOKENS, List.of(), List.of(), 1.5));
    }

    @Test
    void a_span_covers_every_token_it_overlaps_even_partly() {
        assertThat(Scoring.covered(TOKENS, start(1) + 2, end(2) - 1)).containsExactly(1, 2);
        assertThat(Scoring.covered(TOKENS, end(3), start(4)))
                .as("only the space between tokens")
                .isEmpty();
    }
}
