package org.lateral.dashboard.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lateral.base.ui.EmptyState;

/** Where teachers will see what their classes found, missed and confused. */
@Route("dashboards")
@PageTitle("Dashboards · Lateral")
@Menu(title = "Dashboards", order = 3, icon = "vaadin:chart")
@RolesAllowed("TEACHER")
class DashboardsView extends VerticalLayout {

    DashboardsView() {
        addClassName("page");
        add(new H2("Dashboards"));
        add(
                new EmptyState(
                        "dashboards-empty",
                        "Nothing to show yet.",
                        "Once your students have worked on an assignment, this page shows what each class found, missed and mixed up."));
    }
}
