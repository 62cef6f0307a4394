package org.lateral.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
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
@PermitAll
@NamedRoute(RouteName.CHANGE_PASSWORD)
class ChangePasswordView extends Div implements HasDynamicTitle {

    ChangePasswordView(AccountService accounts) {
        addClassNames("setup-view", "password-view");
        boolean forced = accounts.mustChangePassword();
        Div column = new Div();
        column.addClassName("narrow-form");
        if (!forced) {
            Anchor back = BaseNavigation.home().anchor(getTranslation("classroom.form.backHome"));
            back.addClassName("back-link");
            back.setTestId("password-back");
            column.add(back);
        }
        column.add(
                new H1(getTranslation(forced ? "classroom.password.forcedTitle" : "classroom.password.title")),
                new Paragraph(getTranslation(forced ? "classroom.password.forcedText" : "classroom.password.text")));
        PasswordField current = new PasswordField(
                getTranslation(forced ? "classroom.password.currentForced" : "classroom.password.current"));
        current.setTestId("password-current");
        current.setWidthFull();
        PasswordField password = new PasswordField(getTranslation("classroom.password.new"));
        password.setHelperText(getTranslation("classroom.form.passwordHelp", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("password-new");
        password.setWidthFull();
        PasswordField again = new PasswordField(getTranslation("classroom.password.again"));
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
        Button save = new Button(getTranslation("classroom.password.save"), e -> {
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
                done.setText(getTranslation("classroom.password.changed"));
            } catch (UserFacingException ex) {
                message.setText(ex.getLocalizedMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setTestId("password-save");
        column.add(current, password, again, message, done, save);
        add(column);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("classroom.password.pageTitle"));
    }
}
