package org.lateral.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a {@code @Route} view under a {@link RouteName}, so code that may not depend on the view's
 * feature can still link to it through {@link NamedRoutes}. It sits beside {@code @Route}: the
 * owner says which page carries the name, and the route template stays written only there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NamedRoute {

    RouteName value();
}
