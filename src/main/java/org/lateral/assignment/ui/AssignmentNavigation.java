package org.lateral.assignment.ui;

import java.util.UUID;
import org.lateral.base.ui.Destination;

/**
 * The way other features link to assignment screens. It lives beside the views so it can name
 * their classes while they stay package-private, and returns a typed {@link Destination} (why:
 * see there). Classroom, which may not use this feature, reaches the pages marked
 * {@code @NamedRoute} here through {@code NamedRoutes} instead.
 */
public final class AssignmentNavigation {

    private AssignmentNavigation() {}

    /** A student's assignments, their home page. */
    public static Destination myAssignments() {
        return Destination.of(MyAssignmentsView.class);
    }

    /** One class for its teacher: roster, join code and assignments. */
    public static Destination classPage(UUID classId) {
        return Destination.of(ClassView.class, classId.toString());
    }
}
