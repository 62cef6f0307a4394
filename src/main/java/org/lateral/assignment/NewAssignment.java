package org.lateral.assignment;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's choices for a mark-claims assignment. Dates are days in the class's time zone:
 * it opens at the start of {@code openDate} (today when null) and is due at the end of
 * {@code dueDate}.
 */
public record NewAssignment(
        UUID articleId,
        @Nullable LocalDate openDate,
        LocalDate dueDate,
        boolean lateWorkAccepted,
        FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        @Nullable LocalDate revisionUntil,
        boolean classmatesAfterSubmit) {}
