package org.lateral.classroom;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.lateral.security.Role;

/** A person who signs in to Lateral; students are pseudonymous (no e-mail address). */
public record Account(
        UUID id,
        UUID schoolId,
        String username,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        Instant createdAt) {

    public Account {
        username = Usernames.normalise(username);
        displayName = displayName.strip();
        if (displayName.isEmpty() || displayName.length() > 100) {
            throw new IllegalArgumentException("A display name has 1 to 100 characters");
        }
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An account needs at least one role");
        }
    }
}
