package org.lateral.assignment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What scoring one step of an assignment needs to know (DD005, DD013): the article version and key
 * version the step pins, the assignment's match threshold, and where the step stands in its lesson.
 *
 * @param position the step's position, 0 to 2
 * @param exercise the step's exercise ({@code mark-claims}, {@code identify-sources})
 * @param steps how many steps the lesson has
 */
public record GradedAssignment(
        UUID id,
        UUID schoolId,
        UUID articleVersionId,
        @Nullable UUID keyVersionId,
        double threshold,
        int position,
        String exercise,
        int steps) {}
