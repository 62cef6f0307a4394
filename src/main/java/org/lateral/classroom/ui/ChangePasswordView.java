package org.lateral.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.BaseNavigation;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.AccountService;
import org.lateral.classroom.PasswordPolicy;

/**
 * Changing one's own password, for anyone signed in: a student, a teacher, an admin. After
 * signing in with a one-time password it is the only page there is ({@link PasswordChangeGate})
 * until a password is chosen, and then leads home; chosen freely, it says the password is changed
 * and offers the way back. Either way the current password is asked for and the rules are
 * checked by {@link AccountService}, not here.
 */
@Route(value = "password", autoLayout = false)
@PageTitle("Your password · Lateral")
@PermitAll
@NamedRoute(RouteName.CHANGE_PASSWORD)
class ChangePasswordView extends Div {

    static final String FORCED_TITLE = "Choose your password";
    static final String FORCED_TEXT = "You signed in with a one-time password. Choose your own before you continue.";
    static final String TITLE = "Change your password";
    static final String TEXT = "Type your current password, then the new one twice. Other computers where you "
            + "are signed in are signed out; this one stays signed in.";
    static final String CURRENT = "Current password";
    static final String CURRENT_FORCED = "One-time password";
    static final String NEW = "New password";
    static final String AGAIN = "New password again";
    static final String HELP =
            "At least " + PasswordPolicy.MIN_LENGTH + " characters. A short sentence is easy to remember.";
    static final String SAVE = "Save my password";
    static final String CHANGED = "Your password is changed. Use the new one next time you sign in.";
    static final String BACK = "Back to Lateral";

    ChangePasswordView(AccountService accounts) {
        addClassNames("setup-view", "password-view");
        boolean forced = accounts.mustChangePassword();
        Div column = new Div();
        column.addClassName("narrow-form");
        if (!forced) {
            Anchor back = BaseNavigation.home().anchor(BACK);
            back.addClassName("back-link");
            back.setTestId("password-back");
            column.add(back);
        }
        column.add(new H1(forced ? FORCED_TITLE : TITLE), new Paragraph(forced ? FORCED_TEXT : TEXT));
        PasswordField current = new PasswordField(forced ? CURRENT_FORCED : CURRENT);
        current.setTestId("password-current");
        current.setWidthFull();
        PasswordField password = new PasswordField(NEW);
        password.setHelperText(HELP);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("password-new");
        password.setWidthFull();
        PasswordField again = new PasswordField(AGAIN);
        again.setMaxLength(PasswordPolicy.MAX_LENGTH);
        again.setTestId("password-again");
        again.setWidthFull();
        Div message = new Div();
        message.addClassName("form-error");
        message.setTestId("password-message");
        message.getElement().setAttribute("role", "alert");
        Div done = new Div();
        done.addClassName("form-success");
        done.setTestId("password-changed");
        done.getElement().setAttribute("role", "status");
        Button save = new Button(SAVE, e -> {
            done.setText("");
            try {
                accounts.changeOwnPassword(current.getValue(), password.getValue(), again.getValue());
                message.setText("");
                if (forced) {
                    getUI().ifPresent(ui -> BaseNavigation.home().navigate(ui));
                    return;
                }
                current.clear();
                password.clear();
                again.clear();
                done.setText(CHANGED);
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setTestId("password-save");
        column.add(current, password, again, message, done, save);
        add(column);
    }
}
