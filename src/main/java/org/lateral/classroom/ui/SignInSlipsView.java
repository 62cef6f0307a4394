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
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Sign-in slips · Lateral")
@RolesAllowed({"TEACHER", "ADMIN"})
class SignInSlipsView extends Div implements HasUrlParameter<String> {

    /** The query parameter that prints the page as soon as it is drawn. */
    static final String PRINT_NOW = "print";

    static final String GONE = "These sign-in slips are no longer here. One-time passwords are shown only once: "
            + "reset a student's password on the class page to get a new one.";
    static final String HOW = "Print, cut along the dashed lines and hand each student their slip. "
            + "Close this tab when you are done: the passwords are not shown again.";
    static final String SIGN_IN_AT = "Sign in at";
    static final String AFTER = "After signing in, you choose your own password.";

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
            Paragraph gone = new Paragraph(GONE);
            gone.setTestId("slips-gone");
            add(new H1("Sign-in slips"), gone);
        });
    }

    private void show(SlipSheets.Sheet sheet, boolean printNow) {
        Div toolbar = new Div();
        toolbar.addClassName("print-toolbar");
        toolbar.setTestId("print-toolbar");
        Button print = new Button("Print", e -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.PRIMARY);
        print.setTestId("slips-print");
        Anchor back = sheet.classId() == null
                ? ClassroomNavigation.schoolAdmin().anchor("Back to School admin")
                : NamedRoutes.classPage(sheet.classId()).anchor("Back to the class");
        back.addClassName("back-link");
        toolbar.add(new H1("Sign-in slips: " + sheet.heading()), new Paragraph(HOW), new Div(print, back));

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
                    labelled("Username", s.username(), "slip-username"),
                    labelled("One-time password", s.password(), "slip-password"),
                    new Div(new Span(SIGN_IN_AT + " "), at),
                    line("slip-after", AFTER));
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
