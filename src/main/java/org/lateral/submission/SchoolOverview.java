package org.lateral.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.SubmissionStatus;

/**
 * A school at a glance, for its admin (DD016, "School view"): each class's completion and, per
 * exercise kind, the average score and the average revision gain, then the same for the whole
 * school. Only counts and averages: no student's name or work.
 *
 * @param classes the classes not archived, by name
 * @param exercises the whole school's figures per exercise kind, one row per kind in lesson order
 */
public record SchoolOverview(String schoolName, List<ClassRow> classes, List<ExerciseFigures> exercises) {

    public SchoolOverview {
        classes = List.copyOf(classes);
        exercises = List.copyOf(exercises);
    }

    /** Lessons given across the school: every student of a class once per assignment of it. */
    public int givenLessons() {
        return classes.stream().mapToInt(ClassRow::given).sum();
    }

    /** Lessons submitted (on time or late) across the school. */
    public int submittedLessons() {
        return classes.stream().mapToInt(ClassRow::submitted).sum();
    }

    /** The share of given lessons submitted, 0 to 100, rounded down; null when none was given. */
    public @Nullable Integer completionPercent() {
        return percent(submittedLessons(), givenLessons());
    }

    static @Nullable Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) (100L * part / whole);
    }

    /**
     * One class.
     *
     * @param students the students on its roster now
     * @param statuses lessons in each status (every status present), counted as the class overview
     *     counts them
     * @param exercises one row per exercise kind in lesson order, whether or not the class used it
     */
    public record ClassRow(
            UUID classId,
            String name,
            String teacherName,
            int students,
            int assignments,
            Map<SubmissionStatus, Integer> statuses,
            List<ExerciseFigures> exercises) {

        public ClassRow {
            statuses = Map.copyOf(statuses);
            exercises = List.copyOf(exercises);
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

        public @Nullable Integer completionPercent() {
            return percent(submitted(), given());
        }

        public ExerciseFigures exercise(String exercise) {
            return exercises.stream()
                    .filter(e -> e.exercise().equals(exercise))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * One exercise kind's figures over some students' steps of that kind.
     *
     * @param scored steps with a counted score (the latest scored attempt)
     * @param meanScore their mean, to one decimal; null when none
     * @param revised steps with both attempt 1 and attempt 2 scored
     * @param meanGain the mean of attempt 2's score minus attempt 1's among them, to one decimal;
     *     null when none
     */
    public record ExerciseFigures(
            String exercise,
            int scored,
            @Nullable Double meanScore,
            int revised,
            @Nullable Double meanGain) {}
}
