package org.lateral.base.highlighter;

/**
 * The server's answer to one save, sent only after the database transaction has committed.
 *
 * @param status {@code saved}; {@code stale} (the server already had this change or a newer one);
 *     {@code rejected} (bad input, {@code message} says why in words a student understands);
 *     {@code busy} (too many calls from this session: nothing was done, the browser retries)
 */
public record SaveResult(String markId, int seq, String status, String message) {

    public static SaveResult saved(String markId, int seq) {
        return new SaveResult(markId, seq, "saved", "");
    }

    public static SaveResult stale(String markId, int storedSeq) {
        return new SaveResult(markId, storedSeq, "stale", "");
    }

    public static SaveResult busy(String markId, int seq) {
        return new SaveResult(markId, seq, "busy", "Saving is paused for a moment; it will go on by itself.");
    }

    public static SaveResult rejected(String markId, int seq, String message) {
        return new SaveResult(markId, seq, "rejected", message);
    }
}
