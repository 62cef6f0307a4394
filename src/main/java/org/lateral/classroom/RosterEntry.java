package org.lateral.classroom;

import java.time.Instant;
import java.util.UUID;

/**
 * A student in a class, as the teacher sees the roster.
 *
 * @param sharedWithOtherTeacher the student is also in another teacher's class, so account-level
 *     actions (rename, password reset, disabling) belong to a school admin
 * @param enabled false when the account is switched off: it cannot sign in, its work is kept
 * @param version the account's version as read; a rename sends it back (optimistic locking)
 */
public record RosterEntry(
        UUID studentId,
        String username,
        String displayName,
        Instant enrolledAt,
        boolean mustChangePassword,
        boolean sharedWithOtherTeacher,
        boolean enabled,
        int version) {}
