package org.lateral.assignment;

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

/** The caller is a student in the class of the assignment {@code assignmentId} now. See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@assignmentAccess.attendsAssignment(#assignmentId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = Role.STUDENT, notFound = "security.notFound.studentAssignment")
public @interface StudentOfAssignment {}
