package org.lateral.submission;

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

/** The attempt {@code attemptId} belongs to an assignment of a class the caller teaches. See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@submissionAccess.teachesAttempt(#attemptId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = Role.TEACHER, notFound = "security.notFound.work")
public @interface TeacherOfAttempt {}
