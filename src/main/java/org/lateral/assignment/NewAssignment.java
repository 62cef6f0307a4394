package org.lateral.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A teacher's choices for an assignment: a lesson of one to three steps on one article (DD013).
 * Dates are days in the class's time zone:
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
        boolean classmatesAfterSubmit,
        List<NewStep> steps) {

    public NewAssignment {
        steps = List.copyOf(steps);
    }

    /** A one-step lesson: mark the claims. */
    public NewAssignment(
            UUID articleId,
            @Nullable LocalDate openDate,
            LocalDate dueDate,
            boolean lateWorkAccepted,
            FeedbackPolicy feedbackPolicy,
            boolean revisionAllowed,
            @Nullable LocalDate revisionUntil,
            boolean classmatesAfterSubmit) {
        this(
                articleId,
                openDate,
                dueDate,
                lateWorkAccepted,
                feedbackPolicy,
                revisionAllowed,
                revisionUntil,
                classmatesAfterSubmit,
                List.of(NewStep.of(NewStep.MARK_CLAIMS)));
    }
}
