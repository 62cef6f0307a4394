package org.lateral.classroom;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to join the school as a teacher (DD026, "Invitations"), as its admin's list shows
 * it. The code itself is never here: only its hash is stored.
 *
 * @param usedBy the display name of the teacher who accepted it, once used
 */
public record TeacherInvite(
        UUID id,
        String meantFor,
        boolean asAdmin,
        Instant createdAt,
        Instant expiresAt,
        State state,
        @Nullable String usedBy) {

    /** Where an invitation stands; only a pending one can still be accepted or withdrawn. */
    public enum State {
        PENDING,
        USED,
        EXPIRED,
        WITHDRAWN
    }

    /** A new invitation with its code, shown once to the admin who made it. */
    public record Issued(TeacherInvite invite, String code) {}
}
