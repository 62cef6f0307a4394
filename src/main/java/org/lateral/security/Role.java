package org.lateral.security;

/** Roles are per school (DD000, "Roles"): the first account of an install is TEACHER and ADMIN. */
public enum Role {
    TEACHER,
    STUDENT,
    ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_TEACHER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
