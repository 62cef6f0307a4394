package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.lateral.base.ui.NamedRoutes;

/**
 * Sign-in slips as a page of their own, made for paper: one slip per student with the class, the
 * student's name, username, one-time password and the address to sign in at, several to a page,
 * none cut by a page break, and nothing of the app around them in print. Opened in a new tab
 * from the dialog that created the passwords, and printed from there ({@code ?print} prints at
 * once). The slips come from the teacher's own session ({@link SlipSheets}).
 */
@Route(value = "print/slips", autoLayout = false)
@RolesAllowed({"TEACHER", "ADMIN"})
class SignInSlipsView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    /** The query parameter that prints the page as soon as it is drawn. */
    static final String PRINT_NOW = "print";

    private final SignInAddress address;

    SignInSlipsView(SignInAddress address) {
        this.address = address;
        addClassName("print-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String key) {
        removeAll();
        boolean printNow =
                event.getLocation().getQueryParameters().getParameters().containsKey(PRINT_NOW);
        SlipSheets.find(VaadinSession.getCurrent(), key).ifPresentOrElse(sheet -> show(sheet, printNow), () -> {
            Paragraph gone = new Paragraph(getTranslation("classroom.slips.gone"));
            gone.setTestId("slips-gone");
            add(new H1(getTranslation("classroom.slips.title")), gone);
        });
    }

    private void show(SlipSheets.Sheet sheet, boolean printNow) {
        Div toolbar = new Div();
        toolbar.addClassName("print-toolbar");
        toolbar.setTestId("print-toolbar");
        Button print = new Button(
                getTranslation("classroom.form.print"), e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.setTestId("slips-print");
        Anchor back = sheet.classId() == null
                ? ClassroomNavigation.schoolAdmin().anchor(getTranslation("classroom.slips.backToAdmin"))
                : NamedRoutes.classPage(sheet.classId()).anchor(getTranslation("classroom.form.backToClass"));
        back.addClassName("back-link");
        toolbar.add(
                new H1(getTranslation("classroom.slips.heading", sheet.heading())),
                new Paragraph(getTranslation("classroom.slips.how")),
                new Div(print, back));

        Div slips = new Div();
        slips.addClassName("slip-sheet");
        slips.setTestId("slips");
        List<Span> addresses = new ArrayList<>();
        for (SlipSheets.Slip s : sheet.slips()) {
            Span at = new Span();
            at.addClassName("slip-address");
            addresses.add(at);
            Div slip = new Div(
                    line("slip-class", sheet.heading()),
                    line("slip-name", s.displayName()),
                    labelled(getTranslation("classroom.slips.username"), s.username(), "slip-username"),
                    labelled(getTranslation("classroom.slips.password"), s.password(), "slip-password"),
                    new Div(new Span(getTranslation("classroom.slips.signInAt") + " "), at),
                    line("slip-after", getTranslation("classroom.slips.after")));
            slip.addClassName("slip");
            slip.getElement().setAttribute("data-testid", "slip");
            slips.add(slip);
        }
        add(toolbar, slips);
        address.whenKnown(UI.getCurrent(), known -> {
            addresses.forEach(a -> a.setText(known));
            // The addresses are in before the print dialog takes its picture of the page.
            getElement().setAttribute("data-address", known);
            if (printNow) {
                getElement().executeJs("window.print()");
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.slips.title"));
    }

    private static Span line(String className, String text) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }

    private static Div labelled(String label, String value, String className) {
        Span l = new Span(label + ": ");
        l.addClassName("slip-label");
        Span v = line(className, value);
        return new Div(l, v);
    }
}
