package org.lateral.submission;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a student sees after submitting: exactly one of three states. Before the feedback policy
 * releases it, {@code waiting} says when feedback comes and nothing of the key is in it. While a
 * revision is possible, {@code hints} says where to look again and {@code attempts} is empty, so
 * the key's claims cannot reach the page (DD006). Otherwise {@code attempts} holds every
 * submitted attempt beside the key.
 *
 * @param released the attempts beside the key are here
 * @param hints where to look again, while a revision is possible
 * @param canRevise a second attempt may be started now
 * @param revisionInProgress attempt 2 exists and is not submitted yet
 * @param gain attempt 2's score minus attempt 1's, when both are scored and released
 * @param sources the "Who says so?" step's submitted attempts beside its key, when released and no
 *     revision is possible (DD013, DD006)
 * @param sourceHints where to look again in the "Who says so?" step, while a revision is possible
 * @param compare the compare-outlets step's submitted attempts beside its key, when released and no
 *     revision is possible (DD015)
 * @param compareHints what to look at again in the compare-outlets step, while a revision is possible
 */
public record StudentFeedback(
        UUID assignmentId,
        String title,
        String text,
        ZoneId timeZone,
        boolean released,
        @Nullable Waiting waiting,
        List<AttemptReview> attempts,
        @Nullable RevisionHints hints,
        boolean canRevise,
        boolean revisionInProgress,
        @Nullable Double gain,
        List<SourceAttempt> sources,
        @Nullable SourceHints sourceHints,
        List<CompareAttempt> compare,
        @Nullable CompareHints compareHints) {

    /**
     * One submitted attempt of the compare step: its feedback beside the key and its latest score
     * row, when it has one (the step is scored by its own grader; until then, none).
     */
    public record CompareAttempt(
            int number, CompareFeedback feedback, @Nullable CompareScore score) {}

    /**
     * A compare score row as the student sees it (V0014): the score that counts and its parts.
     *
     * @param provisional the teacher has not graded the judgement yet, so the score leaves it out
     * @param matrix null when the key has no core claims
     * @param judgement null until the teacher grades the judgement
     */
    public record CompareScore(
            double score,
            boolean overridden,
            boolean provisional,
            @Nullable Double grid,
            @Nullable Double matrix,
            @Nullable Double judgement) {}

    /** Feedback of a lesson without a compare step. */
    public StudentFeedback(
            UUID assignmentId,
            String title,
            String text,
            ZoneId timeZone,
            boolean released,
            @Nullable Waiting waiting,
            List<AttemptReview> attempts,
            @Nullable RevisionHints hints,
            boolean canRevise,
            boolean revisionInProgress,
            @Nullable Double gain,
            List<SourceAttempt> sources,
            @Nullable SourceHints sourceHints) {
        this(
                assignmentId,
                title,
                text,
                timeZone,
                released,
                waiting,
                attempts,
                hints,
                canRevise,
                revisionInProgress,
                gain,
                sources,
                sourceHints,
                List.of(),
                null);
    }

    /**
     * Why there is no feedback yet; the page words it in the student's language (DD034).
     *
     * @param dueAt when feedback comes for {@link Reason#AFTER_DUE}, in the feedback's time zone
     */
    public record Waiting(Reason reason, java.time.Instant dueAt) {

        public enum Reason {
            /** Nothing is submitted yet. */
            NOTHING_SUBMITTED,
            /** The article has no answer key, so there is nothing to show. */
            NO_KEY,
            /** Feedback is released on the due date. */
            AFTER_DUE,
            /** The teacher releases feedback. */
            TEACHER_RELEASES
        }
    }

    /** One submitted attempt of the sources step: its review beside the key and the score that counts. */
    public record SourceAttempt(
            int number, SourceReview review, @Nullable ScoreEntry score) {}

    /** Feedback of a lesson without a sources step. */
    public StudentFeedback(
            UUID assignmentId,
            String title,
            String text,
            ZoneId timeZone,
            boolean released,
            @Nullable Waiting waiting,
            List<AttemptReview> attempts,
            @Nullable RevisionHints hints,
            boolean canRevise,
            boolean revisionInProgress,
            @Nullable Double gain) {
        this(
                assignmentId,
                title,
                text,
                timeZone,
                released,
                waiting,
                attempts,
                hints,
                canRevise,
                revisionInProgress,
                gain,
                List.of(),
                null,
                List.of(),
                null);
    }

    public StudentFeedback {
        sources = List.copyOf(sources);
        attempts = List.copyOf(attempts);
        compare = List.copyOf(compare);
        boolean hinting = hints != null || sourceHints != null || compareHints != null;
        int states = (released ? 1 : 0) + (hinting ? 1 : 0) + (waiting != null ? 1 : 0);
        // The key of any step travels only in the released state (DD006, DD013): hints never come
        // with a review, and a released feedback has at least one step's review.
        if (states != 1 || released == (attempts.isEmpty() && sources.isEmpty() && compare.isEmpty())) {
            throw new IllegalArgumentException("Feedback is waiting, hints or the released key, one at a time");
        }
    }

    /** Whether the lesson has a "Mark the claims" step whose feedback is shown. */
    public boolean hasClaims() {
        return !attempts.isEmpty() || hints != null;
    }
}
