package org.lateral.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

/** Anyone signed in, for their own account (e.g. changing their own password). See DD009. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@PreAuthorize("isAuthenticated()")
public @interface ForSignedIn {}
