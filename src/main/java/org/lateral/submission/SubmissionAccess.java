package org.lateral.submission;

import java.util.UUID;
import org.lateral.assignment.AssignmentAccess;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Component;

/** The submission's access rules ({@link StudentOwnsAttempt}, {@link TeacherOfAttempt}); see DD009. */
@Component("submissionAccess")
public class SubmissionAccess {

    private final CurrentUser currentUser;
    private final SubmissionRepository submissions;
    private final AssignmentAccess assignments;

    SubmissionAccess(CurrentUser currentUser, SubmissionRepository submissions, AssignmentAccess assignments) {
        this.currentUser = currentUser;
        this.submissions = submissions;
        this.assignments = assignments;
    }

    /** The attempt is the signed-in student's own. */
    public boolean ownsAttempt(UUID attemptId) {
        return currentUser
                .get()
                .filter(u -> u.has(Role.STUDENT))
                .flatMap(u ->
                        submissions.attempt(attemptId).map(a -> a.studentId().equals(u.accountId())))
                .orElse(false);
    }

    /** The attempt belongs to an assignment of a class the signed-in teacher teaches. */
    public boolean teachesAttempt(UUID attemptId) {
        return submissions
                .attempt(attemptId)
                .map(a -> assignments.teachesAssignment(a.assignmentId()))
                .orElse(false);
    }
}
