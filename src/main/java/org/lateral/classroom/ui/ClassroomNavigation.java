package org.lateral.classroom.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.UUID;
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

    /** Changing one's own password, for anyone signed in. */
    public static Destination changePassword() {
        return Destination.of(ChangePasswordView.class);
    }

    /** A sheet of sign-in slips kept in this session; {@code printNow} opens the print dialog at once. */
    static Destination signInSlips(String key, boolean printNow) {
        Destination slips = Destination.of(SignInSlipsView.class, key);
        return printNow ? slips.withQuery(QueryParameters.simple(Map.of(SignInSlipsView.PRINT_NOW, ""))) : slips;
    }

    /** A class's join code as a page to project or print. */
    static Destination joinCodePoster(UUID classId) {
        return Destination.of(JoinCodePosterView.class, classId.toString());
    }

    /** The school admin's page. */
    static Destination schoolAdmin() {
        return Destination.of(SchoolAdminView.class);
    }
}
