package org.lateral.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service that checks nothing because its callers have checked already: start-up tasks (demo
 * seeding, pack import) and other services (which pass ids they have authorised). Views never
 * depend on a trusted service, and every public method of a service that is not trusted carries
 * an access annotation; {@code ArchitectureTest} enforces both (DD009).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Trusted {}
