package org.lateral.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The few statistics the class overview shows (DD016, "Class overview"): medians, quartiles and
 * the "notably lower" flag. Pure functions of lists of scores, so they are tested without a
 * database; the service only collects the scores.
 */
public final class ScoreStatistics {

    /**
     * How many points an assignment's median lesson score must lie below the median of the class's
     * other assignments' medians to be flagged. Scores run from 0 to 100; 15 points is about one
     * and a half claims' worth on a typical key, more than the noise between two articles of
     * similar difficulty (DD016).
     */
    public static final double NOTABLY_LOWER_POINTS = 15.0;

    private ScoreStatistics() {}

    /**
     * Five numbers of a list of scores.
     *
     * @param count how many scores the numbers describe
     * @param q1 the lower quartile: the median of the lower half (see {@link #spread})
     * @param q3 the upper quartile: the median of the upper half
     */
    public record Spread(int count, double min, double q1, double median, double q3, double max) {

        /** The interquartile range: where the middle half of the class lies. */
        public double iqr() {
            return q3 - q1;
        }
    }

    /** The median, null for no values: the mean of the two middle values of an even count. */
    public static @Nullable Double median(Collection<Double> values) {
        List<Double> sorted = sorted(values);
        return sorted.isEmpty() ? null : medianOfSorted(sorted);
    }

    /**
     * Minimum, quartiles, median and maximum; null for no values. The quartiles are the medians of
     * the lower and upper halves, the middle value left out of both halves when the count is odd
     * (Tukey's hinges): easy to check by hand on a class list, which is what a teacher does with
     * it. A single value is its own quartiles.
     */
    public static @Nullable Spread spread(Collection<Double> values) {
        List<Double> sorted = sorted(values);
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        double median = medianOfSorted(sorted);
        if (n == 1) {
            return new Spread(1, median, median, median, median, median);
        }
        List<Double> lower = sorted.subList(0, n / 2);
        List<Double> upper = sorted.subList(n - n / 2, n);
        return new Spread(n, sorted.getFirst(), medianOfSorted(lower), median, medianOfSorted(upper), sorted.getLast());
    }

    /**
     * Whether an assignment's median lesson score is notably lower than the class's usual: at least
     * {@link #NOTABLY_LOWER_POINTS} below the median of the other scored assignments' medians. No
     * flag without a median of its own or without another scored assignment to compare with.
     */
    public static boolean notablyLower(@Nullable Double median, Collection<Double> otherMedians) {
        Double usual = median(otherMedians);
        // Compared in tenths, the precision scores are kept at, so 80.3 - 65.3 counts as 15.
        return median != null
                && usual != null
                && Math.round(10 * (usual - median)) >= Math.round(10 * NOTABLY_LOWER_POINTS);
    }

    /** Rounded to one decimal, as scores are shown everywhere else. */
    public static double round(double value) {
        return Math.round(10 * value) / 10.0;
    }

    private static List<Double> sorted(Collection<Double> values) {
        List<Double> sorted =
                new ArrayList<>(values.stream().filter(Objects::nonNull).toList());
        sorted.sort(null);
        return sorted;
    }

    private static double medianOfSorted(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
