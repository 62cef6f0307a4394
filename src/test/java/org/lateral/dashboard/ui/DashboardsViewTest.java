package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
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
 * The dashboards' class cards and one class's overview, browserless. The class: Ada and Ben
 * submit the one assignment and the teacher sets their scores to 40 and 60; Cy never opens it.
 */
@LateralTest
class DashboardsViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "dashboards-teacher";
    static final String NEW_TEACHER = "dashboards-new-teacher";

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
    ClassDetail empty;
    AssignmentSummary lesson;

    @BeforeEach
    void aClassWithTwoScoredStudentsAndAClassWithoutAssignments() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Board", Set.of(Role.TEACHER), "a long enough password");
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, NEW_TEACHER, "Mr New", Set.of(Role.TEACHER), "a long enough password");
        List<OneTimeCredential> students;
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(new NewClass("Media " + suffix, "", "", "UTC"));
            empty = classroom.createClass(new NewClass("Quiet " + suffix, "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBen\nCy");
            lesson = fixtures.frisky(media.id(), 3, false);
        }
        double score = 40;
        for (OneTimeCredential student : students.subList(0, 2)) {
            UUID attempt;
            try (var s = SignedIn.as(users, student.username())) {
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
                actions.override(attempt, score, "Set for the dashboard test.");
            }
            score += 20;
        }
    }

    private Div card(ClassDetail c) {
        return $(Div.class).withAttribute("data-testid", "dashboard-class-card").all().stream()
                .filter(d -> c.id().toString().equals(d.getElement().getAttribute("data-class-id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void each_class_has_a_card_with_its_students_assignments_and_completion_opening_its_overview() {
        navigate(DashboardsView.class);
        Div media = card(this.media);
        // 2 of 3 lessons submitted: 66 %, rounded down.
        assertThat($(Span.class, media)
                        .withTestId("dashboard-class-completion")
                        .single()
                        .getText())
                .isEqualTo("66% submitted");
        assertThat(media.getElement().getTextRecursively())
                .contains("3 students")
                .contains("1 assignment")
                .contains("2 of 3 lessons submitted");
        Anchor link = $(Anchor.class, media).withTestId("dashboard-class-link").single();
        assertThat(link.getHref()).isEqualTo("dashboards/class/" + this.media.id());

        Div quiet = card(empty);
        assertThat(quiet.getElement().getTextRecursively())
                .contains("No work yet")
                .contains("0 assignments");
    }

    @Test
    @WithUserDetails(value = NEW_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_without_a_class_is_told_how_to_start() {
        navigate(DashboardsView.class);
        assertThat($(Div.class)
                        .withTestId("dashboards-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("You have no class yet");
        assertThat($(Div.class)
                        .withAttribute("data-testid", "dashboard-class-card")
                        .exists())
                .isFalse();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_overview_table_shows_the_hand_computed_numbers_and_links_to_the_results() {
        navigate("dashboards/class/" + media.id(), ClassOverviewView.class);
        NativeTable table = $(NativeTable.class).withTestId("class-overview").single();
        assertThat($(NativeTableHeaderCell.class, table).all())
                .allSatisfy(
                        th -> assertThat(th.getElement().getAttribute("scope")).isIn("col", "row"));
        NativeTableRow row = $(NativeTableRow.class, table)
                .withAttribute("data-testid", "overview-row")
                .single();
        assertThat(row.getElement().getAttribute("data-assignment-id"))
                .isEqualTo(lesson.id().toString());
        String text = row.getElement().getTextRecursively();
        // Scores 40 and 60: median 50, each its own quartile.
        assertThat($(Span.class, row)
                        .withTestId("overview-median-mark-claims")
                        .single()
                        .getText())
                .isEqualTo("median 50");
        assertThat($(Span.class, row)
                        .withTestId("overview-spread-mark-claims")
                        .single()
                        .getText())
                .contains("lowest 40")
                .contains("middle half 40\u201360")
                .contains("highest 60")
                .contains("2 scored");
        Div drawing =
                $(Div.class, row).withTestId("overview-boxplot-mark-claims").single();
        assertThat(drawing.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(drawing.getElement().getAttribute("aria-label"))
                .isEqualTo("Claims scores of 2 students: lowest 40, middle half from 40 to 60, median 50, "
                        + "highest 60 (out of 100).");
        assertThat(drawing.getElement().getProperty("innerHTML"))
                .startsWith("<svg")
                .contains("class=\"median\"");
        assertThat(row.getElement()
                        .getChildren()
                        .filter(c -> "overview-count-submitted".equals(c.getAttribute("data-testid")))
                        .findFirst()
                        .orElseThrow()
                        .getTextRecursively())
                .isEqualTo("2");
        assertThat(row.getElement()
                        .getChildren()
                        .filter(c -> "overview-count-not_started".equals(c.getAttribute("data-testid")))
                        .findFirst()
                        .orElseThrow()
                        .getTextRecursively())
                .isEqualTo("1");
        assertThat(text).contains("Nothing to compare with yet");
        assertThat($(Span.class, row).withTestId("overview-flag").exists())
                .as("one assignment has nothing to be lower than")
                .isFalse();
        Anchor results =
                $(Anchor.class, row).withTestId("overview-results-link").single();
        assertThat(results.getHref()).isEqualTo("results/" + lesson.id());
        assertThat($(Anchor.class, row)
                        .withTestId("overview-dashboard-link")
                        .single()
                        .getHref())
                .isEqualTo("dashboards/assignment/" + lesson.id());
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_class_without_assignments_says_so() {
        navigate("dashboards/class/" + empty.id(), ClassOverviewView.class);
        assertThat($(Div.class)
                        .withTestId("class-overview-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("no assignment yet");
        assertThat($(NativeTable.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = NEW_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void another_teacher_cannot_open_the_class_overview() {
        navigate("dashboards/class/" + media.id(), NotFoundView.class);
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_the_dashboards() {
        navigate("dashboards", NotFoundView.class);
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_a_class_overview() {
        navigate("dashboards/class/" + media.id(), NotFoundView.class);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_cards_and_the_overview_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(DashboardsView.class);
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Paneles · Lateral");
        Div media = card(this.media);
        // 66 %, as Spanish writes a percentage: a (non-breaking) space before the sign.
        assertThat($(Span.class, media)
                        .withTestId("dashboard-class-completion")
                        .single()
                        .getText())
                .isEqualTo("66\u00a0% entregado");
        assertThat(media.getElement().getTextRecursively())
                .contains("3 estudiantes")
                .contains("1 tarea")
                .contains("2 de 3 lecciones entregadas")
                .doesNotContain("students");

        navigate("dashboards/class/" + this.media.id(), ClassOverviewView.class);
        NativeTableRow row = $(
                        NativeTableRow.class,
                        $(NativeTable.class).withTestId("class-overview").single())
                .withAttribute("data-testid", "overview-row")
                .single();
        assertThat($(Span.class, row)
                        .withTestId("overview-median-mark-claims")
                        .single()
                        .getText())
                .isEqualTo("mediana 50");
        assertThat($(Div.class, row)
                        .withTestId("overview-boxplot-mark-claims")
                        .single()
                        .getElement()
                        .getAttribute("aria-label"))
                .isEqualTo("Puntuaciones de Afirmaciones de 2 estudiantes: mínima 40, mitad central de 40 a 60, "
                        + "mediana 50, máxima 60 (sobre 100).");
        assertThat(row.getElement().getTextRecursively())
                .contains("Aún no hay con qué comparar")
                .doesNotContain("Nothing to compare");
    }
}
