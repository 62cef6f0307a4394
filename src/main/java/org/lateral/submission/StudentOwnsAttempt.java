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

/** The attempt {@code attemptId} is the calling student's own work. See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@submissionAccess.ownsAttempt(#attemptId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = Role.STUDENT, notFound = "security.notFound.studentWork")
public @interface StudentOwnsAttempt {}
