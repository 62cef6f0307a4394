package org.lateral.security;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** Tried and failed: a wrong password, a wrong join code. */
    FAILURE,
    /** Refused by a rule or a throttle. */
    DENIED
}
