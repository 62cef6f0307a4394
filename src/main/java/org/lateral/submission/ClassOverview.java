package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;

/**
 * One class's assignments side by side, for its teacher (DD016, "Class overview"). Scores are
 * counted scores (the latest scored attempt of a step) of the students on the class's roster now.
 *
 * @param students how many students the class has now
 * @param assignments by due date, as the class page lists them
 */
public record ClassOverview(
        UUID classId, String className, ZoneId timeZone, int students, List<AssignmentOverview> assignments) {

    public ClassOverview {
        assignments = List.copyOf(assignments);
    }

    /** Submitted (on time or late) lessons among all lessons the class's students were given. */
    public int submittedLessons() {
        return assignments.stream()
                .filter(AssignmentOverview::open)
                .mapToInt(AssignmentOverview::submitted)
                .sum();
    }

    /**
     * Lessons given: every student of the class once per assignment open now (one that opens
     * later is not counted as "not submitted" yet).
     */
    public int givenLessons() {
        return assignments.stream()
                .filter(AssignmentOverview::open)
                .mapToInt(AssignmentOverview::given)
                .sum();
    }

    /** The share of given lessons submitted, 0 to 100, rounded down; null without an assignment or student. */
    public @Nullable Integer completionPercent() {
        int given = givenLessons();
        return given == 0 ? null : (int) (100L * submittedLessons() / given);
    }

    /**
     * One assignment (lesson) of the class.
     *
     * @param open whether students can see it now (its opening time has come)
     * @param statuses how many students are in each status, every status present (0 when none)
     * @param lessonScores the spread of the lesson scores of students with one; null when nobody has one
     * @param usualMedian the median of the class's other scored assignments' median lesson scores;
     *     null when there is no other
     * @param notablyLower the flag of {@link ScoreStatistics#notablyLower}
     */
    public record AssignmentOverview(
            UUID assignmentId,
            String title,
            Instant dueAt,
            boolean open,
            Map<SubmissionStatus, Integer> statuses,
            List<StepOverview> steps,
            ScoreStatistics.@Nullable Spread lessonScores,
            @Nullable Double usualMedian,
            boolean notablyLower) {

        public AssignmentOverview {
            statuses = Map.copyOf(statuses);
            steps = List.copyOf(steps);
        }

        public int count(SubmissionStatus status) {
            return statuses.getOrDefault(status, 0);
        }

        public int given() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int submitted() {
            return count(SubmissionStatus.SUBMITTED) + count(SubmissionStatus.LATE);
        }

        public @Nullable Double lessonMedian() {
            return lessonScores == null ? null : lessonScores.median();
        }
    }

    /**
     * One step of an assignment.
     *
     * @param scores the spread of the step's counted scores; null when no student has one
     * @param revised how many students have both attempt 1 and attempt 2 of the step scored
     * @param medianGain the median of attempt 2's score minus attempt 1's among them; null when none
     */
    public record StepOverview(
            int position,
            String exercise,
            ScoreStatistics.@Nullable Spread scores,
            int revised,
            @Nullable Double medianGain) {}
}
