package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.classroom.RosterEntry;

/**
 * One assignment as its teacher grades it: the pins, the feedback settings and the class's
 * current roster.
 *
 * @param dueOverrides later due dates of single students (accommodations), by student id
 */
public record TeacherAssignment(
        UUID id,
        UUID schoolId,
        UUID classId,
        String className,
        String title,
        String exercise,
        @Nullable UUID articleVersionId,
        @Nullable UUID keyVersionId,
        @Nullable UUID keyVersionIgnoredId,
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
        roster = List.copyOf(roster);
        dueOverrides = Map.copyOf(dueOverrides);
    }

    /** The student's own due date: an accommodation replaces the class's. */
    public Instant dueFor(UUID studentId) {
        return dueOverrides.getOrDefault(studentId, dueAt);
    }
}
