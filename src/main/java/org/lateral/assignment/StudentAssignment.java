package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An open assignment as its student works on it: what to mark, and until when. */
public record StudentAssignment(
        UUID id,
        UUID schoolId,
        UUID classId,
        String title,
        UUID articleVersionId,
        @Nullable UUID keyVersionId,
        Instant dueAt,
        ZoneId timeZone,
        boolean lateWorkAccepted,
        FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        @Nullable Instant revisionUntil,
        @Nullable Instant feedbackReleasedAt) {

    /** Whether work may still change now: before the due date, or after it when late work is accepted. */
    public boolean acceptsWork(Instant now) {
        return now.isBefore(dueAt) || lateWorkAccepted;
    }

    /** Whether this student's submitted work may be shown against the key now. */
    public boolean feedbackReleased(Instant now) {
        return feedbackPolicy.releases(now, dueAt, feedbackReleasedAt);
    }

    /**
     * Whether a second attempt may be started now: revision is allowed and its window (or, without
     * one, the time the assignment takes work) has not closed.
     */
    public boolean revisionOpen(Instant now) {
        if (!revisionAllowed) {
            return false;
        }
        return revisionUntil != null ? now.isBefore(revisionUntil) : acceptsWork(now);
    }
}
