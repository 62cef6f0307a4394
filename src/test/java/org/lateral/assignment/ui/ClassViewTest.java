package org.lateral.assignment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.classroom.Account;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.JoinCodes;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.SchoolClass;
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

    Account teacher;
    ClassDetail history;

    @BeforeEach
    void aTeacherWithAnEmptyClass() {
        teacher = administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID,
                "class-view-teacher",
                "History Teacher",
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
    void a_class_without_subject_or_school_year_names_only_its_time_zone() {
        navigate(ClassView.class, history.id().toString());
        assertThat($(Paragraph.class).withTestId("class-meta").single().getText())
                .isEqualTo("Time zone UTC (due dates end at midnight there)");
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
        List<String> usernames = $(Div.class).withAttribute("data-testid", "credential").all().stream()
                .map(d -> d.getElement().getTextRecursively().replaceAll("(?s).*Username: (\\S+?)One-time.*", "$1"))
                .toList();
        assertThat(RosterRows.of(roster()))
                .extracting(r -> r.row().getElement().getAttribute("data-testid"), RosterRows.Row::text)
                .containsExactly(
                        tuple("roster-row", "Ana López" + usernames.get(0) + NEW_STUDENTS_PILL_AND_BUTTONS),
                        tuple("roster-row", "Ben Ode" + usernames.get(1) + NEW_STUDENTS_PILL_AND_BUTTONS));
    }

    /** A new student's pill and buttons, as their row reads one after the other. */
    private static final String NEW_STUDENTS_PILL_AND_BUTTONS = "Has a one-time password" + "Rename" + "Reset password"
            + "Switch off account" + "Remove" + "Student data\u2026";

    @Test
    @WithUserDetails(value = "class-view-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void switching_a_students_account_off_from_their_row_asks_first_and_redraws_the_row() {
        OneTimeCredential ana;
        try (var s = SignedIn.as(users, "class-view-teacher")) {
            ana = classroom.createStudents(history.id(), "Ana López").getFirst();
        }
        navigate(ClassView.class, history.id().toString());
        test(RosterRows.of(roster(), ana.username()).get(Button.class, "roster-disable"))
                .click();
        var confirm = test($(ConfirmDialog.class).single());
        assertThat(confirm.getHeader()).isEqualTo("Switch off Ana López\u2019s account?");
        assertThat(RosterRows.of(roster(), ana.username()).find(Span.class, "roster-disabled"))
                .as("nothing changes before the teacher confirms")
                .isEmpty();
        confirm.confirm();

        RosterRows.Row row = RosterRows.of(roster(), ana.username());
        assertThat(row.get(Span.class, "roster-disabled").getText()).isEqualTo("Account switched off");
        test(row.get(Button.class, "roster-enable")).click();
        assertThat(RosterRows.of(roster(), ana.username()).find(Button.class, "roster-disable"))
                .isPresent();
    }

    /**
     * Issue 18: a class larger than a page scrolls inside the grid, and the server keeps the
     * components of the rows the browser asked for, never the whole class's.
     */
    @Test
    @WithUserDetails(value = "class-view-teacher", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_class_of_more_than_fifty_keeps_only_the_rows_in_view_as_components() {
        int size = 120;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SchoolClass large = administration.ensureClass(teacher, "Year group " + tag, null, null, ZoneId.of("UTC"));
        for (int i = 1; i <= size; i++) {
            administration.ensureEnrolled(
                    large,
                    administration.ensureDemoAccount(
                            Schools.DEFAULT_SCHOOL_ID,
                            "year-" + tag + "-" + i,
                            "Pupil %03d %s".formatted(i, tag),
                            Set.of(Role.STUDENT)));
        }
        navigate(ClassView.class, large.id().toString());
        UI ui = UI.getCurrent();
        assertThat(usernames(RosterRows.inStateTree(ui, "roster-row")))
                .as("rows kept before the browser asks for any")
                .hasSizeLessThanOrEqualTo(50);
        Grid<?> grid = roster();
        assertThat(new GridTester<>(grid).size()).isEqualTo(size);
        assertThat(grid.isAllRowsVisible())
                .as("a class this large scrolls inside the grid")
                .isFalse();

        // What the browser's grid asks for once it is drawn: the first page of rows.
        grid.getDataCommunicator().setViewportRange(0, 50);
        roundTrip();
        assertThat(usernames(RosterRows.inStateTree(ui, "roster-row")))
                .containsExactlyInAnyOrderElementsOf(pupils(tag, 1, 50));
        assertThat(RosterRows.inStateTree(ui, "roster-disable")).hasSize(50);

        // Scrolled to the end: the last rows are drawn, and the first ones are let go once the
        // browser confirms the update that dropped them. The browser confirms every update it
        // applies; here there were a handful, numbered from 0.
        grid.getDataCommunicator().setViewportRange(size - 20, 20);
        roundTrip();
        for (int update = 0; update < 10; update++) {
            grid.getDataCommunicator().confirmUpdate(update);
        }
        assertThat(usernames(RosterRows.inStateTree(ui, "roster-row")))
                .containsExactlyInAnyOrderElementsOf(pupils(tag, size - 19, size));
    }

    private static List<String> usernames(List<Element> rows) {
        return rows.stream().map(e -> e.getAttribute("data-username")).toList();
    }

    private static List<String> pupils(String tag, int first, int last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(i -> "year-" + tag + "-" + i)
                .toList();
    }

    private Grid<?> roster() {
        return $(Grid.class).withTestId("roster").single();
    }
}
