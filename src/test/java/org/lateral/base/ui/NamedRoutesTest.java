package org.lateral.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lateral.LateralTest;

/**
 * Every name the resolver knows reaches a route the running application registered: removing,
 * renaming or unregistering the view that carries a name, or putting one name on two views, fails
 * here instead of on a student's click.
 */
@LateralTest
class NamedRoutesTest extends SpringBrowserlessTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @ParameterizedTest
    @EnumSource(RouteName.class)
    void each_name_is_carried_by_one_registered_view_and_its_link_leads_back_to_it(RouteName name) {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        Destination destination = resolve(name);
        Class<? extends Component> view = destination.view();

        assertThat(routes.isRouteRegistered(view)).isTrue();
        assertThat(view.getAnnotation(NamedRoute.class))
                .isNotNull()
                .extracting(NamedRoute::value)
                .isEqualTo(name);
        assertThat(routes.getRoute(destination.url())).contains(view);
    }

    /** Through the public methods, so each is checked to ask for its own name; a new name must be added here to compile. */
    private static Destination resolve(RouteName name) {
        return switch (name) {
            case TEACHER_HOME -> NamedRoutes.teacherHome();
            case STUDENT_HOME -> NamedRoutes.studentHome();
            case CLASS -> NamedRoutes.classPage(ID);
            case JOIN -> NamedRoutes.join();
            case SETUP -> NamedRoutes.setup();
            case MARKING -> NamedRoutes.marking(ID);
            case FEEDBACK -> NamedRoutes.feedback(ID);
            case RESULTS -> NamedRoutes.results(ID);
            case ASSIGNMENT_DASHBOARD -> NamedRoutes.assignmentDashboard(ID);
            case SCHOOL_VIEW -> NamedRoutes.adminHome();
            case CHANGE_PASSWORD -> NamedRoutes.changePassword();
            case LANGUAGE -> NamedRoutes.language();
        };
    }
}
