package org.lateral.assignment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.lateral.assignment.AssignmentService;
import org.lateral.base.i18n.Formats;
import org.lateral.base.ui.EmptyState;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteIds;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.StudentDataService;
import org.lateral.classroom.ui.ClassroomNavigation;
import org.lateral.classroom.ui.ClassroomPanels;
import org.lateral.library.LibraryService;

/**
 * One class for its teacher, composed of the classroom feature's panels (roster, join code,
 * archiving; {@link ClassroomPanels}) and this feature's assignments panel. Each panel acts
 * through its own feature's service, which checks this teacher teaches this class.
 */
@Route("class")
@NamedRoute(RouteName.CLASS)
@RolesAllowed("TEACHER")
class ClassView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final ClassroomService classroom;
    private final StudentDataService studentData;
    private final AssignmentService assignments;
    private final LibraryService library;
    private UUID classId = new UUID(0, 0);
    private @Nullable String className;

    ClassView(
            ClassroomService classroom,
            StudentDataService studentData,
            AssignmentService assignments,
            LibraryService library) {
        this.classroom = classroom;
        this.studentData = studentData;
        this.assignments = assignments;
        this.library = library;
        addClassNames("page", "class-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(
                "base.pageTitle", className != null ? className : getTranslation("assignment.class.title"));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        classId = RouteIds.parse(parameter);
        ClassDetail detail = classroom.classDetail(classId).orElseThrow(NotFoundException::new);
        render(detail);
    }

    private void render(ClassDetail c) {
        className = c.name();
        removeAll();
        Anchor back = ClassroomNavigation.classes().anchor(getTranslation("assignment.class.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(c.name());
        heading.setTestId("class-name");
        // Subject and school year are optional: an empty one leaves no stray separator.
        String meta = Stream.concat(
                        Stream.of(c.subject(), c.schoolYear()).filter(part -> part != null && !part.isBlank()),
                        Stream.of(getTranslation(
                                "assignment.class.timeZone", c.timeZone().getId())))
                .collect(Collectors.joining(" · "));
        Paragraph info = new Paragraph(meta);
        info.setTestId("class-meta");
        info.addClassName("reader-note");
        add(back, heading, info);
        if (c.archived()) {
            add(new EmptyState("class-archived", getTranslation("assignment.class.archived")));
            if (c.studentDataDeletedOn() != null) {
                // The notice comes first (DD023, "Retention"): from the day the class is archived.
                Paragraph notice = new Paragraph(getTranslation(
                        "assignment.class.retention", Formats.longDay(c.studentDataDeletedOn(), getLocale())));
                notice.setTestId("retention-notice");
                notice.addClassName("reader-note");
                add(notice);
            }
        }

        ClassroomPanels classPanels = new ClassroomPanels(classroom, studentData, c, this::render, this::refresh);
        Div side = new Div(
                classPanels.joinCode(), new AssignmentsPanel(this, assignments, library, c, this::refresh).section());
        side.addClassName("class-side");
        classPanels
                .archive(() ->
                        getUI().ifPresent(ui -> ClassroomNavigation.classes().navigate(ui)))
                .ifPresent(side::add);
        Div columns = new Div(classPanels.roster(), side);
        columns.addClassName("class-columns");
        add(columns);
    }

    private void refresh() {
        classroom
                .classDetail(classId)
                .ifPresentOrElse(
                        this::render,
                        () -> getUI().ifPresent(
                                        ui -> ClassroomNavigation.classes().navigate(ui)));
    }
}
