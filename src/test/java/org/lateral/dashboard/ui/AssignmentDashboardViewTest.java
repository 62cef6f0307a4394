package org.lateral.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import java.math.BigDecimal;
import java.time.Duration;
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
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.database.DatabaseNotifications;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SourceWorkService;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The assignment dashboard drawn without a browser: three students marked the headline (c01,
 * accepted) and "Violent terrorist attacks" (outside the key); one also marked the source sentence
 * (c05). The heatmap's shares, the table's numbers and the accept button's re-scoring are checked.
 */
@LateralTest
class AssignmentDashboardViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "dashboard-view-teacher";
    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";
    static final String SOURCE = "a source told The Daily Mail the head of ISIS operations in Europe defected";
    static final String EXTRA = "Violent terrorist attacks";

    @Autowired
    SubmissionService submissions;

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
    SourceWorkService work;

    @Autowired
    DatabaseNotifications notifications;

    @Autowired
    JdbcClient jdbc;

    AssignmentSummary assignment;
    UUID classId;
    OneTimeCredential ada;
    List<OneTimeCredential> pupils;

    @BeforeEach
    void threeStudentsSubmitted() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Board", Set.of(Role.TEACHER), "a long enough password");
        List<OneTimeCredential> students;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBo\nCy");
            classId = media.id();
            ada = students.getFirst();
            pupils = students;
            UUID frisky = library.articles("frisky").getFirst().articleId();
            assignment = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
        }
        for (int i = 0; i < students.size(); i++) {
            try (var s = SignedIn.as(users, students.get(i).username())) {
                MarkingSession session = submissions.open(assignment.id()).orElseThrow();
                mark(session, HEADLINE, "hedged");
                mark(session, EXTRA, "opinion");
                if (i == 0) {
                    mark(session, SOURCE, "attributed");
                }
                submissions.submit(session.attemptId());
            }
        }
    }

    private void mark(MarkingSession session, String quote, String type) {
        int at = session.text().indexOf(quote);
        submissions.saveMark(
                session.attemptId(),
                new MarkState(UUID.randomUUID(), 1, at, at + quote.length(), quote, "", "", type, false));
    }

    private Span claim(String id) {
        return $(Span.class).withAttribute("data-claim", id).single();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void before_anyone_submits_every_figure_says_no_one_has_submitted_yet() {
        AssignmentSummary untouched;
        try (var s = SignedIn.as(users, TEACHER)) {
            untouched = assignments.assignMarkClaims(
                    classId,
                    new NewAssignment(
                            library.articles("frisky").getFirst().articleId(),
                            null,
                            LocalDate.now().plusDays(5),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
        }
        navigate("dashboards/assignment/" + untouched.id(), AssignmentDashboardView.class);
        for (String empty : List.of("heatmap-empty", "unkeyed-empty", "confusion-empty", "score-distribution-empty")) {
            assertThat($(Div.class).withTestId(empty).single().getElement().getTextRecursively())
                    .as(empty)
                    .contains("No one has submitted yet.");
        }
        // No figure computed over nothing: no all-zero matrix, no empty chart.
        assertThat($(Html.class).all().stream().map(h -> h.getElement().getAttribute("data-testid")))
                .doesNotContain("confusion-matrix", "score-distribution", "score-distribution-table");
        // The key's claims are still drawn, at 0%, so the page fills in live as students submit.
        assertThat(claim("c01").getElement().getAttribute("data-share")).isEqualTo("0.00");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_heatmap_shades_each_claim_by_its_share_and_the_table_says_the_same() {
        navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        Div heatmap = $(Div.class).withTestId("heatmap").single();
        assertThat(heatmap.getElement().getTextRecursively()).contains(HEADLINE).contains("[1: 100%]");
        assertThat(claim("c01").getElement().getAttribute("data-share")).isEqualTo("1.00");
        assertThat(claim("c01").getElement().getAttribute("aria-label")).isEqualTo("Claim 1: found by 3 of 3 students");
        assertThat(claim("c01").getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(claim("c05").getElement().getAttribute("data-share")).isEqualTo("0.33");
        assertThat(claim("c03").getElement().getAttribute("data-share")).isEqualTo("0.00");

        String table = html("heatmap-table");
        assertThat(table).contains("<td>3 of 3</td><td>100%</td>").contains("<td>1 of 3</td><td>33%</td>");
        assertThat(html("confusion-matrix")).contains("3 (agrees)").contains("1 (agrees)");
        assertThat(html("score-distribution")).contains("<svg").contains("Counted scores of 3 students");
        assertThat($(Div.class).withTestId("heatmap-empty").exists()).isFalse();
        // The students are a grid: its cells are drawn row by row, as the browser asks for them.
        com.vaadin.flow.component.grid.Grid<?> grid = $(com.vaadin.flow.component.grid.Grid.class)
                .withTestId("dashboard-students")
                .single();
        @SuppressWarnings("unchecked")
        var rows = new com.vaadin.flow.component.grid.GridTester<>((com.vaadin.flow.component.grid.Grid<Object>) grid);
        assertThat(rows.size()).isEqualTo(3);
        List<com.vaadin.flow.dom.Element> cells = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.getCellComponent(i, "student").getElement().getAttribute("data-testid"))
                    .isEqualTo("dashboard-student");
            cells.add(rows.getCellComponent(i, "attempts").getElement());
        }
        assertThat(cells.stream()
                        .flatMap(com.vaadin.flow.dom.Element::getChildren)
                        .filter(e -> "dashboard-attempt".equals(e.getAttribute("data-testid")))
                        .map(e -> e.getAttribute("href"))
                        .toList())
                .allSatisfy(href -> assertThat(href).startsWith("review/"))
                .hasSize(3);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void accepting_the_span_three_marked_rescores_and_redraws_the_heatmap() {
        navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        Div row = $(Div.class).withAttribute("data-testid", "unkeyed-span").single();
        assertThat(row.getElement().getTextRecursively()).contains(EXTRA).contains("3 students");
        assertThat(claim("c03").getElement().getAttribute("data-share")).isEqualTo("0.00");

        test($(Button.class, row)
                        .withAttribute("data-testid", "accept-unkeyed-span")
                        .single())
                .click();

        assertThat(claim("c03").getElement().getAttribute("data-share")).isEqualTo("1.00");
        assertThat($(Div.class).withAttribute("data-testid", "unkeyed-span").exists())
                .isFalse();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_unknown_assignment_shows_page_not_found_not_an_error() {
        navigate("dashboards/assignment/" + UUID.randomUUID(), org.lateral.base.ui.NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(org.lateral.base.ui.NotFoundView.class);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_page_polls_and_redraws_only_when_the_marker_moved() throws InterruptedException {
        // The set-up's submissions reach the listener after they commit: wait for them, so that
        // only a change made after the drawing could move the version.
        assertThat(notifications.awaitDelivered(Duration.ofSeconds(10))).isTrue();
        AssignmentDashboardView view =
                navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        assertThat(view.getUI().orElseThrow().getPollInterval()).isEqualTo(AssignmentDashboardView.POLL_MILLIS);
        Div before = $(Div.class).withTestId("heatmap").single();
        view.refreshIfChanged();
        assertThat($(Div.class).withTestId("heatmap").single())
                .as("nothing changed: same drawing")
                .isSameAs(before);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_change_notified_by_another_node_redraws_at_the_next_poll() throws InterruptedException {
        assertThat(notifications.awaitDelivered(Duration.ofSeconds(10))).isTrue();
        AssignmentDashboardView view =
                navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        Div before = $(Div.class).withTestId("heatmap").single();
        // What V0024's triggers send when another node commits a submission of this assignment.
        jdbc.sql("SELECT pg_notify('lateral_dashboard', :id)")
                .param("id", assignment.id().toString())
                .query(String.class)
                .single();
        assertThat(notifications.awaitDelivered(Duration.ofSeconds(10))).isTrue();
        view.refreshIfChanged();
        assertThat($(Div.class).withTestId("heatmap").single())
                .as("the version moved: drawn anew")
                .isNotSameAs(before);
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_sources_step_shades_each_key_source_and_has_a_kind_matrix() {
        AssignmentSummary lesson;
        try (var s = SignedIn.as(users, TEACHER)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    classId,
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            mark(claims, HEADLINE, "hedged");
            submissions.submit(claims.attemptId());
            MarkingSession step = submissions.open(lesson.id()).orElseThrow();
            work.saveSource(
                    step.attemptId(),
                    new SourceState(UUID.randomUUID(), 1, "Abu Khaled", "anonymous", null, null, false));
            submissions.submit(step.attemptId());
        }
        navigate("dashboards/assignment/" + lesson.id(), AssignmentDashboardView.class);
        List<Span> s01 = $(Span.class).withAttribute("data-source", "s01").all();
        assertThat(s01)
                .isNotEmpty()
                .allSatisfy(m ->
                        assertThat(m.getElement().getAttribute("data-share")).isEqualTo("1.00"));
        assertThat($(Span.class).withAttribute("data-source", "s02").all())
                .isNotEmpty()
                .allSatisfy(m ->
                        assertThat(m.getElement().getAttribute("data-share")).isEqualTo("0.00"));
        assertThat(html("heatmap-sources-table")).contains("<td>1 of 1</td><td>100%</td>");
        assertThat(html("source-kind-matrix")).contains("1 (agrees)");
    }

    @Autowired
    CompareWorkService compareWork;

    /** Saves one student's Isegoria framing and k01 cell of a comparison, and submits it. */
    private void compare(
            OneTimeCredential student, AssignmentSummary lesson, UUID isegoria, String framing, String k01) {
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            compareWork.saveGrid(
                    session.attemptId(),
                    new CompareItems.GridState(
                            isegoria.toString(), 1, framing, null, null, null, List.of(), null, null));
            compareWork.saveCell(
                    session.attemptId(),
                    new CompareItems.CellState("k01", isegoria.toString(), 1, k01, null, null, null, null, null));
            submissions.submit(session.attemptId());
        }
    }

    /**
     * A comparison of Isegoria and War in Context: Ada answers sensational (right) and fact
     * (right), Bo question (wrong) and hedged (wrong).
     */
    private AssignmentSummary twoComparisons() {
        AssignmentSummary lesson;
        UUID isegoria;
        try (var s = SignedIn.as(users, TEACHER)) {
            isegoria = library.articles("isegoria").getFirst().articleId();
            UUID warInContext = library.articles("war in context").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    classId,
                    new NewAssignment(
                            isegoria,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.compare(List.of(isegoria, warInContext), BigDecimal.ONE, false))));
        }
        compare(pupils.get(0), lesson, isegoria, "sensational", "fact");
        compare(pupils.get(1), lesson, isegoria, "question", "hedged");
        return lesson;
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_compare_panel_names_the_items_and_the_answers_in_spanish() {
        AssignmentSummary lesson = twoComparisons();
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate("dashboards/assignment/" + lesson.id(), AssignmentDashboardView.class);
        Div panel = $(Div.class).withTestId("compare-agreement").single();
        List<NativeTableCell> cells = $(NativeTableCell.class, panel)
                .withAttribute("data-testid", "compare-agreement-cell")
                .all();
        assertThat(cell(cells, "framing", "Isegoria").getElement().getTextRecursively())
                .contains("Clave: sensacionalista o neutral")
                .contains("Coinciden con la clave: 50\u00a0% (1 de 2)")
                .contains("Más frecuente: pregunta / sensacionalista, 50\u00a0% (1)")
                .contains("Respondieron: 2 de 2");
        assertThat(cell(cells, "k01", "Isegoria").getElement().getTextRecursively())
                .contains("Clave: como hecho o atribuida");
        assertThat($(Paragraph.class, panel)
                        .withTestId("compare-agreement-summary")
                        .single()
                        .getText())
                .startsWith("Menor coincidencia con la clave: 0\u00a0% en 28 celdas, entre ellas War in Context, "
                        + "enfoque del titular; Isegoria, fuentes con nombre;");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_compare_step_has_a_panel_with_each_cells_agreement_in_numbers_and_a_sentence() {
        navigate("dashboards/assignment/" + twoComparisons().id(), AssignmentDashboardView.class);

        Div panel = $(Div.class).withTestId("compare-agreement").single();
        List<NativeTableCell> cells = $(NativeTableCell.class, panel)
                .withAttribute("data-testid", "compare-agreement-cell")
                .all();
        // Seven grid items and eight core claims, each for two articles; every one is scored here.
        assertThat(cells).hasSize(7 * 2 + 8 * 2);
        NativeTableCell framing = cell(cells, "framing", "Isegoria");
        assertThat(framing.getElement().getAttribute("data-share")).isEqualTo("0.50");
        assertThat(framing.getElement().getAttribute("data-common-share")).isEqualTo("0.50");
        assertThat(framing.getElement().getTextRecursively())
                .contains("Key: sensational or neutral")
                .contains("Agree with the key: 50% (1 of 2)")
                .contains("Most common: question / sensational, 50% (1)")
                .contains("Answered: 2 of 2");
        assertThat(cell(cells, "framing", "War in Context").getElement().getAttribute("data-share"))
                .isEqualTo("0.00");
        assertThat(cell(cells, "k01", "Isegoria").getElement().getAttribute("data-share"))
                .isEqualTo("0.50");
        assertThat(cell(cells, "hedges", "Isegoria").getElement().getTextRecursively())
                .contains("Average overlap with the key: 0% (2 students)");
        assertThat($(Paragraph.class, panel)
                        .withTestId("compare-agreement-summary")
                        .single()
                        .getText())
                .startsWith(
                        "Least agreement with the key: 0% in 28 cells, among them War in Context, headline framing; "
                                + "Isegoria, named sources; War in Context, named sources.")
                .endsWith("Most: 50% in 2 cells, among them Isegoria, headline framing; "
                        + "Isegoria, \u201cSomeone who held a post inside ISIS has left the group.\u201d.");
        assertThat($(Button.class).withTestId("print-report").single().getText())
                .isEqualTo("Print report");
        assertThat($(Paragraph.class).withTestId("dashboard-class").single().getText())
                .contains("Class: Media");
    }

    private static NativeTableCell cell(List<NativeTableCell> cells, String item, String outlet) {
        return cells.stream()
                .filter(c -> item.equals(c.getElement().getAttribute("data-item"))
                        && outlet.equals(c.getElement().getAttribute("data-outlet")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_lesson_without_a_compare_step_has_no_compare_panel_but_a_print_button() {
        navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        assertThat($(Div.class).withTestId("compare-agreement").exists()).isFalse();
        assertThat($(Button.class).withTestId("print-report").single().getText())
                .isEqualTo("Print report");
        assertThat($(H2.class).withTestId("dashboard-title").single().getText()).isEqualTo(assignment.title());
    }

    private String html(String testId) {
        // A wide table comes inside its own scrolling box (ScrollRegions.wideTable).
        return $(Html.class).all().stream()
                .filter(h -> testId.equals(h.getElement().getAttribute("data-testid"))
                        || h.getInnerHtml().startsWith("<table data-testid=\"" + testId + "\""))
                .map(Html::getInnerHtml)
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_dashboard_in_spanish_with_spanish_percentages() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle())
                .isEqualTo(assignment.title() + " · Panel · Lateral");
        assertThat(claim("c01").getElement().getAttribute("aria-label"))
                .isEqualTo("Afirmación 1: la encontraron 3 de 3 estudiantes");
        // A Spanish percentage keeps a non-breaking space before its sign (&nbsp; in the table markup).
        assertThat(html("heatmap-table"))
                .contains("<td>3 de 3</td><td>100&nbsp;%</td>")
                .contains("<td>1 de 3</td><td>33&nbsp;%</td>")
                .doesNotContain("Found by");
        assertThat($(Div.class).withTestId("heatmap").single().getElement().getTextRecursively())
                .contains("[1: 100\u00a0%]");
        assertThat(html("confusion-matrix")).contains("3 (coincide)").contains("Matizada");
        assertThat($(Button.class).withTestId("print-report").single().getText())
                .isEqualTo("Imprimir informe");
        assertThat($(Paragraph.class).withTestId("dashboard-live").single().getText())
                .isEqualTo("3 estudiantes han entregado el paso de las afirmaciones. "
                        + "Esta página se actualiza sola mientras el alumnado trabaja.");
        assertThat(getCurrentView().getElement().getTextRecursively())
                .doesNotContain("Students")
                .doesNotContain("Score distribution")
                .doesNotContain("submitted");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void two_students_with_the_same_name_are_told_apart_by_their_usernames() {
        OneTimeCredential namesake;
        try (var s = SignedIn.as(users, TEACHER)) {
            namesake = classroom.createStudents(classId, "Ada").getFirst();
        }
        navigate("dashboards/assignment/" + assignment.id(), AssignmentDashboardView.class);
        com.vaadin.flow.component.grid.Grid<?> grid = $(com.vaadin.flow.component.grid.Grid.class)
                .withTestId("dashboard-students")
                .single();
        @SuppressWarnings("unchecked")
        var rows = new com.vaadin.flow.component.grid.GridTester<>((com.vaadin.flow.component.grid.Grid<Object>) grid);
        List<String> names = java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> ((Span) rows.getCellComponent(i, "student")).getText())
                .toList();
        assertThat(names)
                .contains("Ada (" + ada.username() + ")", "Ada (" + namesake.username() + ")")
                .as("a name nobody else has stays as it is")
                .contains("Bo", "Cy")
                .doesNotContain("Ada");
    }
}
