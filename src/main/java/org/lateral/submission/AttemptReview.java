package org.lateral.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One submitted attempt against the key: every key claim with its outcome, the marks that matched
 * none, the score and the teacher's comments. Built only when the student may see it (the
 * feedback policy released it) or for the class's teacher.
 */
public record AttemptReview(
        UUID attemptId,
        int number,
        @Nullable Instant submittedAt,
        List<ClaimReview> claims,
        List<ClaimReview.ReviewedMark> extras,
        @Nullable ScoreEntry score,
        List<ScoreEntry> history,
        List<Comment> comments) {

    public AttemptReview {
        claims = List.copyOf(claims);
        extras = List.copyOf(extras);
        history = List.copyOf(history);
        comments = List.copyOf(comments);
    }

    public long count(ClaimReview.Outcome outcome) {
        return claims.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** A teacher's comment on the attempt. */
    public record Comment(String author, String body, Instant at) {}
}
