package org.lateral.security;

import org.lateral.base.i18n.Labelled;
import org.lateral.base.i18n.Translations;

/**
 * What an audit event records (R19, DD022): a fixed list, stored by its name. A new kind of event
 * gets a new constant here; the admin's filter lists these.
 */
public enum AuditAction implements Labelled {
    SIGN_IN("signIn"),
    SIGN_IN_FAILED("signInFailed"),
    /** An attempt refused by the sign-in throttle before its password was checked (DD007). */
    SIGN_IN_THROTTLED("signInThrottled"),
    SIGN_OUT("signOut"),
    /** The session guard ended a signed-in session: idle, too long, or ended elsewhere (DD007). */
    SESSION_ENDED("sessionEnded"),
    /** A service refused a call by its declared access rule (DD009). */
    ACCESS_DENIED("accessDenied"),
    /** A signed-in person asked for a page their role may not open. */
    PAGE_DENIED("pageDenied"),
    JOIN_CODE_TRY("joinCodeTry"),
    PASSWORD_RESET("passwordReset"),
    ACCOUNT_DISABLED("accountDisabled"),
    ACCOUNT_ENABLED("accountEnabled"),
    STUDENT_RENAMED("studentRenamed"),
    STUDENT_REMOVED("studentRemoved"),
    ROLE_CHANGED("roleChanged"),
    SCORE_OVERRIDDEN("scoreOverridden"),
    KEY_AMENDED("keyAmended"),
    KEY_VERSION_PINNED("keyVersionPinned"),
    /** A teacher changed an assignment's settings (DD035). */
    ASSIGNMENT_EDITED("assignmentEdited"),
    /** A teacher deleted an assignment nobody had opened (DD035). */
    ASSIGNMENT_DELETED("assignmentDeleted"),
    /** A teacher removed an assignment with students' work: it is kept, hidden (DD035). */
    ASSIGNMENT_ARCHIVED("assignmentArchived"),
    ASSIGNMENT_RESTORED("assignmentRestored"),
    KEY_PUBLISHED("keyPublished"),
    COMPARISON_KEY_PUBLISHED("comparisonKeyPublished"),
    PACK_EXPORTED("packExported"),
    PACK_IMPORTED("packImported"),
    SUBMISSION_VIEWED("submissionViewed"),
    STUDENT_DATA_EXPORTED("studentDataExported"),
    STUDENT_DATA_DELETED("studentDataDeleted"),
    /** The instance operator added a school and its first admin with the jar's command (DD025). */
    SCHOOL_CREATED("schoolCreated"),
    /** A school admin invited a teacher with a one-time code (DD026). */
    TEACHER_INVITED("teacherInvited"),
    INVITATION_ACCEPTED("invitationAccepted"),
    INVITATION_WITHDRAWN("invitationWithdrawn"),
    STUDENT_MOVED("studentMoved"),
    /** An admin lifted the sign-in throttle for an account or an address (DD026, "Unlocks"). */
    SIGN_IN_UNLOCKED("signInUnlocked"),
    JOIN_UNLOCKED("joinUnlocked"),
    SCHOOL_SETTING_CHANGED("schoolSettingChanged");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    @Override
    public String labelKey() {
        return "audit.action." + code;
    }

    /** The action in English words, as the trail's records carry it. */
    public String label() {
        return Translations.english(labelKey());
    }
}
