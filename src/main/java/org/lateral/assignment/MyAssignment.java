package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One assignment in a student's list, with their own due date and status.
 *
 * @param exercises the lesson's steps' exercises, in order (DD013)
 */
public record MyAssignment(
        UUID id,
        String title,
        String className,
        Instant dueAt,
        ZoneId timeZone,
        AssignmentStatus status,
        boolean lateWorkAccepted,
        java.util.List<String> exercises) {

    public MyAssignment {
        exercises = java.util.List.copyOf(exercises);
    }
}
