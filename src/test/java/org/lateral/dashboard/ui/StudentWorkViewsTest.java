package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.LocalDate;
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
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.base.Schools;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.AccountService;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.GradingActions;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The student drill-down and the student's own progress page, browserless. The class: Pupil One
 * marks the Frisky headline as hedged in the first assignment (key claim c01, filed as attributed:
 * found, type right), then the headline and the Daily Mail sentence (c05, attributed) in the
 * second (both right); the teacher sets her scores to 60 and 80. Pupil Two submits the first with
 * the headline marked factual. The Frisky key has 7 claims filed as attributed. Neither lesson
 * allows revision and feedback comes on submission, so both count on Pupil One's progress page.
 */
@LateralTest
class StudentWorkViewsTest extends SpringBrowserlessTest {

    static final String TEACHER = "drilldown-view-teacher";
    static final String OTHER_TEACHER = "drilldown-view-other";
    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";
    static final String DAILY_MAIL = "a source told The Daily Mail the head of ISIS operations in Europe defected";

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
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    ClassDetail media;
    AssignmentSummary first;
    AssignmentSummary second;
    OneTimeCredential one;
    OneTimeCredential two;
    OneTimeCredential idle;
    UUID oneId;
    UUID oneFirstAttempt;

    @BeforeEach
    void twoPupilsWithScoredWork() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Drill", Set.of(Role.TEACHER), "a long enough password");
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, OTHER_TEACHER, "Mr Other", Set.of(Role.TEACHER), "a long enough password");
        List<OneTimeCredential> students;
        try (var s = SignedIn.as(users, TEACHER)) {
            media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Pupil One\nPupil Two\nPupil Idle");
            UUID frisky = library.articles("frisky").getFirst().articleId();
            first = assign(frisky, 3);
            second = assign(frisky, 4);
            media = classroom.classDetail(media.id()).orElseThrow();
        }
        one = students.get(0);
        two = students.get(1);
        idle = students.get(2);
        oneId = media.roster().stream()
                .filter(r -> r.username().equals(one.username()))
                .map(RosterEntry::studentId)
                .findFirst()
                .orElseThrow();
        oneFirstAttempt = submitted(one, first, HEADLINE, "hedged");
        override(oneFirstAttempt, 60, "Good start on the headline.");
        override(submitted(one, second, HEADLINE, "hedged", DAILY_MAIL, "attributed"), 80, "Both found.");
        submitted(two, first, HEADLINE, "factual");
    }

    private AssignmentSummary assign(UUID article, int days) {
        return assignments.assignMarkClaims(
                media.id(),
                new NewAssignment(
                        article,
                        null,
                        LocalDate.now().plusDays(days),
                        true,
                        FeedbackPolicy.AFTER_SUBMIT,
                        false,
                        null,
                        false));
    }

    /** Submits marks given as quote, type, quote, type, … */
    private UUID submitted(OneTimeCredential who, AssignmentSummary assignment, String... marks) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            for (int i = 0; i < marks.length; i += 2) {
                int at = session.text().indexOf(marks[i]);
                submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(),
                                1,
                                at,
                                at + marks[i].length(),
                                marks[i],
                                "",
                                "",
                                marks[i + 1],
                                false));
            }
            submissions.submit(session.attemptId());
            return session.attemptId();
        }
    }

    private void override(UUID attempt, double score, String comment) {
        try (var s = SignedIn.as(users, TEACHER)) {
            actions.override(attempt, score, comment);
        }
    }

    /** A new student's first sign-in asks for a password of their own first (the password gate). */
    private void passwordChanged(OneTimeCredential student) {
        accounts.changeOwnPassword(student.password(), "a long enough password", "a long enough password");
    }

    private String drillDown() {
        return "dashboards/student/" + media.id() + "/" + oneId;
    }

    private NativeTableRow categoryRow(String table, String category) {
        return $(NativeTableRow.class, $(NativeTable.class).withTestId(table).single())
                .withAttribute("data-category", category)
                .single();
    }

    private static List<String> cells(NativeTableRow row) {
        return row.getElement().getChildren().map(e -> e.getTextRecursively()).toList();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_class_overview_links_each_student_to_their_drill_down() {
        navigate("dashboards/class/" + media.id(), ClassOverviewView.class);
        // The list is a grid: its links are drawn row by row, as the browser asks for them.
        com.vaadin.flow.component.grid.Grid<?> grid = $(com.vaadin.flow.component.grid.Grid.class)
                .withTestId("overview-students")
                .single();
        @SuppressWarnings("unchecked")
        var rows = new com.vaadin.flow.component.grid.GridTester<>((com.vaadin.flow.component.grid.Grid<Object>) grid);
        List<Anchor> links = java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> (Anchor) rows.getCellComponent(i, "student"))
                .toList();
        assertThat(links)
                .allMatch(a -> "overview-student-link".equals(a.getElement().getAttribute("data-testid")));
        assertThat(links)
                .extracting(Anchor::getText)
                .containsExactly(
                        "Pupil Idle (" + idle.username() + ")",
                        "Pupil One (" + one.username() + ")",
                        "Pupil Two (" + two.username() + ")");
        assertThat(links.get(1).getHref()).isEqualTo(drillDown());
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_drill_down_shows_the_hand_computed_numbers_comments_overrides_and_attempt_links() {
        navigate(drillDown(), StudentDrillDownView.class);
        assertThat($(H2.class).withTestId("drilldown-name").single().getText())
                .isEqualTo("Pupil One in " + media.name());
        NativeTable table =
                $(NativeTable.class).withTestId("drilldown-assignments").single();
        assertThat($(NativeTableHeaderCell.class, table).all())
                .allSatisfy(
                        th -> assertThat(th.getElement().getAttribute("scope")).isIn("col", "row"));
        List<NativeTableRow> rows = $(NativeTableRow.class, table)
                .withAttribute("data-testid", "drilldown-row")
                .all();
        assertThat(rows)
                .extracting(r -> r.getElement().getAttribute("data-assignment-id"))
                .containsExactly(first.id().toString(), second.id().toString());
        String firstRow = rows.getFirst().getElement().getTextRecursively();
        assertThat(firstRow).contains("Submitted").contains("score 60 (set by the teacher), found 1 of 26 (1 right)");
        Anchor attempt = $(Anchor.class, rows.getFirst())
                .withTestId("drilldown-attempt-link")
                .single();
        assertThat(attempt.getHref()).isEqualTo("review/" + oneFirstAttempt);
        assertThat(rows.get(1).getElement().getTextRecursively()).contains("found 2 of 26 (2 right)");

        // Attributed over both assignments: 7 + 7 key claims, 1 + 2 found, all with the type right.
        assertThat(cells(categoryRow("drilldown-claim-types", "attributed")))
                .containsExactly("Attributed", "14", "3", "3");
        assertThat(cells(categoryRow("drilldown-claim-types", "hedged"))).containsExactly("Hedged", "10", "0", "0");

        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "drilldown-override")
                        .all())
                .extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t)
                        .contains("Ms Drill set the score to 60")
                        .contains("\u201cGood start on the headline.\u201d"))
                .hasSize(2);
        assertThat($(Div.class)
                        .withTestId("drilldown-notes")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .doesNotContain("Pupil Two");
    }

    @Test
    @WithUserDetails(value = OTHER_TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void another_teacher_cannot_open_the_drill_down() {
        navigate(drillDown(), NotFoundView.class);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_malformed_address_is_not_found() {
        navigate("dashboards/student/" + media.id(), NotFoundView.class);
        navigate("dashboards/student/" + media.id() + "/not-an-id", NotFoundView.class);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_teacher_has_no_progress_page() {
        navigate("progress", NotFoundView.class);
    }

    @Test
    @WithUserDetails("student1")
    void a_student_cannot_open_a_drill_down() {
        navigate(drillDown(), NotFoundView.class);
    }

    @Test
    void a_students_progress_shows_what_they_got_better_at_and_only_their_own_work() {
        try (var s = SignedIn.as(users, one.username())) {
            passwordChanged(one);
            navigate("progress", ProgressView.class);
        }
        // Attributed: 1 of 7 found (1 right) in the first, 2 of 7 (2 right) in the latest.
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "progress-better-item")
                        .all())
                .extracting(ListItem::getText)
                .containsExactly("Attributed claims: from 1 of 7 found, 1 right in your first assignment to 2 of 7 "
                        + "found, 2 right in your latest.");
        assertThat(cells(categoryRow("progress-claim-types", "attributed")))
                .containsExactly(
                        "Attributed",
                        "1 of 7 found, 1 right (" + first.title() + ")",
                        "2 of 7 found, 2 right (" + second.title() + ")",
                        "Not revised",
                        "Not revised");
        Div chart = $(Div.class).withTestId("progress-chart").single();
        assertThat(chart.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(chart.getElement().getAttribute("aria-label"))
                .contains("Attributed: first 1 of 7 (14%), latest 2 of 7 (29%).");
        assertThat(chart.getElement().getProperty("innerHTML"))
                .startsWith("<svg")
                .contains("class=\"first\"")
                .contains("class=\"latest\"");
        List<NativeTableRow> lessons = $(NativeTableRow.class)
                .withAttribute("data-testid", "progress-lesson")
                .all();
        assertThat(lessons).hasSize(2);
        assertThat(lessons.get(0).getElement().getTextRecursively()).contains("Claims: 60");
        assertThat($(Anchor.class, lessons.get(1))
                        .withTestId("progress-feedback-link")
                        .single()
                        .getHref())
                .isEqualTo("feedback/" + second.id());
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page)
                .as("no classmate by name or username")
                .doesNotContain("Pupil Two")
                .doesNotContain(two.username())
                .doesNotContain("Pupil Idle");
    }

    @Test
    void a_student_without_released_work_sees_how_the_page_fills() {
        try (var s = SignedIn.as(users, idle.username())) {
            passwordChanged(idle);
            navigate("progress", ProgressView.class);
        }
        assertThat($(Div.class)
                        .withTestId("progress-empty")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("A lesson shows here once its whole feedback is open to you");
        assertThat($(NativeTable.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_student_who_shares_a_name_with_a_classmate_is_named_with_their_username_on_the_drill_down() {
        OneTimeCredential namesake;
        try (var s = SignedIn.as(users, TEACHER)) {
            namesake = classroom.createStudents(media.id(), "Pupil One").getFirst();
        }
        assertThat(namesake.username()).isNotEqualTo(one.username());
        navigate(drillDown(), StudentDrillDownView.class);
        assertThat($(H2.class).withTestId("drilldown-name").single().getText())
                .isEqualTo("Pupil One (" + one.username() + ") in " + media.name());
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle())
                .isEqualTo("Pupil One (" + one.username() + ") · " + media.name() + " · Lateral");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_drill_down_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate(drillDown(), StudentDrillDownView.class);
        assertThat($(H2.class).withTestId("drilldown-name").single().getText())
                .isEqualTo("Pupil One en " + media.name());
        NativeTable table =
                $(NativeTable.class).withTestId("drilldown-assignments").single();
        String firstRow = $(NativeTableRow.class, table)
                .withAttribute("data-testid", "drilldown-row")
                .all()
                .getFirst()
                .getElement()
                .getTextRecursively();
        assertThat(firstRow)
                .contains("Entregada")
                .contains("puntuación 60 (puesta por el docente), encontró 1 de 26 (1 correcto)")
                .doesNotContain("submitted")
                .doesNotContain("found");
        assertThat(cells(categoryRow("drilldown-claim-types", "attributed")))
                .containsExactly("Atribuida", "14", "3", "3");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "drilldown-override")
                        .all())
                .extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t).contains("Ms Drill puso la puntuación en 60"));
    }

    @Test
    void a_students_progress_in_spanish_has_spanish_words_and_spanish_percentages() {
        try (var s = SignedIn.as(users, one.username())) {
            passwordChanged(one);
            UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
            navigate("progress", ProgressView.class);
        }
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle()).isEqualTo("Mi progreso · Lateral");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "progress-better-item")
                        .all())
                .extracting(ListItem::getText)
                .containsExactly("Afirmaciones de tipo Atribuida: pasaste de 1 de 7 encontradas, 1 correcta en tu "
                        + "primera tarea a 2 de 7 encontradas, 2 correctas en la última.");
        // A Spanish percentage keeps a (non-breaking) space before its sign.
        assertThat($(Div.class)
                        .withTestId("progress-chart")
                        .single()
                        .getElement()
                        .getAttribute("aria-label"))
                .contains("Atribuida: primera 1 de 7 (14\u00a0%), última 2 de 7 (29\u00a0%).")
                .doesNotContain("first");
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("Tus tareas")
                .doesNotContain("Your assignments")
                .doesNotContain("not scored");
    }
}
