package org.lateral.classroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.lateral.base.ui.EmptyState;
import org.lateral.classroom.ClassSummary;
import org.lateral.classroom.ClassroomService;

/** The teacher's home: their classes, each with its roster count. */
@Route("classes")
@PageTitle("Classes · Lateral")
@Menu(title = "Classes", order = 1, icon = "vaadin:group")
@RolesAllowed("TEACHER")
class TeacherClassesView extends VerticalLayout {

    TeacherClassesView(ClassroomService classroom) {
        addClassName("page");
        add(new H2("Your classes"));
        List<ClassSummary> classes = classroom.myClassesAsTeacher();
        if (classes.isEmpty()) {
            add(new EmptyState("classes-empty", "You have no classes yet.",
                    "When you create a class, it gets a join code your students use to sign up."));
            return;
        }
        Div list = new Div();
        list.addClassName("card-list");
        list.setTestId("class-list");
        for (ClassSummary c : classes) {
            list.add(card(c));
        }
        add(list);
    }

    private static Div card(ClassSummary c) {
        Div card = new Div();
        card.addClassName("card");
        card.setTestId("class-card");
        H3 name = new H3(c.name());
        Span students = new Span(c.studentCount() == 1 ? "1 student" : c.studentCount() + " students");
        students.addClassName("card-figure");
        students.setTestId("class-student-count");
        card.add(name, students);
        StringBuilder details = new StringBuilder();
        if (c.subject() != null) {
            details.append(c.subject());
        }
        if (c.schoolYear() != null) {
            details.append(details.isEmpty() ? "" : " · ").append(c.schoolYear());
        }
        details.append(details.isEmpty() ? "" : " · ").append("Time zone ").append(c.timeZone().getId());
        Paragraph meta = new Paragraph(details.toString());
        meta.addClassName("card-meta");
        card.add(meta);
        return card;
    }
}
