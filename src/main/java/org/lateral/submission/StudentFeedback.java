package org.lateral.submission;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a student sees after submitting. Before the feedback policy releases it, {@code attempts}
 * is empty and {@code waiting} says when feedback comes: nothing of the key is in it.
 *
 * @param canRevise a second attempt may be started now
 * @param revisionInProgress attempt 2 exists and is not submitted yet
 * @param gain attempt 2's score minus attempt 1's, when both are scored and released
 */
public record StudentFeedback(UUID assignmentId, String title, String text, ZoneId timeZone, boolean released,
        @Nullable String waiting, List<AttemptReview> attempts, boolean canRevise, boolean revisionInProgress,
        @Nullable Double gain) {

    public StudentFeedback {
        attempts = List.copyOf(attempts);
    }
}
