package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
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

/**
 * The class page's assignment part in Spanish (DD034): texts, dates, a refusal and the date
 * pickers follow the page's language; and two students of the same name are told apart where one
 * is chosen for a later due date.
 */
@LateralTest
class AssignmentPagesInSpanishTest extends SpringBrowserlessTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    AssignmentService assignments;

    @Autowired
    UserDetailsService users;

    @Autowired
    Fixtures fixtures;

    ClassDetail history;
    AssignmentSummary frisky;
    List<OneTimeCredential> twins;
    UUID ana;

    @BeforeEach
    void aClassWithAnAssignmentAndTwoStudentsOfTheSameName() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "spanish-class-teacher",
                "Profesora de Historia",
                Set.of(Role.TEACHER),
                "a long enough password");
        try (var s = SignedIn.as(users, "spanish-class-teacher")) {
            history = classroom.createClass(
                    new NewClass("Historia " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            twins = classroom.createStudents(history.id(), "Ana López\nAna López");
            frisky = fixtures.frisky(history.id(), 7, true);
            ana = classroom
                    .classDetail(history.id())
                    .orElseThrow()
                    .roster()
                    .getFirst()
                    .studentId();
        }
    }

    @Test
    @WithUserDetails(value = "spanish-class-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_class_page_in_spanish_shows_its_assignments_in_spanish_and_no_english() {
        UI.getCurrent().setLocale(SPANISH);
        navigate(ClassView.class, history.id().toString());

        String page = $(Div.class)
                .withTestId("class-assignments")
                .single()
                .getElement()
                .getTextRecursively();
        assertThat(page)
                .contains("Se abre:")
                .contains("Entrega:")
                .contains("al final del día")
                .contains("Comentarios: justo después de entregar")
                .contains("Fecha de entrega posterior para un alumno")
                .doesNotContain("Due ")
                .doesNotContain("end of day")
                .doesNotContain("submitted");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo(history.name() + " · Lateral");
        assertThat($(Button.class).withTestId("assign-article").single().getText())
                .isEqualTo("Asignar un artículo");
    }

    @Test
    @WithUserDetails(value = "spanish-class-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_refusal_of_the_service_reads_in_the_page_language_and_in_english_for_the_log() {
        UI.getCurrent().setLocale(SPANISH);

        assertThatThrownBy(() -> assignments.setDueDateFor(
                        frisky.id(), ana, LocalDate.now().minusDays(3), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.getLocalizedMessage()).isEqualTo("La fecha de entrega ya pasó.");
                    assertThat(e.getMessage()).isEqualTo("The due date is in the past.");
                });
    }

    @Test
    @WithUserDetails(value = "spanish-class-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_assign_dialog_date_pickers_have_spanish_months_and_the_day_before_the_month() {
        UI.getCurrent().setLocale(SPANISH);
        navigate(ClassView.class, history.id().toString());
        test($(Button.class).withTestId("assign-article").single()).click();

        DatePicker due = $(DatePicker.class).withTestId("assign-due").single();
        assertThat(due.getLabel()).startsWith("Fecha de entrega (al final del día");
        DatePicker.DatePickerI18n i18n = due.getI18n();
        assertThat(i18n.getMonthNames()).startsWith("enero", "febrero").doesNotContain("January");
        assertThat(i18n.getWeekdays()).startsWith("domingo", "lunes");
        assertThat(i18n.getFirstDayOfWeek())
                .as("a week in Spain starts on Monday")
                .isEqualTo(1);
        assertThat(i18n.getDateFormats().getFirst())
                .as("day, then month, then a four-digit year")
                .isEqualTo("d/M/yyyy");
        assertThat(i18n.getToday()).isEqualTo("Hoy");
        assertThat(i18n.getCancel()).isEqualTo("Cancelar");
    }

    @Test
    @WithUserDetails(value = "spanish-class-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void two_students_of_the_same_name_are_told_apart_by_username_in_the_later_due_date_picker() {
        navigate(ClassView.class, history.id().toString());
        test($(Button.class).withText("Later due date for a student").single()).click();

        @SuppressWarnings("unchecked")
        Select<org.lateral.classroom.RosterEntry> student =
                $(Select.class).withTestId("override-student").single();
        List<String> labels = student.getListDataView()
                .getItems()
                .map(r -> student.getItemLabelGenerator().apply(r))
                .toList();
        assertThat(labels)
                .containsExactlyInAnyOrder(
                        "Ana López (" + twins.get(0).username() + ")",
                        "Ana López (" + twins.get(1).username() + ")");
    }

    @Test
    @WithUserDetails("student1")
    void a_student_home_in_spanish_shows_the_status_and_due_date_in_spanish() {
        navigate(MyAssignmentsView.class);
        // The student's home is already shown (the start page forwards there), so it is made again
        // in the new language, as a reload of the page does.
        UI.getCurrent().setLocale(SPANISH);
        UI.getCurrent().refreshCurrentRoute(true);

        assertThat($(Span.class)
                        .withAttribute("data-testid", "assignment-status")
                        .first()
                        .getText())
                .isEqualTo("Pendiente");
        String row = $(Div.class)
                .withAttribute("data-testid", "my-assignment")
                .first()
                .getElement()
                .getTextRecursively();
        assertThat(row).contains("Entrega:").contains("al final del día").doesNotContain("end of day");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Mis tareas · Lateral");
    }
}
