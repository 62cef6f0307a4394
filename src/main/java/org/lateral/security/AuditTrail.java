package org.lateral.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of who did what, when and from where (R19, DD022). It lives here, in
 * security, so that sign-in and every feature can record without depending on the audit feature,
 * which implements it and owns the table.
 *
 * <p>Callers pass ids and short fixed words, never a password, a session id, a join code in
 * clear or a student's answer text; whatever text arrives is stored with its control characters
 * encoded, so it stays one line. A successful action is recorded in the caller's transaction (it
 * is recorded only if it happened); a failure or refusal is recorded in a transaction of its own,
 * so that the caller's rollback cannot erase it.
 */
public interface AuditTrail {

    /** Who acted: an account, its school and its roles at the time. */
    record Actor(UUID accountId, UUID schoolId, String username, Set<Role> roles) {
        public Actor {
            roles = Set.copyOf(roles);
        }

        public static Actor of(LateralUser user) {
            return new Actor(user.accountId(), user.schoolId(), user.getUsername(), user.roles());
        }

        public static Actor of(LoginAccount account) {
            return new Actor(account.accountId(), account.schoolId(), account.username(), account.roles());
        }
    }

    /**
     * One event in full.
     *
     * @param actor who acted; null for nobody signed in (a wrong password for an unknown username, a
     *     new student trying a join code)
     * @param schoolId the school the event belongs to; null means the actor's school (none for an
     *     anonymous actor: such events are for the operator, not a school's admin)
     * @param fallbackAddress the client's address when the event happens outside a web request
     *     the audit trail can see (may be empty)
     * @param detail a few plain words (a reason, a count, the last two characters of a typed join
     *     code), never a secret
     */
    record Entry(
            AuditAction action,
            AuditOutcome outcome,
            @Nullable Actor actor,
            @Nullable UUID schoolId,
            String objectType,
            List<UUID> objectIds,
            String detail,
            String fallbackAddress) {
        public Entry {
            objectIds = List.copyOf(objectIds);
        }
    }

    void record(Entry entry);

    /** An action of the signed-in user (or of nobody, outside a sign-in). */
    void record(AuditAction action, AuditOutcome outcome, String objectType, List<UUID> objectIds, String detail);

    /** A successful action of the signed-in user on the objects named. */
    default void success(AuditAction action, String objectType, UUID... objectIds) {
        record(action, AuditOutcome.SUCCESS, objectType, List.of(objectIds), "");
    }

    /**
     * What may be kept of a join code someone typed: its last two characters, enough to tell a
     * typo of the real code from a guess, too few to join with.
     */
    static String codeHint(@Nullable String typed) {
        String code = typed == null ? "" : typed.strip();
        if (code.length() < 6) {
            return "code of " + code.length() + " characters";
        }
        return "code ending in '" + code.substring(code.length() - 2) + "' (" + code.length() + " characters)";
    }
}
