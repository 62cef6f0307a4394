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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
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
@AnonymousAllowed
class InviteView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final InvitationService invitations;
    private final boolean signedIn;
    private final Div step = new Div();
    private final Div message = new Div();

    InviteView(InvitationService invitations, CurrentUser currentUser) {
        this.invitations = invitations;
        this.signedIn = currentUser.get().isPresent();
        addClassName("join-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("classroom.invite.title")));
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
            Paragraph out = new Paragraph(getTranslation("classroom.invite.signedIn"));
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
        TextField code = new TextField(getTranslation("classroom.invite.code"));
        code.setPlaceholder("ABCD-EFGH-JKLM-NPQR");
        code.setMaxLength(40);
        code.setValue(typed);
        code.setWidthFull();
        code.setTestId("invite-code");
        code.focus();
        Button next = new Button(getTranslation("classroom.form.continue"), e -> preview(code.getValue()));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClickShortcut(Key.ENTER);
        next.setTestId("invite-continue");
        step.add(
                code,
                next,
                new Paragraph(SecurityNavigation.login().anchor(getTranslation("classroom.form.haveAccount"))));
    }

    private void preview(String code) {
        try {
            InvitationService.Invitation invitation = invitations.preview(code, from());
            message.setText("");
            form(code, invitation);
        } catch (UserFacingException ex) {
            askForCode(code.length() > 40 ? "" : code);
            message.setText(ex.getLocalizedMessage());
        }
    }

    private void form(String code, InvitationService.Invitation invitation) {
        step.removeAll();
        Paragraph school = new Paragraph(getTranslation(
                invitation.asAdmin() ? "classroom.invite.schoolAdmin" : "classroom.invite.school",
                invitation.schoolName()));
        school.setTestId("invite-school");
        TextField name = new TextField(getTranslation("classroom.invite.name"));
        name.setMaxLength(100);
        name.setTestId("invite-name");
        TextField username = new TextField(getTranslation("classroom.invite.username"));
        username.setHelperText(getTranslation("classroom.invite.usernameHelp"));
        username.setMaxLength(40);
        username.setTestId("invite-username");
        PasswordField password = new PasswordField(getTranslation("classroom.invite.password"));
        password.setHelperText(getTranslation("classroom.form.passwordHelp", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("invite-password");
        PasswordField again = new PasswordField(getTranslation("classroom.invite.again"));
        again.setMaxLength(PasswordPolicy.MAX_LENGTH);
        again.setTestId("invite-password-again");
        Button create = new Button(getTranslation("classroom.invite.create"), e -> {
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
                message.setText(ex.getLocalizedMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("invite-create");
        Paragraph once = new Paragraph(getTranslation("classroom.invite.once"));
        once.addClassName("reader-note");
        step.add(school, new FormLayout(name, username, password, again), once, create);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.invite.pageTitle"));
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
