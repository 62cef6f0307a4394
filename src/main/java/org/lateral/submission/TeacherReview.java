package org.lateral.submission;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.highlighter.SavedMark;

/**
 * One student's attempt for the teacher: the text, their marks, and the attempt beside the key with
 * its history. For an attempt of a "Who says so?" step, {@code sources} holds the student's source
 * work and its review, and {@code review} only the score history and comments (DD013).
 */
public record TeacherReview(
        UUID assignmentId,
        ZoneId timeZone,
        String student,
        String text,
        List<SavedMark> marks,
        AttemptReview review,
        boolean latest,
        @Nullable Sources sources) {

    public TeacherReview {
        marks = List.copyOf(marks);
    }

    /** A sources attempt: the claims it links (numbered, no types), the work, and the review. */
    public record Sources(List<MarkingSession.ClaimToLink> claims, SourceWork work, SourceReview review) {
        public Sources {
            claims = List.copyOf(claims);
        }
    }
}
