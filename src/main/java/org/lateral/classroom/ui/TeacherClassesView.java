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
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.ClassSummary;
import org.lateral.classroom.ClassroomService;

/** The teacher's home: their classes, each with its roster count. */
@Route("classes")
@NamedRoute(RouteName.TEACHER_HOME)
@PageTitle("Classes · Lateral")
@Menu(title = "Classes", order = 1, icon = "vaadin:group")
@RolesAllowed("TEACHER")
class TeacherClassesView extends VerticalLayout {

    private final ClassroomService classroom;

    TeacherClassesView(ClassroomService classroom) {
        this.classroom = classroom;
        addClassName("page");
        show();
    }

    private void show() {
        removeAll();
        com.vaadin.flow.component.button.Button create = new com.vaadin.flow.component.button.Button("New class",
                e -> newClassDialog());
        create.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
        create.setTestId("new-class");
        Div header = new Div(new H2("Your classes"), create);
        header.addClassName("page-header");
        add(header);
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

    private void newClassDialog() {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("New class");
        com.vaadin.flow.component.textfield.TextField name = new com.vaadin.flow.component.textfield.TextField("Class name");
        name.setMaxLength(100);
        name.setRequired(true);
        name.setTestId("class-name-field");
        com.vaadin.flow.component.textfield.TextField subject = new com.vaadin.flow.component.textfield.TextField("Subject (optional)");
        subject.setMaxLength(100);
        com.vaadin.flow.component.textfield.TextField year = new com.vaadin.flow.component.textfield.TextField("School year (optional)");
        year.setMaxLength(20);
        year.setPlaceholder("2026/27");
        com.vaadin.flow.component.combobox.ComboBox<String> zone = new com.vaadin.flow.component.combobox.ComboBox<>("Time zone");
        zone.setItems(java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        zone.setValue(java.time.ZoneId.systemDefault().getId());
        zone.setHelperText("Due dates end at midnight in this time zone");
        com.vaadin.flow.component.formlayout.FormLayout form = new com.vaadin.flow.component.formlayout.FormLayout(name, subject, year, zone);
        Div message = new Div();
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, message);
        com.vaadin.flow.component.button.Button save = new com.vaadin.flow.component.button.Button("Create class", e -> {
            try {
                var created = classroom.createClass(new org.lateral.classroom.NewClass(name.getValue(), subject.getValue(),
                        year.getValue(), zone.getValue() == null ? "" : zone.getValue()));
                dialog.close();
                getUI().ifPresent(ui -> NamedRoutes.classPage(created.id()).navigate(ui));
            } catch (org.lateral.base.UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
        save.setTestId("create-class");
        dialog.getFooter().add(new com.vaadin.flow.component.button.Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private static Div card(ClassSummary c) {
        Div card = new Div();
        card.addClassName("card");
        card.getElement().setAttribute("data-testid", "class-card");
        com.vaadin.flow.component.html.Anchor link = NamedRoutes.classPage(c.id()).anchor(c.name());
        link.getElement().setAttribute("router-link", true);
        link.setTestId("class-link");
        H3 name = new H3(link);
        Span students = new Span(c.studentCount() == 1 ? "1 student" : c.studentCount() + " students");
        students.addClassName("card-figure");
        students.getElement().setAttribute("data-testid", "class-student-count");
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
