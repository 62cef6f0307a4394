package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.library.ClaimType;
import org.lateral.library.SourceKind;

/**
 * A student's own progress (DD016, "A student's own progress"): only their own work, and only
 * lessons whose full feedback they can read now (released, no revision possible; DD006). Nothing
 * about a classmate is in it.
 *
 * @param lessons the counted lessons, oldest due first
 * @param claimTypes per claim type, first lesson against latest and attempt 1 against attempt 2
 * @param sourceKinds per source kind, likewise
 */
public record StudentProgress(
        List<Lesson> lessons,
        List<WorkTallies.Change<ClaimType>> claimTypes,
        List<WorkTallies.Change<SourceKind>> sourceKinds) {

    public StudentProgress {
        lessons = List.copyOf(lessons);
        claimTypes = List.copyOf(claimTypes);
        sourceKinds = List.copyOf(sourceKinds);
    }

    public boolean empty() {
        return lessons.isEmpty();
    }

    /** One lesson with released feedback. */
    public record Lesson(
            UUID assignmentId,
            String title,
            Instant dueAt,
            ZoneId timeZone,
            @Nullable Double score,
            List<Step> steps) {

        public Lesson {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of a lesson.
     *
     * @param firstScore attempt 1's score; null when not scored
     * @param revisedScore attempt 2's score; null without a scored revision
     */
    public record Step(
            String exercise,
            @Nullable Double firstScore,
            @Nullable Double revisedScore) {

        public @Nullable Double gain() {
            return firstScore == null || revisedScore == null ? null : ScoreStatistics.round(revisedScore - firstScore);
        }
    }
}
