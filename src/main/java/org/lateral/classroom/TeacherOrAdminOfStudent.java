package org.lateral.classroom;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.lateral.security.NotYoursHandler;
import org.lateral.security.ResourceRule;
import org.lateral.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

/**
 * The caller looks after the student {@code studentId}: a school admin of the student's school,
 * or a teacher with the student on a class roster. See DD009 and DD023.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@studentDataAccess.looksAfterStudent(#studentId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(
        role = {Role.TEACHER, Role.ADMIN},
        notFound = "security.notFound.student")
public @interface TeacherOrAdminOfStudent {}
