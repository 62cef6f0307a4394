package org.lateral.security;

import java.util.Set;
import java.util.UUID;

/**
 * What sign-in needs to know of an account; the classroom feature owns the tables behind it.
 *
 * @param sessionEpoch raised when the account's sessions must end (password change or reset,
 *     disabling); a session signed in with an older value is ended by {@link SessionGuard}
 */
public record LoginAccount(
        UUID accountId,
        UUID schoolId,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        Set<Role> roles,
        int sessionEpoch) {

    public LoginAccount {
        roles = Set.copyOf(roles);
    }
}
