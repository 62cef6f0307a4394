package org.lateral.library;

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

/** The outlet {@code outletId} is in the calling teacher's school's library. See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@libraryAccess.outletOfMySchool(#outletId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(role = Role.TEACHER, notFound = "security.notFound.outlet")
public @interface OutletOfMySchool {}
