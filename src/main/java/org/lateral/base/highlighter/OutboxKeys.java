package org.lateral.base.highlighter;

import java.util.UUID;

/**
 * The one place that knows how the browser's outbox keys are made (DD004): every key of a user
 * starts with {@link #prefixFor(String)}, so signing out can remove them all at once on a shared
 * computer, and each attempt of a submission has its own key.
 *
 * <p>Format: {@code lateral-outbox:<username>:<submission id>:<attempt number>}. The stored
 * outboxes of users already in the field use it, so it must not change.
 */
public final class OutboxKeys {

    static final String NAMESPACE = "lateral-outbox:";

    private OutboxKeys() {}

    /** Every outbox key of this user starts with this ("lateral-outbox:<username>:"). */
    public static String prefixFor(String username) {
        return NAMESPACE + username + ":";
    }

    /** The key of one attempt's outbox. */
    public static String forAttempt(String username, UUID submissionId, int attemptNumber) {
        return prefixFor(username) + submissionId + ":" + attemptNumber;
    }
}
