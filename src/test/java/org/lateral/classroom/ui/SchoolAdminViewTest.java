package org.lateral.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.SchoolAdminService;
import org.lateral.classroom.SchoolClass;
import org.lateral.security.Role;
import org.lateral.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The school admin's page, browserless, in a school of its own (DD026): the admin sees the
 * school's people, invites a teacher who then creates an account from the invitation page, renames,
 * moves and switches off a student, sets the retention; a teacher cannot open the page.
 */
@LateralTest
class SchoolAdminViewTest extends SpringBrowserlessTest {

    static final UUID SCHOOL = UUID.fromString("5c4001ad-0000-4000-8000-000000000026");
    static final String ADMIN = "school-admin-view-admin";
    static final String TEACHER = "school-admin-view-teacher";

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolAdminService schoolAdmin;

    @Autowired
    UserDetailsService users;

    Account student;

    @BeforeEach
    void aSchool() {
        administration.ensureSchool(SCHOOL, "Harbour View School");
        administration.ensureAccount(SCHOOL, ADMIN, "Harbour Admin", Set.of(Role.ADMIN), "a long enough password");
        Account teacher = administration.ensureAccount(
                SCHOOL, TEACHER, "Teacher Amadi", Set.of(Role.TEACHER), "a long enough password");
        SchoolClass science = administration.ensureClass(teacher, "Science 8A", null, null, ZoneId.of("UTC"));
        administration.ensureClass(teacher, "Science 8B", null, null, ZoneId.of("UTC"));
        // A fresh student each test, alone in Science 8A, so one test's changes never meet another's.
        jdbc.sql("UPDATE enrollment SET ended_at = now() WHERE school_id = :s AND ended_at IS NULL")
                .param("s", SCHOOL)
                .update();
        student = administration.ensureAccount(
                SCHOOL,
                "plover-" + UUID.randomUUID().toString().substring(0, 6),
                "Plover",
                Set.of(Role.STUDENT),
                "a long enough password");
        administration.ensureEnrolled(science, student);
    }

    private NativeTableRow row(String table, String username) {
        NativeTable t = $(NativeTable.class).withTestId(table).single();
        return $(NativeTableRow.class, t)
                .withAttribute("data-username", username)
                .single();
    }

    private void click(NativeTableRow row, String testId) {
        test($(Button.class, row).withAttribute("data-testid", testId).single()).click();
    }

    private String text(NativeTableRow row) {
        return row.getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_admin_sees_the_schools_teachers_and_students_with_their_classes() {
        navigate(SchoolAdminView.class);
        assertThat($(H2.class).withTestId("school-admin-name").single().getText())
                .isEqualTo("Harbour View School: school admin");
        assertThat(text(row("staff-table", TEACHER)))
                .contains("Teacher Amadi")
                .contains("Science 8A, Science 8B")
                .contains("On");
        assertThat(text(row("staff-table", ADMIN))).contains("This is you");
        assertThat(text(row("student-table", student.username())))
                .contains("Plover")
                .contains("Science 8A");
        test($(TextField.class).withTestId("student-search").single()).setValue(student.username());
        test($(Button.class).withTestId("student-search-button").single()).click();
        assertThat($(Paragraph.class).withTestId("student-count").single().getText())
                .isEqualTo("1 student matching \u201c" + student.username() + "\u201d.");
        test($(TextField.class).withTestId("student-search").single()).setValue("nobody-like-this");
        test($(Button.class).withTestId("student-search-button").single()).click();
        assertThat($(Paragraph.class).withTestId("student-count").single().getText())
                .contains("No student\u2019s name or username contains");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_invitation_made_here_is_shown_once_and_withdrawn_here() {
        navigate(SchoolAdminView.class);
        test($(Button.class).withTestId("invite-open").single()).click();
        test($(TextField.class).withTestId("invite-meant-for").single()).setValue("Invited Geography Teacher");
        test($(Checkbox.class).withTestId("invite-as-admin").single()).click();
        test($(Button.class).withTestId("invite-create").single()).click();
        String code = $(Span.class).withTestId("invite-issued-code").single().getText();
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
        test($(Button.class).withTestId("invite-issued-done").single()).click();

        NativeTable invites = $(NativeTable.class).withTestId("invites-table").single();
        NativeTableRow pending =
                $(NativeTableRow.class, invites).withAttribute("data-testid", "invite-row").all().stream()
                        .filter(r -> r.getElement().getTextRecursively().contains("Invited Geography Teacher"))
                        .findFirst()
                        .orElseThrow();
        assertThat(pending.getElement().getAttribute("data-state")).isEqualTo("PENDING");
        assertThat(text(pending)).contains("Teacher, admin").doesNotContain(code);
        click(pending, "invite-withdraw");
        assertThat($(Paragraph.class).withTestId("school-admin-status").single().getText())
                .contains("withdrawn");
        assertThat($(
                                NativeTableRow.class,
                                $(NativeTable.class).withTestId("invites-table").single())
                        .withAttribute("data-testid", "invite-row")
                        .all()
                        .stream()
                        .filter(r -> r.getElement().getTextRecursively().contains("Invited Geography Teacher"))
                        .map(r -> r.getElement().getAttribute("data-state"))
                        .toList())
                .contains("WITHDRAWN")
                .doesNotContain("PENDING");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_student_is_renamed_moved_and_switched_off_from_their_row() {
        navigate(SchoolAdminView.class);
        click(row("student-table", student.username()), "student-rename");
        test($(TextField.class).withTestId("rename-name").single()).setValue("Golden Plover");
        test($(Button.class).withTestId("rename-save").single()).click();
        assertThat(text(row("student-table", student.username()))).contains("Golden Plover");

        click(row("student-table", student.username()), "student-move");
        @SuppressWarnings("unchecked")
        Select<Object> to = $(Select.class).withTestId("move-to").single();
        Object science8b = to.getListDataView()
                .getItems()
                .filter(c -> c.toString().contains("Science 8B"))
                .findFirst()
                .orElseThrow();
        to.setValue(science8b);
        test($(Button.class).withTestId("move-save").single()).click();
        assertThat(text(row("student-table", student.username())))
                .contains("Science 8B")
                .doesNotContain("Science 8A");

        click(row("student-table", student.username()), "member-disable");
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(text(row("student-table", student.username()))).contains("Switched off");
        assertThat(jdbc.sql("SELECT enabled FROM account WHERE id = :id")
                        .param("id", student.id())
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_admin_who_teaches_no_class_downloads_and_deletes_a_students_data_from_their_row() {
        navigate(SchoolAdminView.class);
        click(row("student-table", student.username()), "student-data");
        assertThat($(Anchor.class).withTestId("student-export-json").single().getHref())
                .isNotBlank();
        test($(Button.class).withTestId("student-delete").single()).click();
        test($(TextField.class).withTestId("student-delete-username").single()).setValue(student.username());
        test($(Button.class).withTestId("student-delete-confirm").single()).click();
        assertThat($(Paragraph.class).withTestId("student-delete-done").single().getText())
                .contains("Everything Lateral stored about Plover is deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = :id")
                        .param("id", student.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat($(NativeTableRow.class)
                        .withAttribute("data-username", student.username())
                        .exists())
                .as("the list no longer shows the student")
                .isFalse();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_retention_refuses_too_few_days_in_words_and_saves_a_sensible_number() {
        navigate(SchoolAdminView.class);
        IntegerField days = $(IntegerField.class).withTestId("retention-days").single();
        days.setValue(29);
        test($(Button.class).withTestId("retention-save").single()).click();
        assertThat($(Paragraph.class)
                        .withTestId("school-admin-problem")
                        .single()
                        .getText())
                .contains("between 30 and 3650");
        days.setValue(90);
        test($(Button.class).withTestId("retention-save").single()).click();
        assertThat($(Paragraph.class).withTestId("retention-now").single().getText())
                .contains("deleted 90 days later")
                .contains("own setting");
        test($(Button.class).withTestId("retention-default").single()).click();
        assertThat($(Paragraph.class).withTestId("retention-now").single().getText())
                .contains("follows this Lateral");
    }

    /**
     * Two students of the same name are told apart by their usernames wherever the page names them:
     * the row that names each, and the dialogs opened from it. A name nobody shares stays alone.
     */
    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void two_students_of_the_same_name_are_named_with_their_usernames() {
        String name = "Dunlin " + UUID.randomUUID().toString().substring(0, 4);
        Account first = student(name);
        Account second = student(name);
        Account other = student(name + " Jr");
        navigate(SchoolAdminView.class);
        test($(TextField.class).withTestId("student-search").single()).setValue(name);
        test($(Button.class).withTestId("student-search-button").single()).click();

        assertThat(rowName(first)).isEqualTo(name + " (" + first.username() + ")");
        assertThat(rowName(second)).isEqualTo(name + " (" + second.username() + ")");
        assertThat(rowName(other)).isEqualTo(name + " Jr");

        click(row("student-table", second.username()), "student-rename");
        assertThat($(Dialog.class).single().getHeaderTitle())
                .isEqualTo("Rename " + name + " (" + second.username() + ")");
        $(Dialog.class).single().close();
        click(row("student-table", first.username()), "member-reset");
        assertThat($(ConfirmDialog.class).single().getElement().getProperty("header"))
                .isEqualTo("Reset " + name + " (" + first.username() + ")\u2019s password?");
    }

    private Account student(String name) {
        return administration.ensureAccount(
                SCHOOL,
                "dunlin-" + UUID.randomUUID().toString().substring(0, 6),
                name,
                Set.of(Role.STUDENT),
                "a long enough password");
    }

    private String rowName(Account account) {
        return $(NativeTableHeaderCell.class, row("student-table", account.username()))
                .single()
                .getText();
    }

    /**
     * The page in Spanish (the browser asked for es-ES): its own words, its title and the service's
     * refusal, which travels as a key and is worded in the page's language (DD034).
     */
    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_school_admin_page_and_its_refusals_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(SchoolAdminView.class);
        assertThat($(H2.class).withTestId("school-admin-name").single().getText())
                .isEqualTo("Harbour View School: administración del centro");
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle())
                .isEqualTo("Administración del centro · Lateral");
        assertThat(text(row("staff-table", TEACHER))).contains("Docente").contains("Activa");
        assertThat(text(row("staff-table", ADMIN))).contains("Eres tú").doesNotContain("This is you");

        $(IntegerField.class).withTestId("retention-days").single().setValue(29);
        test($(Button.class).withTestId("retention-save").single()).click();
        assertThat($(Paragraph.class)
                        .withTestId("school-admin-problem")
                        .single()
                        .getText())
                .isEqualTo(
                        "Elige entre 30 y 3650 días: el profesorado recibe un aviso al menos 30 días antes de un borrado.");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_cannot_open_the_admin_page() {
        navigate("admin/school", NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void an_invited_teacher_names_themselves_on_the_invitation_page_and_is_sent_to_sign_in() {
        String code = invitation();
        navigate("invite/" + code, InviteView.class);
        assertThat($(Paragraph.class).withTestId("invite-school").single().getText())
                .isEqualTo("You are invited to Harbour View School as a teacher.");
        String username = "amadi-b-" + UUID.randomUUID().toString().substring(0, 6);
        test($(TextField.class).withTestId("invite-name").single()).setValue("Teacher Bello");
        test($(TextField.class).withTestId("invite-username").single()).setValue(username);
        test($(PasswordField.class).withTestId("invite-password").single()).setValue("tides turn twice a day");
        test($(PasswordField.class).withTestId("invite-password-again").single())
                .setValue("tides turn twice a day");
        test($(Button.class).withTestId("invite-create").single()).click();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(jdbc.sql("SELECT school_id FROM account WHERE username = :u")
                        .param("u", username)
                        .query(UUID.class)
                        .single())
                .isEqualTo(SCHOOL);

        navigate("invite/" + code, InviteView.class);
        assertThat($(Div.class).withTestId("invite-message").single().getText())
                .as("the same link a second time")
                .contains("does not work");
    }

    private String invitation() {
        try (var s = SignedIn.as(users, ADMIN)) {
            return schoolAdmin.invite("Teacher Bello", false).code();
        }
    }
}
