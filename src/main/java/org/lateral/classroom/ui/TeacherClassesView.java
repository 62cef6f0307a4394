package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.ClassSummary;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;

/** The teacher's home: their classes, each with its roster count. */
@Route("classes")
@NamedRoute(RouteName.TEACHER_HOME)
@Menu(title = "base.menu.classes", order = 1, icon = "vaadin:group")
@RolesAllowed("TEACHER")
class TeacherClassesView extends VerticalLayout implements HasDynamicTitle {

    private final ClassroomService classroom;
    private final Clock clock;

    TeacherClassesView(ClassroomService classroom, Clock clock) {
        this.classroom = classroom;
        this.clock = clock;
        addClassName("page");
        show();
    }

    private void show() {
        removeAll();
        Button create = new Button(getTranslation("classroom.classes.new"), e -> newClassDialog());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("new-class");
        Div header = new Div(new H2(getTranslation("classroom.classes.heading")), create);
        header.addClassName("page-header");
        add(header);
        List<ClassSummary> classes = classroom.myClassesAsTeacher();
        if (classes.isEmpty()) {
            add(new EmptyState(
                    "classes-empty",
                    getTranslation("classroom.classes.empty.title"),
                    getTranslation("classroom.classes.empty.text")));
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
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.classes.new"));
        TextField name = new TextField(getTranslation("classroom.classes.name"));
        name.setMaxLength(100);
        name.setRequired(true);
        name.setTestId("class-name-field");
        TextField subject = new TextField(getTranslation("classroom.classes.subject"));
        subject.setMaxLength(100);
        TextField year = new TextField(getTranslation("classroom.classes.year"));
        year.setMaxLength(20);
        year.setPlaceholder("2026/27");
        ComboBox<String> zone = new ComboBox<>(getTranslation("classroom.classes.zone"));
        // The server's zone to begin with (often Etc/UTC), then the teacher's browser's, which is
        // the one their school keeps; either is in the list, so the picker never starts empty.
        Instant now = clock.instant();
        String serverZone = ZoneId.systemDefault().getId();
        zone.setItems(TimeZoneChoices.including(serverZone));
        String utc = getTranslation("classroom.classes.utc");
        zone.setItemLabelGenerator(z -> TimeZoneChoices.label(z, now, utc));
        zone.setValue(serverZone);
        zone.setTestId("class-time-zone");
        zone.setHelperText(getTranslation("classroom.classes.zoneHelp"));
        boolean[] chosen = {false};
        zone.addValueChangeListener(e -> chosen[0] |= e.isFromClient());
        UI.getCurrent().getPage().retrieveExtendedClientDetails(details -> {
            String browserZone = TimeZoneChoices.orServerZone(details.getTimeZoneId());
            if (!chosen[0]) {
                zone.setItems(TimeZoneChoices.including(serverZone, browserZone));
                zone.setValue(browserZone);
            }
        });
        FormLayout form = new FormLayout(name, subject, year, zone);
        Div message = new Div();
        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        dialog.add(form, message);
        Button save = new Button(getTranslation("classroom.classes.create"), e -> {
            try {
                var created = classroom.createClass(new NewClass(
                        name.getValue(),
                        subject.getValue(),
                        year.getValue(),
                        zone.getValue() == null ? "" : zone.getValue()));
                dialog.close();
                getUI().ifPresent(ui -> NamedRoutes.classPage(created.id()).navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("create-class");
        dialog.getFooter().add(new Button(getTranslation("classroom.form.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Div card(ClassSummary c) {
        Div card = new Div();
        card.addClassName("card");
        card.getElement().setAttribute("data-testid", "class-card");
        Anchor link = NamedRoutes.classPage(c.id()).anchor(c.name());
        link.getElement().setAttribute("router-link", true);
        link.setTestId("class-link");
        H3 name = new H3(link);
        Span students = new Span(getTranslation("classroom.classes.students", c.studentCount()));
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
        details.append(details.isEmpty() ? "" : " · ")
                .append(getTranslation(
                        "classroom.classes.timeZone", c.timeZone().getId()));
        Paragraph meta = new Paragraph(details.toString());
        meta.addClassName("card-meta");
        card.add(meta);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.classes.title"));
    }
}
