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

/**
 * The story set {@code storySetId} is in the calling teacher's or school admin's school's library.
 * Admins too: a story set is school-wide library content, and an admin who does not teach looks
 * after the school's packs (DD020). See DD009.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("@libraryAccess.storySetOfMySchool(#storySetId)")
@HandleAuthorizationDenied(handlerClass = NotYoursHandler.class)
@ResourceRule(
        role = {Role.TEACHER, Role.ADMIN},
        notFound = "security.notFound.storySet")
public @interface StorySetOfMySchool {}
