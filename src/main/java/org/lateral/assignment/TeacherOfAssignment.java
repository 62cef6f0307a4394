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

/** The caller teaches the class of the assignment {@code assignmentId}. See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@assignmentAccess.teachesAssignment(#assignmentId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = Role.TEACHER, notFound = "security.notFound.assignment")
public @interface TeacherOfAssignment {}
