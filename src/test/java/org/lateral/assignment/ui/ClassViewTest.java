package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinCodes;
import org.lateral.classroom.NewClass;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class ClassViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    ClassDetail history;

    @BeforeEach
    void aTeacherWithAnEmptyClass() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "class-view-teacher",
                "Ms Rivera",
                Set.of(Role.TEACHER),
                "a long enough password");
        try (var s = SignedIn.as(users, "class-view-teacher")) {
            history = classroom.createClass(
                    new NewClass("History " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
        }
    }

    @Test
    @WithUserDetails(value = "class-view-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_class_page_shows_the_join_code_large_and_an_empty_roster_with_what_to_do() {
        navigate(ClassView.class, history.id().toString());
        assertThat($(Span.class).withTestId("join-code").single().getText())
                .isEqualTo(JoinCodes.display(history.joinCode()));
        assertThat($(Div.class).withTestId("roster-empty").single().getElement().getTextRecursively())
                .contains("No students yet");
        assertThat($(Div.class).withTestId("assignments-empty").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = "class-view-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void adding_students_from_pasted_names_shows_their_one_time_sign_in_details_once() {
        navigate(ClassView.class, history.id().toString());
        test($(Button.class).withTestId("add-students").single()).click();
        test($(TextArea.class).withTestId("add-students-names").single()).setValue("Ana López\nBen Ode");
        test($(Button.class).withTestId("add-students-create").single()).click();
        assertThat($(Div.class).withAttribute("data-testid", "credential").all())
                .hasSize(2)
                .first()
                .satisfies(d -> assertThat(d.getElement().getTextRecursively())
                        .contains("Ana López")
                        .contains("Username: ana.lopez")
                        .contains("One-time password: "));
        assertThat($(Div.class).withAttribute("data-testid", "roster-row").all())
                .hasSize(2);
    }

    @Test
    @WithUserDetails("teacher")
    void another_teachers_class_page_is_not_found() {
        navigate("class/" + history.id(), NotFoundView.class);
    }
}
