package org.lateral.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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

/** Choosing one's own password; required after signing in with a one-time password. */
@Route(value = "password", autoLayout = false)
@PageTitle("Choose your password · Lateral")
@PermitAll
@NamedRoute(RouteName.CHANGE_PASSWORD)
class ChangePasswordView extends VerticalLayout {

    ChangePasswordView(AccountService accounts) {
        addClassName("setup-view");
        setAlignItems(Alignment.CENTER);
        add(new H1("Choose your password"));
        if (accounts.mustChangePassword()) {
            add(new Paragraph("You signed in with a one-time password. Choose your own before you continue."));
        }
        PasswordField current = new PasswordField("Current (or one-time) password");
        current.setTestId("password-current");
        PasswordField password = new PasswordField("New password");
        password.setHelperText(
                "At least " + PasswordPolicy.MIN_LENGTH + " characters. A short sentence is easy to remember.");
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setTestId("password-new");
        PasswordField again = new PasswordField("New password again");
        again.setMaxLength(PasswordPolicy.MAX_LENGTH);
        again.setTestId("password-again");
        Div message = new Div();
        message.addClassName("form-error");
        message.setTestId("password-message");
        message.getElement().setAttribute("role", "alert");
        Button save = new Button("Save my password", e -> {
            try {
                accounts.changeOwnPassword(current.getValue(), password.getValue(), again.getValue());
                getUI().ifPresent(ui -> BaseNavigation.home().navigate(ui));
            } catch (UserFacingException ex) {
                message.setText(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setTestId("password-save");
        FormLayout form = new FormLayout(current, password, again);
        form.setMaxWidth("28rem");
        add(form, message, save);
    }
}
