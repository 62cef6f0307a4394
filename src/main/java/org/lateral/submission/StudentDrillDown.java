package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * One student's work across a class's assignments, for the class's teacher (DD016, "Student
 * drill-down"). Statuses, counted scores and lesson scores follow the results page's rules.
 *
 * @param nameShared whether another student on the class's roster has the same display name, so
 *     that the page names the student with their username too
 * @param assignments by due date, as the class page lists them
 * @param claimTypes key claims by type over every assignment, each from the latest submitted
 *     attempt of the claims step; types without key claims are left out
 * @param sourceKinds key sources by kind, likewise from the latest submitted "Who says so?" attempts
 */
public record StudentDrillDown(
        UUID classId,
        String className,
        ZoneId timeZone,
        UUID studentId,
        String displayName,
        String username,
        boolean nameShared,
        List<AssignmentWork> assignments,
        List<WorkTallies.Tally<ClaimType>> claimTypes,
        List<WorkTallies.Tally<SourceKind>> sourceKinds) {

    public StudentDrillDown {
        assignments = List.copyOf(assignments);
        claimTypes = List.copyOf(claimTypes);
        sourceKinds = List.copyOf(sourceKinds);
    }

    /** One assignment (lesson) as this student did it. */
    public record AssignmentWork(
            UUID assignmentId,
            String title,
            Instant dueAt,
            boolean open,
            SubmissionStatus status,
            @Nullable Double lessonScore,
            boolean lessonProvisional,
            List<StepWork> steps) {

        public AssignmentWork {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of the lesson.
     *
     * @param counted the step's counted score (its latest scored attempt's); null before one
     * @param gain attempt 2's score minus attempt 1's, when both are scored
     */
    public record StepWork(
            int position,
            String exercise,
            List<AttemptWork> attempts,
            @Nullable ScoreEntry counted,
            @Nullable Double gain) {

        public StepWork {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt of a step.
     *
     * @param score its latest score row; null when not scored
     * @param found what it found of the key in the step's category family (claims or sources);
     *     null for an attempt not submitted, or a step without a key or without categories
     * @param comments the teacher's comments on it, oldest first
     * @param overrides its score rows that a teacher set or removed, oldest first
     */
    public record AttemptWork(
            UUID attemptId,
            int number,
            @Nullable Instant submittedAt,
            boolean late,
            @Nullable ScoreEntry score,
            @Nullable Found found,
            List<AttemptReview.Comment> comments,
            List<ScoreEntry> overrides) {

        public AttemptWork {
            comments = List.copyOf(comments);
            overrides = List.copyOf(overrides);
        }
    }

    /** Key items of an attempt: how many, how many found, how many of those with the right category. */
    public record Found(int total, int found, int right) {}
}
