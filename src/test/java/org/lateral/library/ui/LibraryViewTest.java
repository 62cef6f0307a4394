package org.lateral.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.ui.NotFoundView;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class LibraryViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("teacher")
    void a_teacher_sees_the_empty_library_explained() {
        navigate(LibraryView.class);
        assertThat($(Div.class).withTestId("library-empty").single().getElement().getTextRecursively())
                .contains("no articles yet");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_library() {
        navigate("library", NotFoundView.class);
    }
}
