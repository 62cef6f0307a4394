package org.lateral.classroom;

import java.util.UUID;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Component;

/**
 * The access rule of a student's export and deletion ({@link TeacherOrAdminOfStudent}, DD023): a
 * school admin for any student of their school, a teacher for a student on the roster of one of
 * their classes. Whether a teacher may act for a student who is also in another teacher's class is
 * the service's question, answered with a sentence, as for renaming (only an admin may).
 */
@Component("studentDataAccess")
public class StudentDataAccess {

    private final CurrentUser currentUser;
    private final ClassroomStudentData students;

    StudentDataAccess(CurrentUser currentUser, ClassroomStudentData students) {
        this.currentUser = currentUser;
        this.students = students;
    }

    /** The signed-in admin's school has this student, or the signed-in teacher has them on a roster. */
    public boolean looksAfterStudent(UUID studentId) {
        return currentUser.get().map(u -> looksAfter(u, studentId)).orElse(false);
    }

    private boolean looksAfter(LateralUser user, UUID studentId) {
        var student = students.student(studentId)
                .filter(s -> s.schoolId().equals(user.schoolId()) && s.roles().contains("STUDENT"));
        if (student.isEmpty()) {
            return false;
        }
        return user.has(Role.ADMIN)
                || user.has(Role.TEACHER) && students.onRosterOf(user.accountId(), user.schoolId(), studentId);
    }
}
