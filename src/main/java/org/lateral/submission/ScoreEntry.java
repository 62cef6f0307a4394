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
 * @param causedBy the teacher's display name, or null when Lateral scored on submission
 */
public record ScoreEntry(
        UUID keyVersionId,
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
        Instant at) {

    public ScoreEntry {
        amendmentIds = List.copyOf(amendmentIds);
    }
}
