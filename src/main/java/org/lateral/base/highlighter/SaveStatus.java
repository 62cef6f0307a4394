package org.lateral.base.highlighter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the server answered one save (DD004, DD007). It crosses the wire as its {@link #code()}, the
 * word the browser's save queue compares with; any word it does not know (today {@code busy})
 * means "try again later" to the browser, so a new status never loses a change.
 */
public enum SaveStatus {
    /** Committed. */
    SAVED("saved"),
    /** The server already had this change or a newer one; nothing was written. */
    STALE("stale"),
    /** Refused for good; the answer's message says why in words a student understands. */
    REJECTED("rejected"),
    /** Too many calls from this session: nothing was done, the browser retries (DD007). */
    BUSY("busy");

    private final String code;

    SaveStatus(String code) {
        this.code = code;
    }

    /** The word on the wire. */
    @JsonValue
    public String code() {
        return code;
    }
}
