package org.lateral.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.library.ClaimType;

/**
 * The teacher's results screen of one assignment.
 *
 * @param hasKey whether the assignment pins a key (without one nothing is scored)
 * @param newKeyVersion a newer library key version the teacher has not accepted or ignored
 * @param articleNames a compare step's columns by article id, named by outlet ("War in Context");
 *     empty without a compare step
 * @param claimNames a compare step's core claims by id, in their words
 */
public record Results(
        TeacherAssignment assignment,
        String text,
        boolean hasKey,
        List<StudentResult> students,
        @Nullable KeyNotice newKeyVersion,
        List<PopularSpan> popularSpans,
        List<PopularType> popularTypes,
        List<KeyAmendment> amendments,
        Map<UUID, String> articleNames,
        Map<String, String> claimNames) {

    public Results {
        students = List.copyOf(students);
        popularSpans = List.copyOf(popularSpans);
        popularTypes = List.copyOf(popularTypes);
        amendments = List.copyOf(amendments);
        articleNames = Map.copyOf(articleNames);
        claimNames = Map.copyOf(claimNames);
    }

    /** The outlet of a compared article, for a line about it. */
    public String articleName(@Nullable UUID articleId) {
        String name = articleId == null ? null : articleNames.get(articleId);
        return name == null ? "an article" : name;
    }

    /** A core claim's words, for a line about it. */
    public String claimName(@Nullable String claimId) {
        String name = claimId == null ? null : claimNames.get(claimId);
        return name == null ? String.valueOf(claimId) : name;
    }

    /**
     * One student's row.
     *
     * @param status by {@link SubmissionStatus#of}, from the lesson: started with its first
     *     attempt, submitted when every step of the latest round is
     * @param marks live marks of the current attempt of the claims step
     * @param attempts the attempts of the lesson's first step
     * @param gain attempt 2's score minus attempt 1's of the first step, when both are scored
     * @param steps every step's attempts, by position (DD013); the first is {@code attempts}
     * @param lessonScore the weighted mean of each step's counted score (its latest scored
     *     attempt), once every step has one; null before
     */
    public record StudentResult(
            UUID studentId,
            String displayName,
            String username,
            SubmissionStatus status,
            int marks,
            List<AttemptResult> attempts,
            @Nullable Double gain,
            List<StepResult> steps,
            @Nullable Double lessonScore) {

        public StudentResult {
            attempts = List.copyOf(attempts);
            steps = List.copyOf(steps);
        }

        /**
         * Whether the lesson score is provisional: a step's counted score leaves out a part still
         * to be graded (a compare judgement). It counts as it stands, marked as such.
         */
        public boolean lessonProvisional() {
            return lessonScore != null
                    && steps.stream()
                            .anyMatch(s -> s.counted() != null && s.counted().provisional());
        }

        public @Nullable AttemptResult attempt(int number) {
            return attempts.stream()
                    .filter(a -> a.number() == number)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One student's attempts at one step of the lesson. */
    public record StepResult(int position, String exercise, List<AttemptResult> attempts) {

        public StepResult {
            attempts = List.copyOf(attempts);
        }

        /** The score that counts for the step: the latest attempt's that has one. */
        public @Nullable ScoreEntry counted() {
            AttemptResult attempt = countedAttempt();
            return attempt == null ? null : attempt.score();
        }

        /** The attempt whose score counts for the step: the latest that has a score. */
        public @Nullable AttemptResult countedAttempt() {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i).score() != null) {
                    return attempts.get(i);
                }
            }
            return null;
        }
    }

    public record AttemptResult(
            UUID attemptId,
            int number,
            @Nullable Instant submittedAt,
            boolean late,
            @Nullable ScoreEntry score) {}

    /**
     * @param changes what the new version corrects, as its pack says ("" when it says nothing)
     * @param correctedDetails the article's details corrected with the new key, in plain words
     *        (the text is the same); empty when none
     */
    public record KeyNotice(
            UUID keyVersionId, Instant createdAt, String changes, String notes, List<String> correctedDetails) {
        public KeyNotice {
            correctedDetails = List.copyOf(correctedDetails);
        }
    }

    /**
     * A span students marked that the key does not have.
     *
     * @param claimId the key claim it overlaps most (accepting makes it an alternative span of
     *        that claim), or null (accepting adds a claim to this assignment's key)
     */
    public record PopularSpan(
            int start,
            int end,
            String exact,
            int students,
            ClaimType type,
            @Nullable String claimId,
            @Nullable String claimExact) {}

    public record PopularType(String claimId, String claimExact, ClaimType type, int students) {}
}
