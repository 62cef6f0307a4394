package org.lateral.base.highlighter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Feedback on one claim overlay, drawn by the browser as {@code data-status} (overlays.js,
 * {@code CLAIM_STATUSES}).
 */
public enum ClaimStatus {
    /** The student marked this claim of the key with an accepted type. */
    FOUND("found"),
    /** Marked, but with a type the key does not accept. */
    MISLABELLED("mislabelled"),
    /** In the key, not marked. */
    MISSED("missed"),
    /** Marked, but no claim of the key is there. */
    EXTRA("extra");

    private final String code;

    ClaimStatus(String code) {
        this.code = code;
    }

    /** The word on the wire ({@code data-status}). */
    @JsonValue
    public String code() {
        return code;
    }
}
