package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One assignment of a class, for its teacher.
 *
 * @param exercise the first step's exercise
 * @param exercises every step's exercise, by position (DD013)
 */
public record AssignmentSummary(
        UUID id,
        String title,
        String exercise,
        List<String> exercises,
        Instant openAt,
        Instant dueAt,
        ZoneId timeZone,
        FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        boolean keyPinned,
        int started,
        int submitted) {

    public AssignmentSummary {
        exercises = List.copyOf(exercises);
    }

    AssignmentSummary withCounts(StudentWork.Counts counts) {
        return new AssignmentSummary(
                id,
                title,
                exercise,
                exercises,
                openAt,
                dueAt,
                timeZone,
                feedbackPolicy,
                revisionAllowed,
                keyPinned,
                counts.started(),
                counts.submitted());
    }
}
