package org.lateral.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The root URL sends each user to their own home: teachers to their classes, students to their
 * assignments. Route names ({@link NamedRoutes}), not view classes, keep this kernel free of
 * feature dependencies.
 */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authentication;

    HomeView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole("TEACHER")) {
            NamedRoutes.teacherHome().forward(event);
        } else if (authentication.hasRole("STUDENT")) {
            NamedRoutes.studentHome().forward(event);
        } else if (authentication.hasRole("ADMIN")) {
            // An admin who does not teach: the school view is their page.
            NamedRoutes.adminHome().forward(event);
        } else {
            NamedRoutes.teacherHome().forward(event);
        }
    }
}
