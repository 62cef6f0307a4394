package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The roster's "Student data…" dialog (DD023): both downloads are offered, and deleting waits for
 * the student's username to be typed, then says it is done and the student leaves the roster.
 */
@LateralTest
class StudentDataRosterTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    ClassDetail history;
    OneTimeCredential student;

    @BeforeEach
    void aClassWithOneStudent() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "student-data-teacher",
                "Teacher Data",
                Set.of(Role.TEACHER),
                "a long enough password");
        try (var s = SignedIn.as(users, "student-data-teacher")) {
            history = classroom.createClass(
                    new NewClass("History " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            student = classroom
                    .createStudents(
                            history.id(),
                            "Roster Pupil " + UUID.randomUUID().toString().substring(0, 4))
                    .getFirst();
        }
    }

    @Test
    @WithUserDetails(value = "student-data-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void deleting_a_students_data_needs_their_username_typed_and_then_they_leave_the_roster() {
        navigate(ClassView.class, history.id().toString());
        Grid<?> roster = $(Grid.class).withTestId("roster").single();
        assertThat(RosterRows.of(roster)).hasSize(1);
        test(RosterRows.of(roster, student.username()).get(Button.class, "student-data"))
                .click();
        assertThat($(Anchor.class).withTestId("student-export-json").single().getText())
                .isEqualTo("Download this student\u2019s data (JSON)");
        assertThat($(Anchor.class).withTestId("student-export-csv").single().getText())
                .isEqualTo("Download this student\u2019s data (CSV)");

        test($(Button.class).withTestId("student-delete").single()).click();
        Button confirm = $(Button.class).withTestId("student-delete-confirm").single();
        assertThat(confirm.isEnabled()).as("nothing typed yet").isFalse();
        test($(TextField.class).withTestId("student-delete-username").single()).setValue("someone.else");
        assertThat(confirm.isEnabled()).as("another name").isFalse();
        test($(TextField.class).withTestId("student-delete-username").single()).setValue(student.username());
        assertThat(confirm.isEnabled()).isTrue();
        test(confirm).click();

        assertThat($(Paragraph.class).withTestId("student-delete-done").single().getText())
                .contains(student.displayName())
                .contains("can no longer sign in");
        assertThat($(Div.class).withTestId("roster-empty").exists()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.loadUserByUsername(student.username()))
                .isInstanceOf(UsernameNotFoundException.class);
    }
}
