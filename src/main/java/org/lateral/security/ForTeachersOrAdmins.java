package org.lateral.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

/**
 * Teachers or school admins: the role is the whole rule, for school-wide things that either may
 * look after (the library's packs, DD020); the method reads and writes only the caller's own
 * school. See DD009.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = {Role.TEACHER, Role.ADMIN})
@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
public @interface ForTeachersOrAdmins {}
