package org.lateral.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Where teachers will see what their classes found, missed and confused. */
@Route("dashboards")
@PageTitle("Dashboards · Lateral")
@Menu(title = "Dashboards", order = 3, icon = "vaadin:chart")
@RolesAllowed("TEACHER")
class DashboardsView extends VerticalLayout {

    DashboardsView() {
        addClassName("page");
        add(new H2("Dashboards"));
        Div empty = new Div(new Paragraph("Nothing to show yet."),
                new Paragraph("Once your students have worked on an assignment, this page shows what each class found, missed and mixed up."));
        empty.addClassName("empty-state");
        empty.setTestId("dashboards-empty");
        add(empty);
    }
}
