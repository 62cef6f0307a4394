package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One assignment of a class, for its teacher. */
public record AssignmentSummary(
        UUID id,
        String title,
        String exercise,
        Instant openAt,
        Instant dueAt,
        ZoneId timeZone,
        FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        boolean keyPinned,
        int started,
        int submitted) {

    AssignmentSummary withCounts(StudentWork.Counts counts) {
        return new AssignmentSummary(
                id,
                title,
                exercise,
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
