package org.lateral.base.highlighter;

/**
 * The server's answer to one save, sent only after the database transaction has committed.
 *
 * @param status see {@link SaveStatus}; it reaches the browser as its code ("saved", …)
 * @param message for {@link SaveStatus#REJECTED} and {@link SaveStatus#BUSY}, why, in words a
 *     student understands; empty otherwise
 */
public record SaveResult(String markId, int seq, SaveStatus status, String message) {

    public static SaveResult saved(String markId, int seq) {
        return new SaveResult(markId, seq, SaveStatus.SAVED, "");
    }

    public static SaveResult stale(String markId, int storedSeq) {
        return new SaveResult(markId, storedSeq, SaveStatus.STALE, "");
    }

    public static SaveResult busy(String markId, int seq) {
        return new SaveResult(markId, seq, SaveStatus.BUSY, "Saving is paused for a moment; it will go on by itself.");
    }

    public static SaveResult rejected(String markId, int seq, String message) {
        return new SaveResult(markId, seq, SaveStatus.REJECTED, message);
    }
}
