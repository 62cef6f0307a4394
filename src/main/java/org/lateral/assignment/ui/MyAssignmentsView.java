package org.lateral.assignment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentStatus;
import org.lateral.assignment.MyAssignment;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.ExerciseNames;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.StudentClassSummary;
import org.lateral.classroom.ui.ClassroomNavigation;

/** The student's home: what is assigned in their classes, soonest due first, with where they stand. */
@Route("my")
@NamedRoute(RouteName.STUDENT_HOME)
@Menu(title = "base.menu.myAssignments", order = 1, icon = "vaadin:clipboard-check")
@RolesAllowed("STUDENT")
class MyAssignmentsView extends VerticalLayout implements HasDynamicTitle {

    MyAssignmentsView(AssignmentService assignments, ClassroomService classroom) {
        addClassName("page");
        add(new H2(getTranslation("assignment.my.title")));
        List<MyAssignment> mine = assignments.myAssignments();
        if (mine.isEmpty()) {
            add(new EmptyState("assignments-empty", getTranslation("assignment.my.empty")));
        } else {
            Div list = new Div();
            list.addClassName("article-list");
            list.setTestId("my-assignments");
            for (MyAssignment a : mine) {
                Div row = new Div();
                row.addClassName("article-row");
                row.getElement().setAttribute("data-testid", "my-assignment");
                // The marking page belongs to the submission feature, which depends on this one; it is
                // reached by its route name. After submitting, the title leads to the feedback page
                // (which says when feedback comes).
                boolean done =
                        a.status() == AssignmentStatus.SUBMITTED || a.status() == AssignmentStatus.FEEDBACK_AVAILABLE;
                Anchor title = (done ? NamedRoutes.feedback(a.id()) : NamedRoutes.marking(a.id())).anchor(a.title());
                title.getElement().setAttribute("router-link", true);
                title.addClassName("article-headline");
                title.getElement().setAttribute("data-testid", "open-assignment");
                String due = Dates.due(a.dueAt(), a.timeZone(), getLocale());
                Span meta = new Span(
                        a.lateWorkAccepted()
                                ? getTranslation("assignment.my.meta", a.className(), due)
                                : getTranslation("assignment.my.metaNoLateWork", a.className(), due));
                meta.addClassName("article-meta");
                Span status = new Span(getTranslation(a.status().labelKey()));
                status.addClassNames(
                        "status-pill",
                        "status-" + a.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                status.getElement().setAttribute("data-testid", "assignment-status");
                row.add(title, meta, status);
                if (!a.exercises().equals(List.of("mark-claims"))) {
                    // A lesson says what it asks for, so a student knows there is more than marking.
                    Span steps = new Span(ExerciseNames.steps(a.exercises(), getLocale()));
                    steps.addClassName("lesson-steps-line");
                    steps.getElement().setAttribute("data-testid", "my-assignment-steps");
                    row.add(steps);
                }
                list.add(row);
            }
            add(list);
        }

        add(new H3(getTranslation("assignment.my.classes")));
        List<StudentClassSummary> classes = classroom.myClassesAsStudent();
        if (classes.isEmpty()) {
            add(new EmptyState("student-classes-empty", getTranslation("assignment.my.noClasses")));
        } else {
            UnorderedList list = new UnorderedList();
            list.setTestId("student-class-list");
            for (StudentClassSummary c : classes) {
                list.add(new ListItem(getTranslation("assignment.my.classOf", c.name(), c.teacherName())));
            }
            add(list);
        }
        Button join = new Button(
                getTranslation("assignment.my.joinAnother"),
                e -> getUI().ifPresent(ui -> ClassroomNavigation.join().navigate(ui)));
        join.setTestId("join-another-class");
        add(new Paragraph(join));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("assignment.my.title"));
    }
}
