package org.lateral.classroom;

import java.time.Instant;
import java.util.UUID;

/**
 * A student in a class, as the teacher sees the roster.
 *
 * @param sharedWithOtherTeacher the student is also in another teacher's class, so account-level
 *     actions (rename, password reset) belong to a school admin
 */
public record RosterEntry(UUID studentId, String username, String displayName, Instant enrolledAt,
        boolean mustChangePassword, boolean sharedWithOtherTeacher) {}
