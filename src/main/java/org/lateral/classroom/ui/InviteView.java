package org.lateral.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.InvitationService;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.PasswordPolicy;
import org.lateral.security.CurrentUser;
import org.lateral.security.LoginWelcome;
import org.lateral.security.ui.SecurityNavigation;

/**
 * Accepting a school admin's invitation (DD026): the link carries the code, or the teacher types
 * it. The page names the school first, then asks for a name, a username and a password, and sends
 * the new teacher to sign in. Someone already signed in is asked to sign out first, so an
 * invitation never changes an existing account.
 */
@Route(value = "invite", autoLayout = false)
@PageTitle("Accept an invitation · Lateral")
@AnonymousAllowed
class InviteView extends VerticalLayout implements HasUrlParameter<String> {

    private final InvitationService invitations;
    private final boolean signedIn;
    private final Div step = new Div();
    private final Div message = new Div();

    InviteView(InvitationService invitations, CurrentUser currentUser) {
        this.invitations = invitations;
        this.signedIn = currentUser.get().isPresent();
        addClassName("join-view");
        setAlignItems(Alignment.CENTER);
        add(new H1("Join your school on Lateral as a teacher"));
        message.addClassName("form-error");
        message.setTestId("invite-message");
        message.getElement().setAttribute("role", "alert");
        step.setMaxWidth("32rem");
        step.setWidthFull();
        add(step, message);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String code) {
        if (signedIn) {
            step.removeAll();
            Paragraph out = new Paragraph("You are signed in. An invitation creates a new teacher account: sign out "
                    + "first, then open the invitation link again.");
            out.setTestId("invite-signed-in");
            step.add(out);
            return;
        }
        if (code == null || code.isBlank()) {
            askForCode("");
        } else {
            preview(code);
        }
    }

    private void askForCode(String typed) {
        step.removeAll();
        TextField code = new TextField("Invitation code from your school's admin");
        code.setPlaceholder("ABCD-EFGH-JKLM-NPQR");
        code.setMaxLength(40);
        code.setValue(typed);
        code.setWidthFull();
        code.setTestId("invite-code");
        code.focus();
        Button next = new Button("Continue", e -> preview(code.getValue()));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClickShortcut(Key.ENTER);
        next.setTestId("invite-continue");
        step.add(code, next, new Paragraph(SecurityNavigation.login().anchor("I already have an account: sign in")));
    }

    private void preview(String code) {
        try {
            InvitationService.Invitation invitation = invitations.preview(code, from());
            message.setText("");
            form(code, invitation);
        } catch (UserFacingException ex) {
            askForCode(code.length() > 40 ? "" : code);
            message.setText(ex.getMessage());
        }
    }

    private void form(String code, InvitationService.Invitation invitation) {
        step.removeAll();
        Paragraph school = new Paragraph("You are invited to " + invitation.schoolName() + " as a teacher"
                + (invitation.asAdmin() ? " and a school admin." : "."));
        school.setTestId("invite-school");
        TextField name = new TextField("Your name (as your students will see it)");
        name.setMaxLength(100);
        name.setTestId("invite-name");
        TextField username = new TextField("Choose a username");
        username.setHelperText("3–40 letters, digits, dots, dashes or underscores.");
        username.setMaxLength(40);
        username.setTestId("invite-username");
        PasswordField password = new PasswordField("Choose a password");
        password.setHelperText(
                "At least " + PasswordPolicy.MIN_LENGTH + " characters. A short sentence is easy to remember.");
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("invite-password");
        PasswordField again = new PasswordField("Type the password again");
        again.setMaxLength(PasswordPolicy.MAX_LENGTH);
        again.setTestId("invite-password-again");
        Button create = new Button("Create my teacher account", e -> {
            try {
                String created = invitations.accept(
                        code,
                        new InvitationService.NewTeacher(
                                name.getValue(), username.getValue(), password.getValue(), again.getValue()),
                        from());
                // As after joining: the sign-in page greets by the session, never by the URL (DD007).
                VaadinSession.getCurrent().setAttribute(LoginWelcome.INVITED_USERNAME, created);
                getUI().ifPresent(
                                ui -> SecurityNavigation.loginAfterInvitation().navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("invite-create");
        Paragraph once = new Paragraph("The invitation works once: after this, sign in with your username.");
        once.addClassName("reader-note");
        step.add(school, new FormLayout(name, username, password, again), once, create);
    }

    private static JoinService.From from() {
        VaadinSession session = VaadinSession.getCurrent();
        String address = session == null
                        || session.getBrowser() == null
                        || session.getBrowser().getAddress() == null
                ? "unknown"
                : session.getBrowser().getAddress();
        return new JoinService.From(
                address, session == null ? "none" : session.getSession().getId());
    }
}
