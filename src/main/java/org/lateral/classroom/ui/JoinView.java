package org.lateral.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lateral.base.LateralMode;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.BaseNavigation;
import org.lateral.base.ui.DemoBanner;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.JoinService;
import org.lateral.classroom.PasswordPolicy;
import org.lateral.security.CurrentUser;
import org.lateral.security.LoginWelcome;
import org.lateral.security.Role;
import org.lateral.security.ui.SecurityNavigation;

/**
 * Joining a class with its code. A new student creates a pseudonymous account here (a name the
 * teacher knows, a username, a password; no e-mail); a signed-in student just adds the class.
 */
@Route(value = "join", autoLayout = false)
@NamedRoute(RouteName.JOIN)
@AnonymousAllowed
class JoinView extends VerticalLayout implements HasDynamicTitle {

    private final JoinService join;
    private final boolean signedInStudent;
    private final Div step = new Div();
    private final Div message = new Div();

    JoinView(JoinService join, CurrentUser currentUser, LateralMode mode) {
        this.join = join;
        this.signedInStudent = currentUser.get().map(u -> u.has(Role.STUDENT)).orElse(false);
        addClassName("join-view");
        setAlignItems(Alignment.CENTER);
        if (mode.demo()) {
            add(new DemoBanner());
        }
        // A way back for whoever came here from inside Lateral: a student to their assignments,
        // anyone else to their home page; someone not signed in has "sign in" below the code.
        if (currentUser.get().isPresent()) {
            Anchor back = signedInStudent
                    ? NamedRoutes.studentHome().anchor(getTranslation("classroom.join.backToAssignments"))
                    : BaseNavigation.home().anchor(getTranslation("classroom.form.backHome"));
            back.addClassName("back-link");
            back.setTestId("join-back");
            add(back);
        }
        add(new H1(getTranslation(signedInStudent ? "classroom.join.titleAnother" : "classroom.join.title")));
        message.addClassName("form-error");
        message.setTestId("join-message");
        message.getElement().setAttribute("role", "alert");
        step.setMaxWidth("32rem");
        step.setWidthFull();
        add(step, message);
        askForCode();
    }

    private void askForCode() {
        step.removeAll();
        TextField code = new TextField(getTranslation("classroom.join.code"));
        code.setPlaceholder("ABCDE-FGHJK");
        code.setMaxLength(20);
        code.setWidthFull();
        code.setTestId("join-code-input");
        code.focus();
        Button next = new Button(getTranslation("classroom.form.continue"), e -> {
            try {
                JoinService.ClassPreview preview = join.preview(code.getValue(), from());
                message.setText("");
                confirmClass(code.getValue(), preview);
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClickShortcut(Key.ENTER);
        next.setTestId("join-continue");
        step.add(code, next);
        if (!signedInStudent) {
            step.add(new Paragraph(SecurityNavigation.login().anchor(getTranslation("classroom.form.haveAccount"))));
        }
    }

    private void confirmClass(String code, JoinService.ClassPreview preview) {
        step.removeAll();
        Paragraph joining =
                new Paragraph(getTranslation("classroom.join.preview", preview.className(), preview.teacherName()));
        joining.setTestId("join-class-preview");
        step.add(joining);
        if (signedInStudent) {
            Button joinButton = new Button(getTranslation("classroom.join.joinButton"), e -> {
                try {
                    join.joinAsSignedInStudent(code, from());
                    getUI().ifPresent(ui -> NamedRoutes.studentHome().navigate(ui));
                } catch (UserFacingException ex) {
                    message.setText(ex.getLocalizedMessage());
                }
            });
            joinButton.addThemeVariants(ButtonVariant.PRIMARY);
            joinButton.setTestId("join-confirm");
            step.add(joinButton);
            return;
        }
        TextField name = new TextField(getTranslation("classroom.join.name"));
        name.setMaxLength(100);
        name.setTestId("join-name");
        TextField username = new TextField(getTranslation("classroom.join.username"));
        username.setHelperText(getTranslation("classroom.join.usernameHelp"));
        username.setMaxLength(40);
        username.setTestId("join-username");
        PasswordField password = new PasswordField(getTranslation("classroom.join.password"));
        password.setHelperText(getTranslation("classroom.form.passwordHelp", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("join-password");
        PasswordField again = new PasswordField(getTranslation("classroom.join.again"));
        again.setMaxLength(PasswordPolicy.MAX_LENGTH);
        again.setTestId("join-password-again");
        Paragraph privacy = new Paragraph(getTranslation("classroom.join.privacy"));
        privacy.addClassName("reader-note");
        Button create = new Button(getTranslation("classroom.join.create"), e -> {
            try {
                String created = join.joinAsNewStudent(
                        code,
                        new JoinService.NewStudent(
                                name.getValue(), username.getValue(), password.getValue(), again.getValue()),
                        from());
                // The login page says "Sign in as …" from the session, never from the URL, so a
                // link cannot make it print any text (DD007).
                VaadinSession.getCurrent().setAttribute(LoginWelcome.JOINED_USERNAME, created);
                getUI().ifPresent(ui -> SecurityNavigation.loginAfterJoining().navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("join-create");
        step.add(new FormLayout(name, username, password, again), privacy, create);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.join.pageTitle"));
    }

    private static JoinService.From from() {
        VaadinSession session = VaadinSession.getCurrent();
        return new JoinService.From(
                address(), session == null ? "none" : session.getSession().getId());
    }

    private static String address() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null
                        || session.getBrowser() == null
                        || session.getBrowser().getAddress() == null
                ? "unknown"
                : session.getBrowser().getAddress();
    }
}
