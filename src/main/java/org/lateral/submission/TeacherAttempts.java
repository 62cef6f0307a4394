package org.lateral.submission;

import java.util.Optional;
import java.util.UUID;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.TeacherAssignment;
import org.lateral.base.UserFacingException;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Component;

/**
 * Finds an attempt of a student of the signed-in teacher's class, with its assignment and roster:
 * the check the grading services make before they read or change an attempt (DD003). Not a
 * boundary itself; those services are.
 */
@Component
class TeacherAttempts {

    /** An attempt with the assignment it belongs to, as its teacher sees it. */
    record Owned(TeacherAssignment assignment, SubmissionRepository.Attempt attempt) {}

    private final CurrentUser currentUser;
    private final AssignmentService assignments;
    private final SubmissionRepository submissions;

    TeacherAttempts(CurrentUser currentUser, AssignmentService assignments, SubmissionRepository submissions) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.submissions = submissions;
    }

    /** Empty for an attempt of any other class, so a foreign id looks missing. */
    Optional<Owned> owned(UUID attemptId) {
        currentUser.require(Role.TEACHER);
        return submissions
                .attempt(attemptId)
                .flatMap(a -> assignments.forTeacher(a.assignmentId()).map(t -> new Owned(t, a)));
    }

    Owned ownedOrThrow(UUID attemptId) {
        return owned(attemptId).orElseThrow(() -> UserFacingException.of("submission.refusal.workUnknown"));
    }
}
