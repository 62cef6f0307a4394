package org.lateral.classroom;

import java.util.UUID;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;
import org.springframework.stereotype.Component;

/**
 * The classroom's access rules, named in access annotations ({@link TeacherOfClass}) and used by
 * other features' rules (DD009). Each answers for the signed-in user and checks role and school.
 */
@Component("classroomAccess")
public class ClassroomAccess {

    private final CurrentUser currentUser;
    private final ClassRepository classes;

    ClassroomAccess(CurrentUser currentUser, ClassRepository classes) {
        this.currentUser = currentUser;
        this.classes = classes;
    }

    /** The signed-in teacher teaches this class of their school. */
    public boolean teachesClass(UUID classId) {
        return currentUser
                .get()
                .filter(u -> u.has(Role.TEACHER))
                .map(u -> classes.ownedBy(classId, u.schoolId(), u.accountId()).isPresent())
                .orElse(false);
    }

    /** The signed-in student is in this class now (not removed). */
    public boolean attendsClass(UUID classId) {
        return currentUser
                .get()
                .filter(u -> u.has(Role.STUDENT))
                .map(u -> classes.isEnrolled(classId, u.accountId()))
                .orElse(false);
    }
}
