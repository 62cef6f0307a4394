package org.lateral.assignment;

import java.util.Optional;
import java.util.UUID;
import org.lateral.security.Trusted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment facts grading needs, for the submission feature's services, which have checked
 * the caller already (DD009); the assignment table stays this feature's own. Every method joins
 * the caller's transaction, so a lock taken here holds until the caller commits.
 * See DD011.
 */
@Service
@Trusted
public class AssignmentGrading {

    private final AssignmentRepository assignments;

    AssignmentGrading(AssignmentRepository assignments) {
        this.assignments = assignments;
    }

    /**
     * The pins of an assignment's first step when it is on an article; empty for a missing
     * assignment or one on a story set.
     */
    @Transactional(readOnly = true)
    public Optional<GradedAssignment> pins(UUID assignmentId) {
        return pins(assignmentId, LessonStep.FIRST);
    }

    /** The pins of one step of an assignment, when that step is on an article. */
    @Transactional(readOnly = true)
    public Optional<GradedAssignment> pins(UUID assignmentId, int position) {
        return assignments.gradedAssignment(assignmentId, position, "");
    }

    /**
     * One step of an assignment with every pin, a compare step's columns and comparison key
     * version included (DD015); empty for a missing assignment or step. Read in the caller's
     * transaction, under the lock {@link #lock(UUID, int, boolean)} took.
     */
    @Transactional(readOnly = true)
    public Optional<LessonStep> step(UUID assignmentId, int position) {
        return assignments.steps(assignmentId).stream()
                .filter(s -> s.position() == position)
                .findFirst();
    }

    /**
     * The pins, with the assignment row locked: {@code exclusive} for a change of its key
     * (amendment, version switch), shared for a submission, so a submission is scored either
     * before or after a key change and never with a stale key. Callers lock the assignment before
     * any attempt, the order every grading path keeps, so two of them cannot deadlock.
     */
    @Transactional
    public Optional<GradedAssignment> lock(UUID assignmentId, boolean exclusive) {
        return lock(assignmentId, LessonStep.FIRST, exclusive);
    }

    /** The pins of one step, with the assignment row locked as {@link #lock(UUID, boolean)} does. */
    @Transactional
    public Optional<GradedAssignment> lock(UUID assignmentId, int position, boolean exclusive) {
        return assignments.gradedAssignment(assignmentId, position, exclusive ? " FOR UPDATE" : " FOR SHARE");
    }
}
