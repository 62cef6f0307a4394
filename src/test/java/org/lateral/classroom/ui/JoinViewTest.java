package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.security.Role;
import org.lateral.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

@LateralTest
class JoinViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    ClassDetail art;

    @BeforeEach
    void aClassToJoin() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "join-view-teacher",
                "Other Teacher",
                Set.of(Role.TEACHER),
                "a long enough password");
        try (var s = SignedIn.as(users, "join-view-teacher")) {
            art = classroom.createClass(
                    new NewClass("Art " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
        }
    }

    /**
     * A student whose browser asks for Spanish reads the join page in Spanish, the service's
     * refusals included: they travel as keys and are worded in the page's language (DD034).
     */
    @Test
    void a_spanish_page_asks_for_the_code_and_refuses_a_weak_password_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(JoinView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Únete a una clase");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Unirse a una clase · Lateral");
        assertThat($(TextField.class).withTestId("join-code-input").single().getLabel())
                .isEqualTo("Código de la clase que te dio tu docente");

        test($(TextField.class).withTestId("join-code-input").single()).setValue("WRONG-CODE");
        test($(Button.class).withTestId("join-continue").single()).click();
        assertThat($(Div.class).withTestId("join-message").single().getText())
                .isEqualTo("Ese código no funciona. Compruébalo con tu docente; tiene 10 letras y cifras.");

        test($(TextField.class).withTestId("join-code-input").single()).setValue(art.joinCode());
        test($(Button.class).withTestId("join-continue").single()).click();
        assertThat($(Paragraph.class).withTestId("join-class-preview").single().getText())
                .startsWith("Te vas a unir a " + art.name());
        test($(TextField.class).withTestId("join-name").single()).setValue("Garza");
        test($(TextField.class).withTestId("join-username").single())
                .setValue("garza-" + UUID.randomUUID().toString().substring(0, 6));
        test($(PasswordField.class).withTestId("join-password").single()).setValue("corta");
        test($(PasswordField.class).withTestId("join-password-again").single()).setValue("corta");
        test($(Button.class).withTestId("join-create").single()).click();
        assertThat($(Div.class).withTestId("join-message").single().getText())
                .isEqualTo("Usa al menos 8 caracteres. Una frase corta es fácil de recordar.")
                .doesNotContain("characters");
        assertThat(getCurrentView()).isInstanceOf(JoinView.class);
    }

    @Test
    void a_new_student_joins_with_the_code_and_is_sent_to_sign_in() {
        navigate(JoinView.class);
        test($(TextField.class).withTestId("join-code-input").single())
                .setValue(art.joinCode().toLowerCase());
        test($(Button.class).withTestId("join-continue").single()).click();
        assertThat($(Paragraph.class).withTestId("join-class-preview").single().getText())
                .contains(art.name())
                .contains("Other Teacher");
        String username = "wren-" + UUID.randomUUID().toString().substring(0, 6);
        test($(TextField.class).withTestId("join-name").single()).setValue("Wren");
        test($(TextField.class).withTestId("join-username").single()).setValue(username);
        test($(PasswordField.class).withTestId("join-password").single()).setValue("a quiet morning walk");
        test($(PasswordField.class).withTestId("join-password-again").single()).setValue("a quiet morning walk");
        test($(Button.class).withTestId("join-create").single()).click();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM enrollment e JOIN account a ON a.id = e.student_id WHERE a.username = :u AND e.class_id = :c")
                        .param("u", username)
                        .param("c", art.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_wrong_code_gets_a_plain_explanation() {
        navigate(JoinView.class);
        test($(TextField.class).withTestId("join-code-input").single()).setValue("not a code");
        test($(Button.class).withTestId("join-continue").single()).click();
        assertThat($(Div.class).withTestId("join-message").single().getText()).contains("does not work");
    }
}
