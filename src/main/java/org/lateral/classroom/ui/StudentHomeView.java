package org.lateral.classroom.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.lateral.base.ui.EmptyState;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.StudentClassSummary;

/**
 * The student's home. It lists the student's classes; their assignments appear here once
 * teachers can assign exercises.
 */
@Route("my")
@PageTitle("My assignments · Lateral")
@Menu(title = "My assignments", order = 1, icon = "vaadin:clipboard-check")
@RolesAllowed("STUDENT")
class StudentHomeView extends VerticalLayout {

    StudentHomeView(ClassroomService classroom) {
        addClassName("page");
        add(new H2("My assignments"));
        add(new EmptyState("assignments-empty",
                "Nothing to do right now. When your teacher assigns an article, it appears here."));

        add(new H3("My classes"));
        List<StudentClassSummary> classes = classroom.myClassesAsStudent();
        if (classes.isEmpty()) {
            add(new EmptyState("student-classes-empty", "You are not in a class yet. Ask your teacher for a join code."));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setTestId("student-class-list");
        for (StudentClassSummary c : classes) {
            list.add(new ListItem(c.name() + " (teacher: " + c.teacherName() + ")"));
        }
        add(list);
    }
}
