package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.Schools;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class MyAssignmentsViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @BeforeEach
    void studentWithoutClass() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "student-without-class",
                "Loner",
                Set.of(Role.STUDENT),
                "a long enough password");
    }

    @Test
    @WithUserDetails("student1")
    void a_demo_student_sees_the_open_frisky_assignment_to_do_and_their_class() {
        navigate(MyAssignmentsView.class);
        Div row = $(Div.class).withAttribute("data-testid", "my-assignment").first();
        assertThat(row.getElement().getTextRecursively())
                .contains("The Head Of ISIS’ European Operations Reportedly Defects")
                .contains("Demo class")
                .contains("end of day");
        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-status")
                        .first()
                        .getText())
                .isEqualTo("To do");
        assertThat($(Div.class).withAttribute("data-testid", "my-assignment").all())
                .as("only the assignments open now are listed: the Frisky one, the two-step lesson and the "
                        + "comparison, by due date")
                .extracting(d -> d.getElement().getTextRecursively())
                .satisfiesExactly(
                        frisky -> assertThat(frisky).contains("Reportedly Defects"),
                        lesson -> assertThat(lesson).contains("Who says so? A former ISIS spy, in two steps"),
                        compare -> assertThat(compare).contains("Compare the outlets: ISIS defectors, five ways"));
        assertThat($(Span.class)
                        .withAttribute("data-testid", "my-assignment-steps")
                        .all())
                .as("a lesson names its steps, unless it is marking the claims alone")
                .extracting(Span::getText)
                .containsExactly("Mark the claims \u2192 Who says so?", "Compare the outlets");
        assertThat($(UnorderedList.class)
                        .withTestId("student-class-list")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Demo class")
                .contains("Demo Teacher");
    }

    @Test
    @WithUserDetails(value = "student-without-class", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_student_in_no_class_has_nothing_to_do_and_is_told_how_to_join() {
        navigate(MyAssignmentsView.class);
        assertThat($(Div.class).withTestId("assignments-empty").exists()).isTrue();
        assertThat($(Div.class)
                        .withTestId("student-classes-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("join code");
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_cannot_open_the_student_home() {
        navigate("my", NotFoundView.class);
    }
}
