package org.lateral.assignment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/** Where a student stands with one assignment, as "My assignments" shows it. */
public enum AssignmentStatus implements Labelled {
    TO_DO("assignment.status.toDo"),
    IN_PROGRESS("assignment.status.inProgress"),
    OVERDUE("assignment.status.overdue"),
    SUBMITTED("assignment.status.submitted"),
    FEEDBACK_AVAILABLE("assignment.status.feedbackAvailable");

    private final String labelKey;

    AssignmentStatus(String labelKey) {
        this.labelKey = labelKey;
    }

    @Override
    public String labelKey() {
        return labelKey;
    }

    /** The English words, for pages not yet translated. */
    public String label() {
        return Translations.english(labelKey);
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
