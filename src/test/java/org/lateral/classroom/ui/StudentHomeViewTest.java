package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.base.Schools;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class StudentHomeViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @BeforeEach
    void studentWithoutClass() {
        administration.ensureAccount(Schools.DEFAULT_SCHOOL_ID, "student-without-class", "Loner",
                Set.of(Role.STUDENT), "a long enough password");
    }

    @Test
    @WithUserDetails("student1")
    void a_demo_student_sees_their_class_and_that_nothing_is_assigned_yet() {
        navigate(StudentHomeView.class);
        assertThat($(UnorderedList.class).withTestId("student-class-list").single().getElement().getTextRecursively())
                .contains("Demo class").contains("Demo Teacher");
        assertThat($(Div.class).withTestId("assignments-empty").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = "student-without-class", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_student_in_no_class_is_told_to_ask_for_a_join_code() {
        navigate(StudentHomeView.class);
        assertThat($(Div.class).withTestId("student-classes-empty").single().getElement().getTextRecursively())
                .contains("join code");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_cannot_open_the_student_home() {
        navigate("my", org.lateral.base.ui.NotFoundView.class);
    }
}
