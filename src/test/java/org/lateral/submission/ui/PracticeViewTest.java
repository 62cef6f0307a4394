package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
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

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() {
        navigate("practice", LoginView.class);
    }
}
