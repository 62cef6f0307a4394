package org.lateral.assignment;

import java.util.UUID;
import org.lateral.classroom.ClassroomAccess;
import org.lateral.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The assignment's access rules ({@link TeacherOfAssignment}, {@link StudentOfAssignment}); see DD009. */
@Component("assignmentAccess")
public class AssignmentAccess {

    private final CurrentUser currentUser;
    private final AssignmentRepository assignments;
    private final ClassroomAccess classroom;

    AssignmentAccess(CurrentUser currentUser, AssignmentRepository assignments, ClassroomAccess classroom) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.classroom = classroom;
    }

    /** The signed-in teacher teaches the class of this assignment of their school. */
    public boolean teachesAssignment(UUID assignmentId) {
        return currentUser
                .get()
                .flatMap(u -> assignments.classOf(assignmentId, u.schoolId()))
                .map(classroom::teachesClass)
                .orElse(false);
    }

    /** The signed-in student is in the class of this assignment of their school now. */
    public boolean attendsAssignment(UUID assignmentId) {
        return currentUser
                .get()
                .flatMap(u -> assignments.classOf(assignmentId, u.schoolId()))
                .map(classroom::attendsClass)
                .orElse(false);
    }
}
