package org.lateral.security;

import java.util.Set;
import java.util.UUID;

/** What sign-in needs to know of an account; the classroom feature owns the tables behind it. */
public record LoginAccount(
        UUID accountId,
        UUID schoolId,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        Set<Role> roles) {

    public LoginAccount {
        roles = Set.copyOf(roles);
    }
}
