package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open assignment as its student works on it: its steps (DD013) with what to mark, and until
 * when. The pin accessors are those of the first step, the only one of today's lessons.
 *
 * @param steps the lesson's steps by position; the first one is on an article
 */
public record StudentAssignment(
        UUID id,
        UUID schoolId,
        UUID classId,
        String title,
        List<LessonStep> steps,
        Instant dueAt,
        ZoneId timeZone,
        boolean lateWorkAccepted,
        FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        @Nullable Instant revisionUntil,
        @Nullable Instant feedbackReleasedAt) {

    public StudentAssignment {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.getFirst().articleVersionId() == null) {
            throw new IllegalArgumentException("A student's lesson starts with a step on an article");
        }
    }

    /** The first step: the whole lesson of a one-step lesson. */
    public LessonStep firstStep() {
        return steps.getFirst();
    }

    /** The first step's pinned article version. */
    public UUID articleVersionId() {
        return Objects.requireNonNull(firstStep().articleVersionId());
    }

    /** The first step's pinned key version. */
    public @Nullable UUID keyVersionId() {
        return firstStep().keyVersionId();
    }

    /** Whether work may still change now: before the due date, or after it when late work is accepted. */
    public boolean acceptsWork(Instant now) {
        return now.isBefore(dueAt) || lateWorkAccepted;
    }

    /**
     * Whether an attempt with this number may still change now: the first round while the
     * assignment takes work, a revision (round 2) also while its window is open, so a revision that
     * could be started after the due date can be saved and submitted too.
     */
    public boolean acceptsWork(Instant now, int attemptNumber) {
        return acceptsWork(now) || (attemptNumber > 1 && revisionOpen(now));
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
