package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.Schools;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.lateral.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class TeacherClassesViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @Test
    @WithUserDetails("teacher")
    void demo_teacher_sees_the_demo_class_with_its_24_students() {
        navigate(TeacherClassesView.class);
        Div card = $(Div.class).withAttribute("data-testid", "class-card").single();
        assertThat(card.getElement().getTextRecursively())
                .contains("Demo class")
                .contains("24 students");
    }

    @Test
    @WithUserDetails(value = "teacher-without-classes", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_without_classes_sees_what_to_do_next() {
        navigate(TeacherClassesView.class);
        assertThat($(Div.class)
                        .withTestId("classes-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("no classes yet");
        assertThat($(Div.class).withAttribute("data-testid", "class-card").exists())
                .isFalse();
    }

    @BeforeEach
    void teacherWithoutClasses() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "teacher-without-classes",
                "New Teacher",
                Set.of(Role.TEACHER),
                "a long enough password");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_class_list() {
        navigate("classes", NotFoundView.class);
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() {
        navigate("classes", LoginView.class);
    }
}
