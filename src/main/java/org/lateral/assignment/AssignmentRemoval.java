package org.lateral.assignment;

/** What removing an assignment did (DD035). */
public enum AssignmentRemoval {
    /** Nobody had opened it: it is gone. */
    DELETED,
    /** Students had work on it: it is hidden from them and kept, and its teacher can restore it. */
    ARCHIVED
}
