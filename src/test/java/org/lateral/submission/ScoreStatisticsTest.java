package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreStatisticsTest {

    @Test
    void the_median_of_an_odd_count_is_the_middle_value() {
        assertThat(ScoreStatistics.median(List.of(70.0, 10.0, 40.0))).isEqualTo(40.0);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
        assertThat(ScoreStatistics.median(List.of(90.0, 10.0, 40.0, 60.0))).isEqualTo(50.0);
    }

    @Test
    void no_values_have_no_median_and_no_spread() {
        assertThat(ScoreStatistics.median(List.of())).isNull();
        assertThat(ScoreStatistics.spread(List.of())).isNull();
    }

    @Test
    void one_value_is_its_own_minimum_quartiles_median_and_maximum() {
        assertThat(ScoreStatistics.spread(List.of(55.0))).isEqualTo(new ScoreStatistics.Spread(1, 55, 55, 55, 55, 55));
    }

    @Test
    void quartiles_of_an_odd_count_leave_the_median_out_of_both_halves() {
        // Sorted: 10 20 30 | 40 | 50 60 70 -> lower half 10 20 30, upper half 50 60 70.
        ScoreStatistics.Spread s = ScoreStatistics.spread(List.of(40.0, 70.0, 10.0, 60.0, 20.0, 50.0, 30.0));
        assertThat(s).isEqualTo(new ScoreStatistics.Spread(7, 10, 20, 40, 60, 70));
        assertThat(s.iqr()).isEqualTo(40);
    }

    @Test
    void quartiles_of_an_even_count_are_the_medians_of_the_two_halves() {
        // Sorted: 10 20 30 40 | 50 60 70 80 -> q1 = 25, median = 45, q3 = 65.
        assertThat(ScoreStatistics.spread(List.of(80.0, 10.0, 70.0, 20.0, 60.0, 30.0, 50.0, 40.0)))
                .isEqualTo(new ScoreStatistics.Spread(8, 10, 25, 45, 65, 80));
    }

    @Test
    void two_values_are_each_a_quartile() {
        assertThat(ScoreStatistics.spread(List.of(30.0, 50.0)))
                .isEqualTo(new ScoreStatistics.Spread(2, 30, 30, 40, 50, 50));
    }

    @Test
    void an_assignment_exactly_fifteen_points_below_the_usual_is_flagged_and_fourteen_point_nine_is_not() {
        // The usual median is the median of the other assignments' medians: (70 + 90) / 2 = 80.
        List<Double> others = List.of(70.0, 90.0);
        assertThat(ScoreStatistics.notablyLower(65.0, others)).isTrue();
        assertThat(ScoreStatistics.notablyLower(65.1, others)).isFalse();
        assertThat(ScoreStatistics.notablyLower(40.0, others)).isTrue();
    }

    @Test
    void the_boundary_holds_for_scores_with_decimals() {
        assertThat(ScoreStatistics.notablyLower(65.3, List.of(80.3))).isTrue();
    }

    @Test
    void no_flag_without_a_median_or_without_another_scored_assignment() {
        assertThat(ScoreStatistics.notablyLower(null, List.of(90.0))).isFalse();
        assertThat(ScoreStatistics.notablyLower(10.0, List.of())).isFalse();
    }

    @Test
    void an_assignment_above_the_usual_is_not_flagged() {
        assertThat(ScoreStatistics.notablyLower(95.0, List.of(60.0))).isFalse();
    }
}
