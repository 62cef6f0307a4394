package org.lateral.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class ErrorPagesTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("student1")
    void a_failure_shows_a_plain_message_with_a_reference_and_no_technical_details() {
        navigate("test-only/explode", InternalErrorView.class);
        String text = getCurrentView().getElement().getTextRecursively();
        assertThat(text)
                .contains("Something went wrong")
                .contains("Your saved work is safe")
                .contains("reference");
        assertThat(text).doesNotContain(ExplodingTestView.SECRET).doesNotContain("IllegalStateException");
    }

    @Test
    @WithUserDetails("student1")
    void an_unknown_page_says_it_was_not_found() {
        navigate("no-such-page", NotFoundView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Page not found");
    }
}
