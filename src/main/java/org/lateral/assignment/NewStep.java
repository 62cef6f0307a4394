package org.lateral.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * One step a teacher puts in a lesson (DD013): the exercise, on the lesson's article, and its
 * share of the lesson score. A compare-outlets step (DD015) works on articles of one story set
 * instead: the columns the student reads side by side, in the teacher's order.
 *
 * @param exercise {@code mark-claims}, {@code identify-sources} or {@code compare-outlets}
 * @param weight from 0.1 to 9.9; the lesson score is the weighted mean of the steps' scores
 * @param articles for a compare step, 2 to 5 articles of one story set; empty for the others
 * @param outletProfilesAtOnce for a compare step, whether the students see each outlet's profile
 *     at once rather than after writing their own lateral-reading note about it
 */
public record NewStep(String exercise, BigDecimal weight, List<UUID> articles, boolean outletProfilesAtOnce) {

    public static final String MARK_CLAIMS = "mark-claims";
    public static final String IDENTIFY_SOURCES = "identify-sources";
    public static final String COMPARE_OUTLETS = "compare-outlets";
    public static final BigDecimal LIGHTEST = new BigDecimal("0.1");
    public static final BigDecimal HEAVIEST = new BigDecimal("9.9");
    public static final int FEWEST_COMPARED = 2;
    public static final int MOST_COMPARED = 5;

    public NewStep {
        articles = List.copyOf(articles);
    }

    public NewStep(String exercise, BigDecimal weight) {
        this(exercise, weight, List.of(), false);
    }

    public static NewStep of(String exercise) {
        return new NewStep(exercise, BigDecimal.ONE);
    }

    /** A compare-outlets step on these articles, in this column order. */
    public static NewStep compare(List<UUID> articles, BigDecimal weight, boolean outletProfilesAtOnce) {
        return new NewStep(COMPARE_OUTLETS, weight, articles, outletProfilesAtOnce);
    }
}
