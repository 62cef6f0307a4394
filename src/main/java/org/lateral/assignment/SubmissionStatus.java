package org.lateral.assignment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/**
 * Where one student's work on an assignment stands: the one rule every screen uses, the
 * teacher's results table as it is and the student's "My assignments" through
 * {@link AssignmentStatus}. A pure function of the facts, so it is tested without a database.
 */
public enum SubmissionStatus implements Labelled {
    NOT_STARTED("assignment.submissionStatus.notStarted"),
    IN_PROGRESS("assignment.submissionStatus.inProgress"),
    SUBMITTED("assignment.submissionStatus.submitted"),
    LATE("assignment.submissionStatus.late"),
    MISSING("assignment.submissionStatus.missing");

    private final String labelKey;

    SubmissionStatus(String labelKey) {
        this.labelKey = labelKey;
    }

    @Override
    public String labelKey() {
        return labelKey;
    }

    /** The English words, for pages not yet translated and English-only outputs. */
    public String label() {
        return Translations.english(labelKey);
    }

    /** Submitted on time or late: there is work to score. */
    public boolean submitted() {
        return this == SUBMITTED || this == LATE;
    }

    /**
     * @param due the student's own due date (an accommodation replaces the class's)
     * @param startedAt when the current attempt was started, null before the student opened the work
     * @param submittedAt when the current attempt was submitted, null while it can change (also after
     *        the teacher reopened it or the student started a revision)
     */
    public static SubmissionStatus of(
            Instant now, Instant due, @Nullable Instant startedAt, @Nullable Instant submittedAt) {
        if (submittedAt != null) {
            return submittedAt.isAfter(due) ? LATE : SUBMITTED;
        }
        if (!now.isBefore(due)) {
            return MISSING;
        }
        return startedAt != null ? IN_PROGRESS : NOT_STARTED;
    }
}
