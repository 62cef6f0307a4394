package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.ui.NotFoundView;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class DashboardsViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("teacher")
    void a_teacher_sees_that_dashboards_fill_once_students_have_worked() {
        navigate(DashboardsView.class);
        assertThat($(Div.class)
                        .withTestId("dashboards-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Nothing to show yet");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_dashboards() {
        navigate("dashboards", NotFoundView.class);
    }
}
