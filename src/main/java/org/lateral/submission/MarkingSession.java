package org.lateral.submission;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.highlighter.SavedMark;

/** Everything the marking page needs for one student's current attempt. */
public record MarkingSession(
        UUID assignmentId,
        UUID submissionId,
        UUID attemptId,
        int attemptNumber,
        String title,
        String text,
        int[] words,
        int[] sentences,
        List<SavedMark> marks,
        Instant dueAt,
        ZoneId timeZone,
        boolean lateWorkAccepted,
        @Nullable Instant submittedAt) {

    public MarkingSession {
        marks = List.copyOf(marks);
    }

    public boolean submitted() {
        return submittedAt != null;
    }
}
