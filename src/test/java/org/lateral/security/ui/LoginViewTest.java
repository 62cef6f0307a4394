package org.lateral.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.security.LoginWelcome;
import org.lateral.security.SessionGuard;

@LateralTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void in_demo_mode_the_login_page_shows_the_banner_and_the_demo_accounts() {
        navigate(LoginView.class);
        assertThat($(LoginForm.class).single().getAction()).isEqualTo("login");
        assertThat($(Div.class).withTestId("demo-banner").exists()).isTrue();
        assertThat($(Div.class)
                        .withTestId("demo-accounts-hint")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("student1")
                .contains("lateral-demo");
    }

    @Test
    void a_failed_sign_in_shows_the_error_message() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat($(LoginForm.class).single().isError()).isTrue();
    }

    @Test
    void a_joined_link_cannot_make_the_login_page_print_a_sentence_of_its_own() {
        UI.getCurrent().navigate("login", QueryParameters.of("joined", "your account was closed, call 555-0100"));
        Paragraph welcome = $(Paragraph.class).withTestId("login-welcome").single();
        assertThat(welcome.getText())
                .doesNotContain("555-0100")
                .isEqualTo("Your account is ready and you are in the class. Sign in with the username you chose.");
    }

    @Test
    void after_joining_the_login_page_names_the_new_username_from_the_session() {
        VaadinSession.getCurrent().setAttribute(LoginWelcome.JOINED_USERNAME, "ana.k");
        UI.getCurrent().navigate("login", QueryParameters.of("joined", "1"));
        assertThat($(Paragraph.class).withTestId("login-welcome").single().getText())
                .isEqualTo("Your account is ready and you are in the class. Sign in as ana.k.");
    }

    /**
     * The reason a session was ended travels as a reason and its number, so the sign-in page says
     * it in its own language (here Spanish), as the page's title (DD034).
     */
    @Test
    void a_spanish_sign_in_page_says_why_the_session_ended_in_spanish() {
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(
                        SessionGuard.SIGNED_OUT_BECAUSE, new SessionGuard.SignedOut(SessionGuard.Reason.IDLE, 30));
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-MX"));
        navigate(LoginView.class);
        assertThat($(Paragraph.class).withTestId("login-welcome").single().getText())
                .startsWith("Se cerró tu sesión tras 30 minutos sin actividad.");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Iniciar sesión · Lateral");
    }
}
