package org.lateral.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One assignment in a student's list, with their own due date and status. */
public record MyAssignment(
        UUID id,
        String title,
        String className,
        Instant dueAt,
        ZoneId timeZone,
        AssignmentStatus status,
        boolean lateWorkAccepted) {}
