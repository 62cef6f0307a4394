package org.lateral.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step of a lesson (DD013): an exercise with its own pinned material and key version.
 *
 * @param position 0 to 2, the order the student works through the steps
 * @param exercise {@code mark-claims}, {@code identify-sources} or {@code compare-outlets}
 * @param articleVersionId the pinned article version of an exercise on one article; for a compare
 *     step, the lesson's article (one of its columns)
 * @param keyVersionId the pinned answer-key version, when the article has a key
 * @param keyVersionIgnoredId the newer key version the teacher chose not to move to
 * @param storySetId the story set of a comparison
 * @param comparisonKeyVersionId the comparison key version a compare step is graded against (DD015)
 * @param articles a compare step's columns in order, each with its pinned version; empty otherwise
 * @param outletProfilesAtOnce whether a compare step shows outlet profiles before the student's
 *     own lateral-reading note
 * @param weight the step's share of the lesson score
 */
public record LessonStep(
        int position,
        String exercise,
        @Nullable UUID articleId,
        @Nullable UUID articleVersionId,
        @Nullable UUID keyVersionId,
        @Nullable UUID keyVersionIgnoredId,
        @Nullable UUID storySetId,
        @Nullable UUID comparisonKeyVersionId,
        List<StepArticle> articles,
        boolean outletProfilesAtOnce,
        BigDecimal weight) {

    public static final int FIRST = 0;

    public LessonStep {
        articles = List.copyOf(articles);
    }

    /** A step on one article (mark the claims, who says so?). */
    public LessonStep(
            int position,
            String exercise,
            @Nullable UUID articleId,
            @Nullable UUID articleVersionId,
            @Nullable UUID keyVersionId,
            @Nullable UUID keyVersionIgnoredId,
            @Nullable UUID storySetId,
            BigDecimal weight) {
        this(
                position,
                exercise,
                articleId,
                articleVersionId,
                keyVersionId,
                keyVersionIgnoredId,
                storySetId,
                null,
                List.of(),
                false,
                weight);
    }

    /** One column of a compare step: an article and the version the step pins. */
    public record StepArticle(UUID articleId, UUID articleVersionId) {}

    public boolean compares() {
        return exercise.equals(NewStep.COMPARE_OUTLETS);
    }
}
