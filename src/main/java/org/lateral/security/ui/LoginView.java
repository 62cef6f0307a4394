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
import com.vaadin.flow.router.HasDynamicTitle;
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
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

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
        Paragraph tagline = new Paragraph(getTranslation("security.login.tagline"));
        tagline.addClassName("login-tagline");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("security.login.title"));
        i18n.getForm().setUsername(getTranslation("security.login.username"));
        i18n.getForm().setPassword(getTranslation("security.login.password"));
        i18n.getForm().setSubmit(getTranslation("security.login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("security.login.forgotPassword"));
        // One answer for an unknown username, a wrong password, a switched-off account and too
        // many tries (DD007): it must not tell a stranger which usernames exist.
        i18n.getErrorMessage().setTitle(getTranslation("security.login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("security.login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("security.login.error.usernameRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("security.login.error.passwordRequired"));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setTestId("login-form");
        welcome.addClassName("login-welcome");
        welcome.setTestId("login-welcome");
        welcome.setVisible(false);
        Anchor joinLink = NamedRoutes.join().anchor(getTranslation("security.login.joinLink"));
        joinLink.setTestId("join-link");
        add(title, tagline, welcome, form, joinLink);

        if (mode.demo()) {
            Div hint = new Div(
                    new Paragraph(getTranslation("security.login.demo.accounts")),
                    new Paragraph(getTranslation("security.login.demo.password")));
            hint.addClassName("login-hint");
            hint.setTestId("demo-accounts-hint");
            add(hint);
        } else if (accounts.noAccountsYet()) {
            Div setup = new Div(
                    new Paragraph(getTranslation("security.login.setup.notYet")),
                    NamedRoutes.setup().anchor(getTranslation("security.login.setup.link")));
            setup.addClassName("login-hint");
            setup.setTestId("setup-hint");
            add(setup);
        } else {
            Paragraph help = new Paragraph(getTranslation("security.login.help"));
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
        if (signedOut instanceof SessionGuard.SignedOut reason) {
            // Shown once: the next visit to this page is an ordinary one.
            current.getSession().removeAttribute(SessionGuard.SIGNED_OUT_BECAUSE);
            welcome.setText(
                    switch (reason.reason()) {
                        case IDLE -> getTranslation("security.login.signedOut.idle", reason.amount());
                        case TOO_LONG -> getTranslation("security.login.signedOut.tooLong", reason.amount());
                        case ENDED_ELSEWHERE -> getTranslation("security.login.signedOut.endedElsewhere");
                    });
            welcome.setVisible(true);
        }
        if (parameters.containsKey("joined")) {
            VaadinSession session = VaadinSession.getCurrent();
            Object username = session == null ? null : session.getAttribute(LoginWelcome.JOINED_USERNAME);
            welcome.setText(
                    username instanceof String name
                            ? getTranslation("security.login.joined.named", name)
                            : getTranslation("security.login.joined.unnamed"));
            welcome.setVisible(true);
        }
        if (parameters.containsKey("invited")) {
            VaadinSession session = VaadinSession.getCurrent();
            Object username = session == null ? null : session.getAttribute(LoginWelcome.INVITED_USERNAME);
            welcome.setText(
                    username instanceof String name
                            ? getTranslation("security.login.invited.named", name)
                            : getTranslation("security.login.invited.unnamed"));
            welcome.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("security.login.title"));
    }
}
