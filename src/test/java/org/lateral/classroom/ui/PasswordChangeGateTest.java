package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@LateralTest
class PasswordChangeGateTest extends SpringBrowserlessTest {

    static OneTimeCredential credential;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void aStudentWithAOneTimePassword() {
        if (credential != null) {
            return;
        }
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "gate-teacher",
                "Gate Teacher",
                Set.of(Role.TEACHER),
                "a long enough password");
        try (var s = SignedIn.as(users, "gate-teacher")) {
            ClassDetail c = classroom.createClass(new NewClass("Gate class", "", "", "UTC"));
            credential = classroom.createStudents(c.id(), "Pip Gate").getFirst();
        }
    }

    @Test
    @WithUserDetails(value = "pip.gate", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_student_with_a_one_time_password_is_sent_to_choose_their_own_and_then_lands_home() {
        navigate("my", ChangePasswordView.class);
        test($(PasswordField.class).withTestId("password-current").single()).setValue(credential.password());
        test($(PasswordField.class).withTestId("password-new").single()).setValue("password1");
        test($(PasswordField.class).withTestId("password-again").single()).setValue("password1");
        test($(Button.class).withTestId("password-save").single()).click();
        assertThat($(Div.class).withTestId("password-message").single().getText())
                .contains("easy to guess");

        test($(PasswordField.class).withTestId("password-new").single()).setValue("pip likes long walks");
        test($(PasswordField.class).withTestId("password-again").single()).setValue("pip likes long walks");
        test($(Button.class).withTestId("password-save").single()).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyAssignmentsView");
    }
}
