package org.lateral.assignment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a student stands with one assignment, as "My assignments" shows it. */
public enum AssignmentStatus {
    TO_DO("To do"),
    IN_PROGRESS("In progress"),
    OVERDUE("Overdue"),
    SUBMITTED("Submitted"),
    FEEDBACK_AVAILABLE("Feedback available");

    private final String label;

    AssignmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A pure function of the facts, so it is tested without a database: {@link SubmissionStatus}
     * as the student sees it (late work is simply submitted; past due without it is overdue), with
     * feedback once the policy releases it.
     *
     * @param due the student's own due date (an accommodation replaces the class's)
     */
    public static AssignmentStatus of(
            Instant now,
            Instant due,
            @Nullable Instant startedAt,
            @Nullable Instant submittedAt,
            FeedbackPolicy policy,
            @Nullable Instant feedbackReleasedAt) {
        return switch (SubmissionStatus.of(now, due, startedAt, submittedAt)) {
            case SUBMITTED, LATE -> policy.releases(now, due, feedbackReleasedAt) ? FEEDBACK_AVAILABLE : SUBMITTED;
            case MISSING -> OVERDUE;
            case IN_PROGRESS -> IN_PROGRESS;
            case NOT_STARTED -> TO_DO;
        };
    }
}
