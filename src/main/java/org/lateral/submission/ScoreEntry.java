package org.lateral.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of an attempt's score history: what it was computed against and why it was made.
 *
 * @param computed what the rules give
 * @param score what counts: the teacher's override when there is one
 * @param keyVersionId the answer key version; null for a compare-outlets row, which names its
 *     comparison key version in {@code compare}
 * @param causedBy the teacher's display name, or null when Lateral scored on submission
 * @param compare the parts of a compare-outlets row (DD014); null for the other exercises
 */
public record ScoreEntry(
        @Nullable UUID keyVersionId,
        List<UUID> amendmentIds,
        String rulesVersion,
        double computed,
        double score,
        boolean overridden,
        int found,
        int mislabelled,
        int missed,
        int extra,
        ScoreCause cause,
        @Nullable String causedBy,
        @Nullable String comment,
        Instant at,
        @Nullable CompareParts compare) {

    public ScoreEntry {
        amendmentIds = List.copyOf(amendmentIds);
    }

    /** Whether the score leaves out a part still to be graded (a compare judgement not graded yet). */
    public boolean provisional() {
        return compare != null && compare.provisional();
    }

    /**
     * The parts of a compare-outlets score row, each 0–1 (DD014).
     *
     * @param matrix null when the comparison key has no core claims
     * @param judgement null until the teacher grades the judgement; the row is then provisional
     */
    public record CompareParts(
            UUID comparisonKeyVersionId,
            double grid,
            @Nullable Double matrix,
            @Nullable Double judgement,
            boolean provisional) {}
}
