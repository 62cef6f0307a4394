package org.lateral.classroom;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lateral.security.Role;

/**
 * A person of the school as its admin sees them (DD026): the account, its roles, the classes it
 * teaches (a teacher) or is enrolled in now (a student), and whether the sign-in or join throttle
 * holds it back at this moment.
 *
 * @param version the account's version, for renaming without overwriting someone else's change
 * @param demo a demo account (DD007), which stays off outside demo mode
 */
public record SchoolMember(
        UUID id,
        String username,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        List<ClassRef> classes,
        int version,
        boolean demo,
        boolean signInHeldBack,
        boolean joinHeldBack) {

    public SchoolMember {
        roles = Set.copyOf(roles);
        classes = List.copyOf(classes);
    }

    /** A class named on a member's row. */
    public record ClassRef(UUID id, String name) {}

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    SchoolMember withHolds(boolean signIn, boolean join) {
        return new SchoolMember(id, username, displayName, enabled, roles, classes, version, demo, signIn, join);
    }
}
