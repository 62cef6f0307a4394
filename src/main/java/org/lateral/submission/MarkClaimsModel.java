package org.lateral.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lateral.base.AnchoredSpan;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.i18n.KeyedText;
import org.lateral.library.ClaimType;

/**
 * The rules for one mark, with no database and no UI, so they are tested on their own. A mark
 * from the browser is checked against the canonical text: its type must be one of the six, its
 * span inside the text and at most {@link #MAX_SPAN} characters, and its quote must be the text at
 * its offsets. When the offsets and the quote disagree (a stale page, a different tab), the quote
 * wins: the mark is re-anchored where the quote occurs, choosing the occurrence whose context
 * matches best, then the nearest. Anything else is refused with a sentence a student understands.
 */
public final class MarkClaimsModel {

    public static final int MAX_SPAN = 2000;
    public static final int MAX_MARKS_PER_ATTEMPT = 200;
    /**
     * Rows one attempt may hold, deleted marks (tombstones) included: a deleted mark keeps its
     * row so a replayed older save cannot bring it back, and this bounds what a flood of
     * create-and-delete saves can store.
     */
    public static final int MAX_STORED_MARKS_PER_ATTEMPT = 3 * MAX_MARKS_PER_ATTEMPT;

    private MarkClaimsModel() {}

    public sealed interface Decision {
        record Accept(AnchoredSpan span, ClaimType type) implements Decision {}

        record Reject(KeyedText message) implements Decision {}
    }

    public static Decision check(String text, MarkState mark) {
        if (mark.markId() == null || mark.seq() < 1) {
            return new Decision.Reject(KeyedText.of("submission.save.mark.unreadable"));
        }
        ClaimType type = mark.type() == null
                ? null
                : ClaimType.fromCode(mark.type().toLowerCase(Locale.ROOT)).orElse(null);
        if (type == null) {
            return new Decision.Reject(KeyedText.of("submission.save.mark.badType"));
        }
        String exact = mark.exact() == null ? "" : mark.exact();
        if (exact.isEmpty() || mark.end() - mark.start() > MAX_SPAN || exact.length() > MAX_SPAN) {
            return new Decision.Reject(
                    exact.isEmpty()
                            ? KeyedText.of("submission.save.mark.noWords")
                            : KeyedText.of("submission.save.mark.longSpan", MAX_SPAN));
        }
        if (mark.start() < 0 || mark.end() > text.length() || mark.start() >= mark.end()) {
            // Offsets outside the text come from a tampered or broken request, not a stale page.
            return new Decision.Reject(KeyedText.of("submission.save.mark.outside"));
        }
        if (text.substring(mark.start(), mark.end()).equals(exact)) {
            return new Decision.Accept(AnchoredSpan.of(text, mark.start(), mark.end()), type);
        }
        int at = reanchor(
                text,
                exact,
                mark.prefix() == null ? "" : mark.prefix(),
                mark.suffix() == null ? "" : mark.suffix(),
                mark.start());
        if (at < 0) {
            return new Decision.Reject(KeyedText.of("submission.save.mark.moved"));
        }
        return new Decision.Accept(AnchoredSpan.of(text, at, at + exact.length()), type);
    }

    /** Where the quote occurs with the best-matching context, or -1 when it does not occur. */
    static int reanchor(String text, String exact, String prefix, String suffix, int hint) {
        List<Integer> hits = new ArrayList<>();
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            hits.add(at);
        }
        int best = -1;
        int bestScore = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int at : hits) {
            int score = commonSuffix(text.substring(0, at), prefix)
                    + commonPrefix(text.substring(at + exact.length()), suffix);
            int distance = Math.abs(at - hint);
            if (score > bestScore || (score == bestScore && distance < bestDistance)) {
                best = at;
                bestScore = score;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
