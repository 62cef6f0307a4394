package org.lateral.assignment;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step of a lesson (DD013): an exercise with its own pinned material and key version. Today
 * every lesson has exactly one step, at position 0.
 *
 * @param position 0 to 2, the order the student works through the steps
 * @param exercise {@code mark-claims}, {@code identify-sources} or {@code compare-outlets}
 * @param articleVersionId the pinned article version of an exercise on one article
 * @param keyVersionId the pinned answer-key version, when the article has a key
 * @param keyVersionIgnoredId the newer key version the teacher chose not to move to
 * @param storySetId the story set of a comparison
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
        BigDecimal weight) {

    /** The only step of today's lessons. */
    public static final int FIRST = 0;
}
