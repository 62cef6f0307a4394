package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.security.ui.LoginView;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class PracticeViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("student1")
    void a_student_gets_the_practice_text_in_the_highlighter_with_the_headline_first() {
        navigate(PracticeView.class);
        ClaimHighlighter highlighter = $(ClaimHighlighter.class).single();
        assertThat(highlighter.getText())
                .isEqualTo(PracticeView.PRACTICE_TEXT)
                .startsWith("Town library to stay open on Sundays, council says\n\n");
        assertThat($(Span.class).withTestId("selection-status").single().getText())
                .isEqualTo("Nothing selected yet.");
    }

    /** The practice page in Spanish (DD034); the practice text itself is an English article. */
    @Test
    @WithUserDetails("student1")
    void a_spanish_page_shows_the_practice_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        PracticeView view = navigate(PracticeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Práctica: selecciona una afirmación");
        assertThat($(Span.class).withTestId("selection-status").single().getText())
                .isEqualTo("Todavía no has seleccionado nada.")
                .isNotEqualTo("Nothing selected yet.");
        assertThat(view.getPageTitle()).isEqualTo("Practicar la selección · Lateral");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() {
        navigate("practice", LoginView.class);
    }
}
