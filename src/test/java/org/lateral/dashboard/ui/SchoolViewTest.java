package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.security.Role;
import org.lateral.submission.GradingActions;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The school view, browserless, in the default school (whose library has the seed pack): a class
 * of two where one student submits and the teacher sets the score to 40. Other tests add classes
 * to the same school, so the checks find this class's row by its id.
 */
@LateralTest
class SchoolViewTest extends SpringBrowserlessTest {

    static final String ADMIN = "school-view-admin";
    static final String TEACHER = "school-view-teacher";

    @Autowired
    org.lateral.Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    GradingActions actions;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    UserDetailsService users;

    ClassDetail media;

    @BeforeEach
    void aClassOfTwoWithOneScoredSubmission() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, ADMIN, "Ms Admin", Set.of(Role.ADMIN), "a long enough password");
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Mr Rows", Set.of(Role.TEACHER), "a long enough password");
        List<OneTimeCredential> students;
        AssignmentSummary lesson;
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(
                    new NewClass("School view " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBen");
            lesson = fixtures.frisky(media.id(), 3, false);
        }
        UUID attempt;
        try (var s = SignedIn.as(users, students.getFirst().username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            attempt = session.attemptId();
            String said = "a source told The Daily Mail";
            int at = session.text().indexOf(said);
            submissions.saveMark(
                    attempt,
                    new MarkState(UUID.randomUUID(), 1, at, at + said.length(), said, "", "", "attributed", false));
            submissions.submit(attempt);
        }
        try (var s = SignedIn.as(users, TEACHER)) {
            actions.override(attempt, 40.0, "Set for the school view test.");
        }
    }

    private NativeTableRow classRow() {
        NativeTable table = $(NativeTable.class).withTestId("school-classes").single();
        return $(NativeTableRow.class, table).withAttribute("data-testid", "school-class-row").all().stream()
                .filter(r -> media.id().toString().equals(r.getElement().getAttribute("data-class-id")))
                .findFirst()
                .orElseThrow();
    }

    private String cell(NativeTableRow row, String testId) {
        return $(NativeTableCell.class, row)
                .withAttribute("data-testid", testId)
                .single()
                .getElement()
                .getTextRecursively();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_admin_sees_each_class_with_teacher_completion_and_scores_and_no_student_name() {
        navigate(SchoolView.class);
        assertThat($(H2.class).withTestId("school-view-name").single().getText())
                .endsWith(": school view");
        NativeTableRow row = classRow();
        assertThat(row.getElement().getTextRecursively()).contains(media.name()).contains("Mr Rows");
        assertThat(cell(row, "school-class-students")).isEqualTo("2");
        assertThat(cell(row, "school-class-assignments")).isEqualTo("1");
        assertThat(cell(row, "school-class-completion")).isEqualTo("1 of 2 (50%)");
        assertThat(cell(row, "school-class-score-mark-claims")).isEqualTo("40 (1)");
        assertThat(cell(row, "school-class-gain-mark-claims")).isEqualTo("\u2013");
        assertThat(cell(row, "school-class-score-identify-sources")).isEqualTo("\u2013");
        NativeTable exercises =
                $(NativeTable.class).withTestId("school-exercises").single();
        assertThat($(NativeTableRow.class, exercises)
                        .withAttribute("data-testid", "school-exercise-row")
                        .all())
                .extracting(r -> r.getElement().getAttribute("data-exercise"))
                .containsExactly("mark-claims", "identify-sources", "compare-outlets");
        assertThat($(NativeTableHeaderCell.class).all())
                .allSatisfy(
                        th -> assertThat(th.getElement().getAttribute("scope")).isIn("col", "row"));
        assertThat(getCurrentView().getElement().getTextRecursively())
                .as("no student is named")
                .doesNotContain("Ada")
                .doesNotContain("Ben");
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_admin_who_does_not_teach_finds_the_school_card_on_the_dashboards_and_no_class_cards() {
        navigate(DashboardsView.class);
        Div card = $(Div.class).withTestId("dashboard-school-card").single();
        Anchor link = $(Anchor.class, card).withTestId("dashboard-school-link").single();
        assertThat(link.getHref()).isEqualTo("dashboards/school");
        assertThat($(Div.class)
                        .withAttribute("data-testid", "dashboard-class-card")
                        .exists())
                .isFalse();
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_root_page_sends_an_admin_who_does_not_teach_to_the_school_view() {
        navigate("", SchoolView.class);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_cannot_open_the_school_view_or_see_its_card() {
        navigate("dashboards/school", NotFoundView.class);
        navigate(DashboardsView.class);
        assertThat($(Div.class).withTestId("dashboard-school-card").exists()).isFalse();
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_school_view() {
        navigate("dashboards/school", NotFoundView.class);
    }

    @Test
    @WithUserDetails(value = ADMIN, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_school_view_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(SchoolView.class);
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Vista del centro · Lateral");
        assertThat($(H2.class).withTestId("school-view-name").single().getText())
                .endsWith(": vista del centro");
        // 50 %, as Spanish writes a percentage: a (non-breaking) space before the sign.
        assertThat(cell(classRow(), "school-class-completion")).isEqualTo("1 de 2 (50\u00a0%)");
        assertThat($(NativeTableHeaderCell.class).all())
                .extracting(NativeTableHeaderCell::getText)
                .contains("Afirmaciones: puntuación media", "Marca las afirmaciones")
                .doesNotContain("Claims: average score", "Mark the claims");
    }
}
