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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.lateral.base.UserFacingException;
import org.lateral.base.ui.NamedRoute;
import org.lateral.base.ui.RouteName;
import org.lateral.classroom.FirstRunSetup;
import org.lateral.classroom.PasswordPolicy;
import org.lateral.security.ui.SecurityNavigation;

/** First-run setup: creates the first account (teacher and school admin) with the logged token. */
@Route(value = "setup", autoLayout = false)
@NamedRoute(RouteName.SETUP)
@AnonymousAllowed
class SetupView extends VerticalLayout implements HasDynamicTitle {

    private final FirstRunSetup setup;
    private final Div message = new Div();

    SetupView(FirstRunSetup setup) {
        this.setup = setup;
        addClassName("setup-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("classroom.setup.title")));
        if (!setup.isSetupOpen()) {
            add(
                    new Paragraph(getTranslation("classroom.setup.done")),
                    SecurityNavigation.login().anchor(getTranslation("classroom.setup.signIn")));
            setTestId("setup-closed");
            return;
        }
        add(new Paragraph(getTranslation("classroom.setup.intro")));

        TextField token = new TextField(getTranslation("classroom.setup.token"));
        token.setTestId("setup-token");
        token.setRequired(true);
        TextField school = new TextField(getTranslation("classroom.setup.school"));
        school.setTestId("setup-school");
        school.setMaxLength(200);
        TextField displayName = new TextField(getTranslation("classroom.setup.name"));
        displayName.setTestId("setup-display-name");
        displayName.setMaxLength(100);
        TextField username = new TextField(getTranslation("classroom.setup.username"));
        username.setTestId("setup-username");
        username.setHelperText(getTranslation("classroom.setup.usernameHelp"));
        PasswordField password = new PasswordField(getTranslation("classroom.setup.password"));
        password.setTestId("setup-password");
        password.setHelperText(getTranslation("classroom.setup.passwordHelp", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        PasswordField again = new PasswordField(getTranslation("classroom.setup.again"));
        again.setTestId("setup-password-again");

        message.addClassName("form-error");
        message.setTestId("setup-message");
        message.getElement().setAttribute("role", "alert");

        Button create = new Button(getTranslation("classroom.setup.create"), e -> {
            Optional<UserFacingException> problem = this.setup.createFirstAccount(new FirstRunSetup.SetupRequest(
                    token.getValue(),
                    school.getValue(),
                    displayName.getValue(),
                    username.getValue(),
                    password.getValue(),
                    again.getValue()));
            if (problem.isPresent()) {
                message.setText(problem.get().getLocalizedMessage());
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

    /** "Set up Lateral" already names Lateral, so the title is that alone. */
    @Override
    public String getPageTitle() {
        return getTranslation("classroom.setup.title");
    }
}
