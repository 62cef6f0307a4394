package org.lateral.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lateral.base.LateralMode;
import org.lateral.base.ui.DemoBanner;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.security.LoginAccounts;
import org.lateral.security.LoginWelcome;
import org.lateral.security.SessionGuard;

/** Sign-in at {@code /login}: Vaadin's login form, fields {@code username} and {@code password}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Lateral")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph welcome = new Paragraph();

    LoginView(LateralMode mode, LoginAccounts accounts) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        if (mode.demo()) {
            add(new DemoBanner());
        }
        H1 title = new H1("Lateral");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph(
                "Read the news like a fact-checker: mark the claims, find who says so, compare the outlets.");
        tagline.addClassName("login-tagline");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setSubmit("Sign in");
        // One answer for an unknown username, a wrong password, a switched-off account and too
        // many tries (DD007): it must not tell a stranger which usernames exist.
        i18n.getErrorMessage().setTitle("Could not sign in");
        i18n.getErrorMessage()
                .setMessage(
                        "Check your username and password. After several wrong tries, signing in "
                                + "pauses for a few minutes: wait, then try again. Forgot your password? Your teacher can reset it.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setTestId("login-form");
        welcome.addClassName("login-welcome");
        welcome.setTestId("login-welcome");
        welcome.setVisible(false);
        Anchor joinLink = NamedRoutes.join().anchor("Have a join code from your teacher? Join a class");
        joinLink.setTestId("join-link");
        add(title, tagline, welcome, form, joinLink);

        if (mode.demo()) {
            Div hint = new Div(
                    new Paragraph("Demo accounts: teacher, admin (the school admin), and student1 to student24."),
                    new Paragraph("Password for all of them: lateral-demo"));
            hint.addClassName("login-hint");
            hint.setTestId("demo-accounts-hint");
            add(hint);
        } else if (accounts.noAccountsYet()) {
            Div setup = new Div(
                    new Paragraph("Lateral is not set up yet. The person installing it creates the first account."),
                    NamedRoutes.setup().anchor("Go to first-run setup"));
            setup.addClassName("login-hint");
            setup.setTestId("setup-hint");
            add(setup);
        } else {
            Paragraph help = new Paragraph(
                    "Students: ask your teacher for your username. Forgot your password? Your teacher can reset it.");
            help.addClassName("login-hint");
            add(help);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        // Spring Security redirects here with ?error after a failed attempt.
        form.setError(parameters.containsKey("error"));
        VaadinSession current = VaadinSession.getCurrent();
        Object signedOut = current == null ? null : current.getSession().getAttribute(SessionGuard.SIGNED_OUT_BECAUSE);
        if (signedOut instanceof String reason) {
            // Shown once: the next visit to this page is an ordinary one.
            current.getSession().removeAttribute(SessionGuard.SIGNED_OUT_BECAUSE);
            welcome.setText(reason);
            welcome.setVisible(true);
        }
        if (parameters.containsKey("joined")) {
            VaadinSession session = VaadinSession.getCurrent();
            Object username = session == null ? null : session.getAttribute(LoginWelcome.JOINED_USERNAME);
            welcome.setText(
                    username instanceof String name
                            ? "Your account is ready and you are in the class. Sign in as " + name + "."
                            : "Your account is ready and you are in the class. Sign in with the username you chose.");
            welcome.setVisible(true);
        }
        if (parameters.containsKey("invited")) {
            VaadinSession session = VaadinSession.getCurrent();
            Object username = session == null ? null : session.getAttribute(LoginWelcome.INVITED_USERNAME);
            welcome.setText(
                    username instanceof String name
                            ? "Your teacher account is ready. Sign in as " + name + "."
                            : "Your teacher account is ready. Sign in with the username you chose.");
            welcome.setVisible(true);
        }
    }
}
