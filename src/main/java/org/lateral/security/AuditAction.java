package org.lateral.security;

/**
 * What an audit event records (R19, DD022): a fixed list, stored by its name. A new kind of event
 * gets a new constant here; the admin's filter lists these.
 */
public enum AuditAction {
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    /** An attempt refused by the sign-in throttle before its password was checked (DD007). */
    SIGN_IN_THROTTLED("Sign-in held back (too many tries)"),
    SIGN_OUT("Signed out"),
    /** The session guard ended a signed-in session: idle, too long, or ended elsewhere (DD007). */
    SESSION_ENDED("Session ended"),
    /** A service refused a call by its declared access rule (DD009). */
    ACCESS_DENIED("Access refused"),
    /** A signed-in person asked for a page their role may not open. */
    PAGE_DENIED("Page refused"),
    JOIN_CODE_TRY("Join code tried"),
    PASSWORD_RESET("Password reset"),
    ACCOUNT_DISABLED("Account switched off"),
    ACCOUNT_ENABLED("Account switched on"),
    STUDENT_RENAMED("Student renamed"),
    STUDENT_REMOVED("Student removed from a class"),
    ROLE_CHANGED("Role changed"),
    SCORE_OVERRIDDEN("Score set by a teacher"),
    KEY_AMENDED("Assignment key amended"),
    KEY_VERSION_PINNED("Newer key version pinned"),
    /** A teacher changed an assignment's settings (DD035). */
    ASSIGNMENT_EDITED("Assignment changed"),
    /** A teacher deleted an assignment nobody had opened (DD035). */
    ASSIGNMENT_DELETED("Assignment deleted"),
    /** A teacher removed an assignment with students' work: it is kept, hidden (DD035). */
    ASSIGNMENT_ARCHIVED("Assignment archived"),
    ASSIGNMENT_RESTORED("Assignment restored"),
    KEY_PUBLISHED("Answer key published"),
    COMPARISON_KEY_PUBLISHED("Comparison key published"),
    PACK_EXPORTED("Pack exported"),
    PACK_IMPORTED("Pack imported"),
    SUBMISSION_VIEWED("Student work viewed"),
    STUDENT_DATA_EXPORTED("Student data exported"),
    STUDENT_DATA_DELETED("Student data deleted"),
    /** The instance operator added a school and its first admin with the jar's command (DD025). */
    SCHOOL_CREATED("School added by the operator"),
    /** A school admin invited a teacher with a one-time code (DD026). */
    TEACHER_INVITED("Teacher invited"),
    INVITATION_ACCEPTED("Invitation accepted"),
    INVITATION_WITHDRAWN("Invitation withdrawn"),
    STUDENT_MOVED("Student moved to another class"),
    /** An admin lifted the sign-in throttle for an account or an address (DD026, "Unlocks"). */
    SIGN_IN_UNLOCKED("Sign-in unlocked"),
    JOIN_UNLOCKED("Joining unlocked"),
    SCHOOL_SETTING_CHANGED("School setting changed");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** The action in words, for the admin's screen. */
    public String label() {
        return label;
    }
}
