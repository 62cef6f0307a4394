package org.lateral.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.lateral.base.ui.EmptyState;
import org.lateral.classroom.ClassSummary;
import org.lateral.classroom.ClassroomService;
import org.lateral.security.CurrentUser;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.lateral.submission.ClassOverview;
import org.lateral.submission.ClassOverviewService;

/**
 * The dashboards' start: one card per class of the signed-in teacher, each opening that class's
 * overview. The numbers come from the same overview the class page shows, so a card and its page
 * never disagree (a teacher has a handful of classes, so reading each overview is cheap).
 */
@Route("dashboards")
@Menu(title = "base.menu.dashboards", order = 3, icon = "vaadin:chart")
@RolesAllowed({"TEACHER", "ADMIN"})
class DashboardsView extends Div implements HasDynamicTitle {

    DashboardsView(ClassroomService classroom, ClassOverviewService overviews, CurrentUser currentUser) {
        addClassNames("page", "dashboards-page");
        add(new H2(getTranslation("dashboard.dashboards.title")));
        LateralUser user = currentUser.get().orElseThrow();
        if (user.has(Role.ADMIN)) {
            add(schoolCard());
        }
        if (!user.has(Role.TEACHER)) {
            return;
        }
        List<ClassSummary> classes = classroom.myClassesAsTeacher();
        if (classes.isEmpty()) {
            add(new EmptyState(
                    "dashboards-empty",
                    getTranslation("dashboard.dashboards.empty.title"),
                    getTranslation("dashboard.dashboards.empty.text")));
            return;
        }
        Div list = new Div();
        list.addClassName("card-list");
        list.getElement().setAttribute("role", "list");
        for (ClassSummary c : classes) {
            overviews.overview(c.id()).ifPresent(o -> list.add(card(o)));
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("dashboard.dashboards.title"));
    }

    /** The school admin's way to the school view: every class of the school, no student named. */
    private Div schoolCard() {
        Div card = new Div();
        card.addClassNames("card", "dashboard-school-card");
        card.getElement().setAttribute("data-testid", "dashboard-school-card");
        Anchor link = DashboardNavigation.school().anchor(getTranslation("dashboard.dashboards.school.link"));
        link.getElement().setAttribute("router-link", true);
        link.setTestId("dashboard-school-link");
        Paragraph meta = new Paragraph(getTranslation("dashboard.dashboards.school.text"));
        meta.addClassName("card-meta");
        card.add(new H3(link), meta);
        return card;
    }

    private Div card(ClassOverview o) {
        Div card = new Div();
        card.addClassNames("card", "dashboard-class-card");
        card.getElement().setAttribute("role", "listitem");
        card.getElement().setAttribute("data-testid", "dashboard-class-card");
        card.getElement().setAttribute("data-class-id", o.classId().toString());
        Anchor link = DashboardNavigation.classOverview(o.classId()).anchor(o.className());
        link.getElement().setAttribute("router-link", true);
        link.setTestId("dashboard-class-link");
        card.add(new H3(link));
        Integer completion = o.completionPercent();
        Span figure = new Span(
                completion == null
                        ? getTranslation("dashboard.dashboards.card.noWork")
                        : getTranslation(
                                "dashboard.dashboards.card.submitted", DashboardText.percent(completion, getLocale())));
        figure.addClassName("card-figure");
        figure.getElement().setAttribute("data-testid", "dashboard-class-completion");
        card.add(figure);
        int n = o.assignments().size();
        Paragraph meta = new Paragraph(getTranslation("dashboard.dashboards.card.students", o.students())
                + " · "
                + getTranslation("dashboard.dashboards.card.assignments", n)
                + (completion == null
                        ? ""
                        : " · "
                                + getTranslation(
                                        "dashboard.dashboards.card.lessons", o.submittedLessons(), o.givenLessons())));
        meta.addClassName("card-meta");
        meta.getElement().setAttribute("data-testid", "dashboard-class-meta");
        card.add(meta);
        return card;
    }
}
