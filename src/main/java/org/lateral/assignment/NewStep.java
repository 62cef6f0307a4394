package org.lateral.assignment;

import java.math.BigDecimal;

/**
 * One step a teacher puts in a lesson (DD013): the exercise, on the lesson's article, and its
 * share of the lesson score.
 *
 * @param exercise {@code mark-claims} or {@code identify-sources}
 * @param weight from 0.1 to 9.9; the lesson score is the weighted mean of the steps' scores
 */
public record NewStep(String exercise, BigDecimal weight) {

    public static final String MARK_CLAIMS = "mark-claims";
    public static final String IDENTIFY_SOURCES = "identify-sources";
    public static final String COMPARE_OUTLETS = "compare-outlets";
    public static final BigDecimal LIGHTEST = new BigDecimal("0.1");
    public static final BigDecimal HEAVIEST = new BigDecimal("9.9");

    public static NewStep of(String exercise) {
        return new NewStep(exercise, BigDecimal.ONE);
    }
}
