package org.lateral.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.List;
import java.util.UUID;

/**
 * The one resolver for links against the dependency direction (see {@link RouteName} for which).
 * It looks the name up among the routes Vaadin registered, by the {@link NamedRoute} the owning
 * view carries, so the linking package names neither the view nor its path and the owner stays
 * free to rename both. Every other link goes through the owning feature's {@code XxxNavigation}.
 *
 * <p>The lookup reads the application's route registry on each call: it holds about twenty
 * routes, these links are a handful per page, and a cache would only add a way to go stale.
 */
public final class NamedRoutes {

    private NamedRoutes() {}

    public static Destination teacherHome() {
        return Destination.of(view(RouteName.TEACHER_HOME));
    }

    public static Destination adminHome() {
        return Destination.of(view(RouteName.SCHOOL_VIEW));
    }

    public static Destination studentHome() {
        return Destination.of(view(RouteName.STUDENT_HOME));
    }

    public static Destination classPage(UUID classId) {
        return withId(RouteName.CLASS, classId);
    }

    public static Destination join() {
        return Destination.of(view(RouteName.JOIN));
    }

    public static Destination setup() {
        return Destination.of(view(RouteName.SETUP));
    }

    public static Destination marking(UUID assignmentId) {
        return withId(RouteName.MARKING, assignmentId);
    }

    public static Destination feedback(UUID assignmentId) {
        return withId(RouteName.FEEDBACK, assignmentId);
    }

    public static Destination results(UUID assignmentId) {
        return withId(RouteName.RESULTS, assignmentId);
    }

    public static Destination assignmentDashboard(UUID assignmentId) {
        return withId(RouteName.ASSIGNMENT_DASHBOARD, assignmentId);
    }

    public static Destination changePassword() {
        return Destination.of(view(RouteName.CHANGE_PASSWORD));
    }

    public static Destination language() {
        return Destination.of(view(RouteName.LANGUAGE));
    }

    /** The registered view that carries the name; fails loudly if none or several do. */
    static Class<? extends Component> view(RouteName name) {
        List<Class<? extends Component>> carriers =
                RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                        .map(RouteData::getNavigationTarget)
                        .filter(view -> view.getAnnotation(NamedRoute.class) != null
                                && view.getAnnotation(NamedRoute.class).value() == name)
                        .distinct()
                        .toList();
        if (carriers.size() != 1) {
            throw new IllegalStateException(
                    "Route name " + name + " must be carried by exactly one registered view, found " + carriers);
        }
        return carriers.getFirst();
    }

    // All views with an id in their URL take it as a String (RouteIds parses it); the type
    // parameter cannot be checked at run time, the interface is, and NamedRoutesTest opens each.
    @SuppressWarnings("unchecked")
    private static <C extends Component & HasUrlParameter<String>> Destination withId(RouteName name, UUID id) {
        Class<? extends Component> view = view(name);
        if (!HasUrlParameter.class.isAssignableFrom(view)) {
            throw new IllegalStateException(view.getName() + " carries " + name + " but takes no URL parameter");
        }
        return Destination.of((Class<C>) view, id.toString());
    }
}
