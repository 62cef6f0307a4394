package org.lateral.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.FirstRunSetup;
import org.lateral.classroom.PasswordPolicy;
import org.lateral.security.ui.SecurityNavigation;

/** First-run setup: creates the first account (teacher and school admin) with the logged token. */
@Route(value = "setup", autoLayout = false)
@NamedRoute(RouteName.SETUP)
@PageTitle("Set up Lateral")
@AnonymousAllowed
class SetupView extends VerticalLayout {

    private final FirstRunSetup setup;
    private final Div message = new Div();

    SetupView(FirstRunSetup setup) {
        this.setup = setup;
        addClassName("setup-view");
        setAlignItems(Alignment.CENTER);
        add(new H1("Set up Lateral"));
        if (!setup.isSetupOpen()) {
            add(
                    new Paragraph("Lateral is already set up."),
                    SecurityNavigation.login().anchor("Sign in"));
            setTestId("setup-closed");
            return;
        }
        add(new Paragraph("Create the first account. It can teach classes and manage the school. "
                + "The setup token is printed in the server's log at start-up."));

        TextField token = new TextField("Setup token");
        token.setTestId("setup-token");
        token.setRequired(true);
        TextField school = new TextField("School name");
        school.setTestId("setup-school");
        school.setMaxLength(200);
        TextField displayName = new TextField("Your name (as students will see it)");
        displayName.setTestId("setup-display-name");
        displayName.setMaxLength(100);
        TextField username = new TextField("Username");
        username.setTestId("setup-username");
        username.setHelperText("3–40 letters, digits, dots, dashes or underscores");
        PasswordField password = new PasswordField("Password");
        password.setTestId("setup-password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        PasswordField again = new PasswordField("Password again");
        again.setTestId("setup-password-again");

        message.addClassName("form-error");
        message.setTestId("setup-message");
        message.getElement().setAttribute("role", "alert");

        Button create = new Button("Create account", e -> {
            Optional<String> problem = this.setup.createFirstAccount(new FirstRunSetup.SetupRequest(
                    token.getValue(),
                    school.getValue(),
                    displayName.getValue(),
                    username.getValue(),
                    password.getValue(),
                    again.getValue()));
            if (problem.isPresent()) {
                message.setText(problem.get());
            } else {
                getUI().ifPresent(ui -> SecurityNavigation.login().navigate(ui));
            }
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setTestId("setup-create");

        FormLayout form = new FormLayout(token, school, displayName, username, password, again);
        form.setMaxWidth("36rem");
        add(form, message, create);
    }
}
