package org.lateral.submission;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.lateral.base.highlighter.SavedMark;

/** One student's attempt for the teacher: the text, their marks, and the attempt beside the key with its history. */
public record TeacherReview(
        UUID assignmentId,
        ZoneId timeZone,
        String student,
        String text,
        List<SavedMark> marks,
        AttemptReview review,
        boolean latest) {

    public TeacherReview {
        marks = List.copyOf(marks);
    }
}
