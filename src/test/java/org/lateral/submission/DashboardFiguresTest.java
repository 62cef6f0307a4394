package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lateral.library.ClaimType;
import org.lateral.submission.scoring.Alternatives;
import org.lateral.submission.scoring.Scoring;

/** The dashboard's arithmetic on results written by hand. */
class DashboardFiguresTest {

    private static Alternatives.ScoredAttempt attempt(String student, List<Scoring.Mark> marks, Scoring.Match... m) {
        return new Alternatives.ScoredAttempt(
                student, marks, new Scoring.Result(50, 0.5, 0.5, List.of(m), List.of(), List.of()));
    }

    @Test
    void a_claim_counts_once_per_student_who_matched_it_whatever_the_type() {
        var a = attempt(
                "a", List.of(), new Scoring.Match("c1", "m1", 1, true), new Scoring.Match("c2", "m2", 0.6, false));
        var b = attempt("b", List.of(), new Scoring.Match("c1", "m3", 0.7, false));
        Map<String, Integer> found = DashboardFigures.foundCounts(List.of("c1", "c2", "c3"), List.of(a, b));
        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("c1", 2, "c2", 1, "c3", 0));
        assertThat(DashboardFigures.share(2, 3)).isEqualTo(0.67);
        assertThat(DashboardFigures.share(0, 0)).isZero();
    }

    @Test
    void an_accepted_type_is_on_the_diagonal_and_another_under_the_keys_first_type() {
        var a = attempt(
                "a",
                List.of(
                        new Scoring.Mark("m1", 0, 5, ClaimType.HEDGED),
                        new Scoring.Mark("m2", 10, 15, ClaimType.OPINION)),
                new Scoring.Match("c1", "m1", 1, true),
                new Scoring.Match("c2", "m2", 1, false));
        var matrix = DashboardFigures.confusion(
                Map.of(
                        "c1",
                        Set.of(ClaimType.HEDGED, ClaimType.ATTRIBUTED),
                        "c2",
                        Set.of(ClaimType.UNSUPPORTED, ClaimType.FACTUAL)),
                List.of(a));
        assertThat(matrix.get(ClaimType.HEDGED).get(ClaimType.HEDGED)).isEqualTo(1);
        assertThat(matrix.get(ClaimType.FACTUAL).get(ClaimType.OPINION)).isEqualTo(1);
        int total = matrix.values().stream()
                .flatMap(r -> r.values().stream())
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(total).isEqualTo(2);
    }

    @Test
    void scores_fall_in_ten_point_bins_with_a_hundred_in_the_last_and_the_median_is_the_middle() {
        int[] bins = DashboardFigures.histogram(List.of(0.0, 9.9, 10.0, 55.5, 100.0, 95.0));
        assertThat(bins).containsExactly(2, 1, 0, 0, 0, 1, 0, 0, 0, 2);
        assertThat(DashboardFigures.median(List.of(40.0, 10.0, 70.0))).isEqualTo(40.0);
        assertThat(DashboardFigures.median(List.of(40.0, 10.0, 70.0, 80.0))).isEqualTo(55.0);
        assertThat(DashboardFigures.median(List.of())).isNull();
    }

    @Test
    void a_span_outside_the_key_needs_three_students_or_thirty_percent_when_more() {
        assertThat(DashboardFigures.unkeyedMinimum(4)).isEqualTo(3);
        assertThat(DashboardFigures.unkeyedMinimum(10)).isEqualTo(3);
        assertThat(DashboardFigures.unkeyedMinimum(11)).isEqualTo(4);
        assertThat(DashboardFigures.unkeyedMinimum(30)).isEqualTo(9);
    }
}
