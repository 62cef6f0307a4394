package org.lateral.classroom.ui;

import org.lateral.base.ui.Destination;

/**
 * The way other features link to classroom screens. It lives beside the views so it can name
 * their classes while they stay package-private, and returns a typed {@link Destination} (why:
 * see there). Packages that may not use classroom (security, base) reach the pages marked
 * {@code @NamedRoute} here through {@code NamedRoutes} instead.
 */
public final class ClassroomNavigation {

    private ClassroomNavigation() {}

    /** The teacher's list of classes. */
    public static Destination classes() {
        return Destination.of(TeacherClassesView.class);
    }

    /** Joining a class with a code; a signed-in student adds another class here. */
    public static Destination join() {
        return Destination.of(JoinView.class);
    }
}
