package org.lateral.submission;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one attempt stands among the class's work on the same step, for "Previous student" and
 * "Next student" on the teacher's attempt page: the students with an attempt of that step, in the
 * results page's order (the roster's, by name).
 *
 * @param position the student's place, from 1
 * @param count how many students have an attempt of the step
 * @param previous the previous student's attempt of the step, or null for the first
 * @param next the next student's, or null for the last
 */
public record StudentNeighbours(
        int position,
        int count,
        @Nullable Neighbour previous,
        @Nullable Neighbour next) {

    /** Another student's attempt of the step: the same attempt number when they have it, else their latest. */
    public record Neighbour(UUID attemptId, String student) {}
}
