package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.classroom.RosterEntry;

/**
 * One assignment as its teacher grades it: its steps with their pins (DD013), the feedback
 * settings and the class's current roster. The pin accessors are those of the first step, the
 * only one of today's lessons.
 *
 * @param steps the lesson's steps by position, never empty
 * @param dueOverrides later due dates of single students (accommodations), by student id
 */
public record TeacherAssignment(
        UUID id,
        UUID schoolId,
        UUID classId,
        String className,
        String title,
        List<LessonStep> steps,
        Instant openAt,
        Instant dueAt,
        ZoneId timeZone,
        boolean lateWorkAccepted,
        FeedbackPolicy feedbackPolicy,
        @Nullable Instant feedbackReleasedAt,
        boolean revisionAllowed,
        @Nullable Instant revisionUntil,
        double matchThreshold,
        List<RosterEntry> roster,
        Map<UUID, Instant> dueOverrides) {

    public TeacherAssignment {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A lesson has at least one step");
        }
        roster = List.copyOf(roster);
        dueOverrides = Map.copyOf(dueOverrides);
    }

    /** The first step: the whole lesson of a one-step lesson. */
    public LessonStep firstStep() {
        return steps.getFirst();
    }

    /** The first step's exercise. */
    public String exercise() {
        return firstStep().exercise();
    }

    /** The first step's pinned article version. */
    public @Nullable UUID articleVersionId() {
        return firstStep().articleVersionId();
    }

    /** The first step's pinned key version. */
    public @Nullable UUID keyVersionId() {
        return firstStep().keyVersionId();
    }

    /** The newer key version the teacher chose not to move the first step to. */
    public @Nullable UUID keyVersionIgnoredId() {
        return firstStep().keyVersionIgnoredId();
    }

    /** The student's own due date: an accommodation replaces the class's. */
    public Instant dueFor(UUID studentId) {
        return dueOverrides.getOrDefault(studentId, dueAt);
    }
}
