package org.lateral.base.highlighter;

import java.util.UUID;

/**
 * The one place that knows how the browser's outbox keys are made (DD004): every key of a user
 * starts with {@link #prefixFor(String)}, so signing out can remove them all at once on a shared
 * computer, and each attempt of a submission has its own key.
 *
 * <p>Format: {@code lateral-outbox:<username>:<submission id>:<attempt number>} for the first step
 * of a lesson, and {@code ...:<attempt number>:step<position>} for a later step (DD013). The
 * stored outboxes of users already in the field use the first form, so it must not change.
 */
public final class OutboxKeys {

    static final String NAMESPACE = "lateral-outbox:";

    private OutboxKeys() {}

    /** Every outbox key of this user starts with this ("lateral-outbox:<username>:"). */
    public static String prefixFor(String username) {
        return NAMESPACE + username + ":";
    }

    /** The key of one attempt's outbox (of a lesson's first step). */
    public static String forAttempt(String username, UUID submissionId, int attemptNumber) {
        return prefixFor(username) + submissionId + ":" + attemptNumber;
    }

    /**
     * The key of one attempt's outbox at a step of a lesson: the first step keeps the key it always
     * had, a later one gets its own, so a step's unsent changes are never replayed into another's.
     */
    public static String forAttempt(String username, UUID submissionId, int step, int attemptNumber) {
        String key = forAttempt(username, submissionId, attemptNumber);
        return step == 0 ? key : key + ":step" + step;
    }
}
