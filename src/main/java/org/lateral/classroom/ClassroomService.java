package org.lateral.classroom;

import java.util.List;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signed-in teachers and students may see of classes. The security boundary: each method
 * checks the role, and every query is scoped to the caller's own school and classes.
 */
@Service
@Transactional(readOnly = true)
public class ClassroomService {

    private final CurrentUser currentUser;
    private final ClassRepository classes;

    ClassroomService(CurrentUser currentUser, ClassRepository classes) {
        this.currentUser = currentUser;
        this.classes = classes;
    }

    /** The classes the signed-in teacher teaches, with how many students each has now. */
    public List<ClassSummary> myClassesAsTeacher() {
        LateralUser teacher = currentUser.require(Role.TEACHER);
        return classes.summariesForTeacher(teacher.schoolId(), teacher.accountId());
    }

    /** The classes the signed-in student is enrolled in now. */
    public List<StudentClassSummary> myClassesAsStudent() {
        LateralUser student = currentUser.require(Role.STUDENT);
        return classes.classesOfStudent(student.schoolId(), student.accountId());
    }
}
