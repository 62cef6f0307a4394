package org.lateral.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assignment (lesson) as the school view counts it: its class, dates, the exercise of each step
 * in order, and the students with a later due date of their own.
 */
public record SchoolAssignment(
        UUID id,
        UUID classId,
        String title,
        Instant openAt,
        Instant dueAt,
        List<String> exercises,
        Map<UUID, Instant> dueOverrides) {

    public SchoolAssignment {
        exercises = List.copyOf(exercises);
        dueOverrides = Map.copyOf(dueOverrides);
    }

    /** The student's own due date: an accommodation if they have one, else the assignment's. */
    public Instant dueFor(UUID studentId) {
        return dueOverrides.getOrDefault(studentId, dueAt);
    }
}
