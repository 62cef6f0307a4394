package org.lateral.submission;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compare-outlets work as the browser sends it (DD015): each item's full state with the
 * browser's per-item seq, the same protocol as marks and sources (DD004). Ids arrive as text and
 * nothing is trusted until {@link CompareWorkService} has checked it. Each save is answered with
 * a {@link org.lateral.base.highlighter.SaveResult} whose id is the item's key ({@link #gridKey} …).
 */
public final class CompareItems {

    private CompareItems() {}

    /** One article's grid; every field may be empty (not answered yet). */
    public record GridState(
            @Nullable String articleId,
            int seq,
            @Nullable String framing,
            @Nullable Integer namedSources,
            @Nullable Integer anonymousSources,
            @Nullable String reporting,
            @Nullable List<String> relayedFrom,
            @Nullable String includes,
            @Nullable String outletKind) {}

    /** A hedge or loaded words picked in one article, or its deletion. */
    public record SpanState(
            @Nullable String spanId,
            int seq,
            @Nullable String articleId,
            @Nullable String kind,
            int start,
            int end,
            @Nullable String exact,
            @Nullable String prefix,
            @Nullable String suffix,
            boolean deleted) {}

    /**
     * How one article carries one core claim (null: not answered), and optionally the wording
     * that shows it (start and end null without one).
     */
    public record CellState(
            @Nullable String claimId,
            @Nullable String articleId,
            int seq,
            @Nullable String carried,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String exact,
            @Nullable String prefix,
            @Nullable String suffix) {}

    /** What the student found about an outlet outside the article. */
    public record NoteState(
            @Nullable String outletId,
            int seq,
            @Nullable String address,
            @Nullable String note) {}

    /** The closing judgement. */
    public record JudgementState(int seq, @Nullable String judgement) {}

    public static String gridKey(String articleId) {
        return "grid:" + articleId;
    }

    public static String spanKey(String spanId) {
        return "span:" + spanId;
    }

    public static String cellKey(String claimId, String articleId) {
        return "cell:" + claimId + ":" + articleId;
    }

    public static String noteKey(String outletId) {
        return "note:" + outletId;
    }

    public static final String JUDGEMENT_KEY = "judgement";
}
