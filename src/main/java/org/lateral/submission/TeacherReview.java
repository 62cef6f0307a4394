package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.highlighter.SavedMark;
import org.lateral.library.LibraryPins;

/**
 * One student's attempt for the teacher: the text, their marks, and the attempt beside the key with
 * its history. For an attempt of a "Who says so?" step, {@code sources} holds the student's source
 * work and its review, and {@code review} only the score history and comments (DD013); for a
 * compare-outlets attempt, {@code compare} holds the work beside the key, the rubric and the grade
 * (DD015).
 */
public record TeacherReview(
        UUID assignmentId,
        ZoneId timeZone,
        @Nullable String student,
        String text,
        List<SavedMark> marks,
        AttemptReview review,
        boolean latest,
        @Nullable Sources sources,
        @Nullable Compare compare) {

    public TeacherReview {
        marks = List.copyOf(marks);
    }

    /**
     * A compare-outlets attempt: the review item by item, the student's saved work (free texts,
     * lateral-reading notes, judgement), the assignment's rubric and the judgement's grade.
     *
     * @param grade the latest grade, or null when the judgement is not graded
     * @param outlets the compared outlets' names by outlet id, for the lateral-reading notes
     */
    public record Compare(
            CompareReview review,
            CompareWork work,
            List<LibraryPins.RubricLevel> rubric,
            @Nullable JudgementGrade grade,
            Map<UUID, String> outlets) {
        public Compare {
            rubric = List.copyOf(rubric);
            outlets = Map.copyOf(outlets);
        }
    }

    /**
     * The teacher's grade of a judgement.
     *
     * @param maxLevel the rubric's highest level when it was given
     * @param counts false when the student re-submitted after it: the score then leaves it out
     */
    public record JudgementGrade(int level, int maxLevel, Instant gradedAt, boolean counts) {}

    /** A sources attempt: the claims it links (numbered, no types), the work, and the review. */
    public record Sources(List<MarkingSession.ClaimToLink> claims, SourceWork work, SourceReview review) {
        public Sources {
            claims = List.copyOf(claims);
        }
    }
}
