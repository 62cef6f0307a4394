package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinCodes;

/**
 * A class's join code as a poster: the class, the address to go to and the code, large enough to
 * project or to pin on a wall, and printable on one page without the app around it. The class
 * comes from {@link ClassroomService}, which checks this teacher teaches it.
 */
@Route(value = "print/join-code", autoLayout = false)
@PageTitle("Join code · Lateral")
@RolesAllowed("TEACHER")
class JoinCodePosterView extends Div implements HasUrlParameter<String> {

    static final String GO_TO = "1. Go to";
    static final String TYPE = "2. Type this code:";
    static final String OFF = "Joining this class with a code is switched off. Switch it on on the class page.";
    static final String NO_CLASS = "That class does not exist.";

    private final ClassroomService classroom;
    private final SignInAddress address;

    JoinCodePosterView(ClassroomService classroom, SignInAddress address) {
        this.classroom = classroom;
        this.address = address;
        addClassNames("print-page", "join-poster");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        Optional<ClassDetail> found = parse(parameter).flatMap(classroom::classDetail);
        if (found.isEmpty()) {
            add(new H1("Join code"), new Paragraph(NO_CLASS));
            return;
        }
        ClassDetail c = found.get();
        Button print = new Button("Print", e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.setTestId("poster-print");
        Anchor back = NamedRoutes.classPage(c.id()).anchor("Back to the class");
        back.addClassName("back-link");
        Div toolbar = new Div(print, back);
        toolbar.addClassName("print-toolbar");
        toolbar.setTestId("print-toolbar");
        H1 name = new H1("Join " + c.name());
        name.setTestId("poster-class");
        add(toolbar, name);
        if (c.joinCode() == null || !c.joinEnabled()) {
            add(new Paragraph(OFF));
            return;
        }
        Div where = new Div();
        where.addClassName("join-address");
        where.setTestId("poster-address");
        Div code = new Div(JoinCodes.display(c.joinCode()));
        code.addClassName("join-code-projected");
        code.setTestId("poster-code");
        add(new Paragraph(GO_TO), where, new Paragraph(TYPE), code);
        address.whenKnown(UI.getCurrent(), known -> where.setText(SignInAddress.joinPage(known)));
    }

    private static Optional<UUID> parse(String parameter) {
        try {
            return Optional.of(UUID.fromString(parameter));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
