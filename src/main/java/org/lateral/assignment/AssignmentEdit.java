package org.lateral.assignment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a teacher may change of an assignment after it was made (DD035): its title, its dates, late
 * work, the feedback policy and whether students see classmates' answers; the revision settings and
 * the open date only while nobody has submitted or opened it. The lesson's steps, article and key
 * pins are not here: students' marks belong to them. Dates are days in the class's time zone, as in
 * {@link NewAssignment}.
 *
 * @param openDate the day it opens; only read while the assignment has not opened
 * @param version the version the teacher's form was read at: a change made meanwhile by someone
 *     else refuses the edit instead of being overwritten
 */
public record AssignmentEdit(
        @Nullable String title,
        @Nullable LocalDate openDate,
        @Nullable LocalDate dueDate,
        boolean lateWorkAccepted,
        @Nullable FeedbackPolicy feedbackPolicy,
        boolean revisionAllowed,
        @Nullable LocalDate revisionUntil,
        boolean classmatesAfterSubmit,
        int version) {}
