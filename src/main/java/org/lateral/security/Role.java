package org.lateral.security;

import java.util.Locale;
import org.lateral.base.i18n.Labelled;

/** Roles are per school (DD000, "Roles"): the first account of an install is TEACHER and ADMIN. */
public enum Role implements Labelled {
    TEACHER,
    STUDENT,
    ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_TEACHER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name on a page ("Teacher"), in the audit trail and the school's staff list. */
    @Override
    public String labelKey() {
        return "security.role." + name().toLowerCase(Locale.ROOT);
    }
}
