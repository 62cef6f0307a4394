package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
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
@RolesAllowed("TEACHER")
class JoinCodePosterView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

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
            add(
                    new H1(getTranslation("classroom.poster.pageTitle")),
                    new Paragraph(getTranslation("classroom.poster.noClass")));
            return;
        }
        ClassDetail c = found.get();
        Button print = new Button(
                getTranslation("classroom.form.print"), e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.setTestId("poster-print");
        Anchor back = NamedRoutes.classPage(c.id()).anchor(getTranslation("classroom.form.backToClass"));
        back.addClassName("back-link");
        Div toolbar = new Div(print, back);
        toolbar.addClassName("print-toolbar");
        toolbar.setTestId("print-toolbar");
        H1 name = new H1(getTranslation("classroom.poster.join", c.name()));
        name.setTestId("poster-class");
        add(toolbar, name);
        if (c.joinCode() == null || !c.joinEnabled()) {
            add(new Paragraph(getTranslation("classroom.poster.off")));
            return;
        }
        Div where = new Div();
        where.addClassName("join-address");
        where.setTestId("poster-address");
        Div code = new Div(JoinCodes.display(c.joinCode()));
        code.addClassName("join-code-projected");
        code.setTestId("poster-code");
        add(
                new Paragraph(getTranslation("classroom.poster.goTo")),
                where,
                new Paragraph(getTranslation("classroom.poster.type")),
                code);
        address.whenKnown(UI.getCurrent(), known -> where.setText(SignInAddress.joinPage(known)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.poster.pageTitle"));
    }

    private static Optional<UUID> parse(String parameter) {
        try {
            return Optional.of(UUID.fromString(parameter));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
