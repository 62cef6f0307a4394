package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.SignedIn;
import org.lateral.base.highlighter.ClaimHighlighter;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.ui.NotFoundView;
import org.lateral.submission.FeedbackService;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.Results;
import org.lateral.submission.ResultsService;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The student's feedback page and the teacher's results and attempt pages, without a browser.
 * student20 has submitted the demo Frisky assignment with a mislabelled headline and an extra mark;
 * the assignment allows revision, so student20 sees hints, not the key (DD006).
 */
@LateralTest
class GradingViewsTest extends SpringBrowserlessTest {

    static final String HEADLINE = "The Head Of ISIS’ European Operations Reportedly Defects";
    static final String EXTRA = "a source told The Daily Mail";

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResultsService results;

    UUID frisky;
    UUID attempt;

    @BeforeEach
    void student20HasSubmittedFrisky() {
        frisky = jdbc.sql("""
                SELECT a.id FROM assignment a JOIN account t ON t.id = a.created_by
                 WHERE t.username = 'teacher' AND a.title LIKE 'The Head Of ISIS%'
                """).query(UUID.class).single();
        try (var s = SignedIn.as(users, "student20")) {
            MarkingSession session = submissions.open(frisky).orElseThrow();
            attempt = session.attemptId();
            if (session.submitted()) {
                return;
            }
            for (String[] m : new String[][] {{HEADLINE, "factual"}, {EXTRA, "attributed"}}) {
                int at = session.text().indexOf(m[0]);
                submissions.saveMark(
                        attempt,
                        new MarkState(UUID.randomUUID(), 1, at, at + m[0].length(), m[0], "", "", m[1], false));
            }
            submissions.submit(attempt);
        }
    }

    private String text(String testId) {
        return $(Div.class).withTestId(testId).single().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails("student21")
    void before_submitting_the_feedback_page_says_when_feedback_comes_and_shows_no_key() {
        navigate("feedback/" + frisky, FeedbackView.class);
        assertThat(text("feedback-waiting")).contains("after you submit");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "feedback-claim")
                        .exists())
                .isFalse();
        assertThat($(ClaimHighlighter.class).exists()).isFalse();
    }

    /** Every reason in the key of the demo Frisky assignment. */
    private List<String> whys() {
        return jdbc.sql("""
                SELECT k.why FROM key_claim k JOIN lesson_step s ON s.key_version_id = k.key_version_id
                 WHERE s.assignment_id = :a AND s.position = 0
                """).param("a", frisky).query(String.class).list();
    }

    /** The same hints on a Spanish page (DD034): the sentences, the type names and the decimal comma. */
    @Test
    @WithUserDetails("student20")
    void while_a_revision_is_possible_a_spanish_page_gives_the_hints_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate("feedback/" + frisky, FeedbackView.class);
        assertThat($(Paragraph.class).withTestId("hint-score").single().getText())
                .containsPattern("^Tu puntuación: \\d+,\\d de 100\\.")
                .contains("Encontraste 1 de 26 afirmaciones y a 1 de ellas les diste un tipo distinto")
                .doesNotContain("You found");
        assertThat($(Paragraph.class).withTestId("hint-key-hidden").single().getText())
                .contains("la clave de respuestas sigue oculta");
        Div headline = $(Div.class)
                .withAttribute("data-testid", "hint-paragraph")
                .withAttribute("data-paragraph", "0")
                .single();
        assertThat(headline.getElement().getTextRecursively())
                .contains("El titular")
                .contains("Marcaste \u201c" + HEADLINE + "\u201d como hecho")
                .contains("considera esta afirmación como atribuida o matizada")
                .contains("Busca: \u201cReportedly\u201d")
                .doesNotContain("Look for")
                .doesNotContain("The headline");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "hint")
                        .withAttribute("data-outcome", "missed")
                        .all())
                .anySatisfy(h -> assertThat(h.getElement().getTextRecursively())
                        .contains("Una afirmación matizada que no has marcado."));
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Dónde volver a mirar", "Afirmaciones por tipo");
    }

    @Test
    @WithUserDetails("student20")
    void while_a_revision_is_possible_the_student_sees_where_to_look_and_not_the_key() {
        navigate("feedback/" + frisky, FeedbackView.class);
        assertThat($(Paragraph.class).withTestId("hint-score").single().getText())
                .contains("Your score: ")
                .contains("You found 1 of 26 claims")
                .contains("gave 1 of them a different type");
        assertThat($(Paragraph.class).withTestId("hint-key-hidden").single().getText())
                .contains("the answer key stays hidden so your second try shows what you learned");
        Div headline = $(Div.class)
                .withAttribute("data-testid", "hint-paragraph")
                .withAttribute("data-paragraph", "0")
                .single();
        assertThat(headline.getElement().getTextRecursively())
                .contains("The headline")
                .contains("You marked \u201c" + HEADLINE + "\u201d as factual")
                .contains("sees this claim as attributed or hedged")
                .contains("Hedged claims carry words of doubt")
                .contains("Look for: \u201cReportedly\u201d");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "hint")
                        .withAttribute("data-outcome", "missed")
                        .all())
                .anySatisfy(h -> assertThat(h.getElement().getTextRecursively())
                        .contains("A hedged claim you have not marked.")
                        .contains("Look for: \u201cis believed to\u201d"));
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "hint-count")
                        .withAttribute("data-type", "hedged")
                        .single()
                        .getText())
                .startsWith("Hedged: you found 0 of ");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "hint-extra")
                        .single()
                        .getText())
                .contains(EXTRA);
        assertThat($(Button.class).withTestId("start-revision").single().isEnabled())
                .isTrue();

        String page = $(FeedbackView.class).single().getElement().getTextRecursively();
        assertThat(whys()).hasSize(26).allSatisfy(why -> assertThat(page).doesNotContain(why));
        assertThat(page)
                .as("who says so is part of the key")
                .doesNotContain("Who says so")
                .doesNotContain("whom The Frisky first calls")
                .doesNotContain("Very probably one man")
                .doesNotContain("read its report itself");
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "feedback-claim")
                        .exists())
                .isFalse();
        String overlays =
                String.valueOf($(ClaimHighlighter.class).single().getElement().getPropertyRaw("overlays"));
        assertThat(overlays)
                .as("only the student's own marks are drawn, with their outcome")
                .contains("\"status\":\"mislabelled\"")
                .contains("\"status\":\"extra\"")
                .doesNotContain("\"kind\":\"cue\"")
                .doesNotContain("\"status\":\"missed\"")
                .doesNotContain("key-");
    }

    @Test
    @WithUserDetails("student23")
    void after_attempt_2_the_student_sees_outcomes_cue_words_and_why() {
        // student23 submits attempt 1 as student20 did, revises and submits attempt 2 unchanged.
        try (var s = SignedIn.as(users, "student23")) {
            MarkingSession first = submissions.open(frisky).orElseThrow();
            if (first.attemptNumber() == 1) {
                if (!first.submitted()) {
                    for (String[] m : new String[][] {{HEADLINE, "factual"}, {EXTRA, "attributed"}}) {
                        int at = first.text().indexOf(m[0]);
                        submissions.saveMark(
                                first.attemptId(),
                                new MarkState(UUID.randomUUID(), 1, at, at + m[0].length(), m[0], "", "", m[1], false));
                    }
                    submissions.submit(first.attemptId());
                }
                feedback.startRevision(frisky);
            }
            MarkingSession second = submissions.open(frisky).orElseThrow();
            assertThat(second.attemptNumber()).isEqualTo(2);
            if (!second.submitted()) {
                submissions.submit(second.attemptId());
            }
        }

        navigate("feedback/" + frisky, FeedbackView.class);
        assertThat($(Div.class).withTestId("revision-hints").exists()).isFalse();
        assertThat($(Paragraph.class).withTestId("feedback-score").single().getText())
                .contains("Found 0 · found with another type 1")
                .contains("marks not in the key 1");
        ListItem headline = $(ListItem.class)
                .withAttribute("data-testid", "feedback-claim")
                .withAttribute("data-outcome", "mislabelled")
                .single();
        assertThat(headline.getElement().getTextRecursively())
                .contains("Key: attributed or hedged")
                .contains("You marked it as factual")
                .contains("Cue words: “Reportedly” signal a hedge.")
                .contains("Who says so:")
                .contains("The Daily Mail \u2014 primary: The Frisky read its report itself.")
                .contains(
                        "Abu Khaled (a pseudonym), whom The Frisky first calls “a source” \u2014 secondary: it reached The Frisky"
                                + " through The Daily Mail.")
                .contains("Why it matters:");
        assertThat($(Paragraph.class).withTestId("feedback-source-kind").all())
                .as("the key accepts two kinds for him and says why, once in the list, not under each of his claims")
                .singleElement()
                .satisfies(p -> assertThat(p.getText()).contains("Very probably one man"));
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "feedback-claim")
                        .all())
                .filteredOn(
                        c -> c.getElement().getTextRecursively().contains("people don’t leave thriving organizations"))
                .as("the writer's own opinion links no source, so no line says who")
                .singleElement()
                .satisfies(c -> assertThat(c.getElement().getTextRecursively()).doesNotContain("Who says so"));
        assertThat($(ListItem.class)
                        .withAttribute("data-testid", "feedback-extra")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains(EXTRA);
        assertThat($(Button.class).withTestId("start-revision").exists()).isFalse();
        String overlays =
                String.valueOf($(ClaimHighlighter.class).single().getElement().getPropertyRaw("overlays"));
        assertThat(overlays)
                .as("the cue word and the outcome are drawn over the text")
                .contains("\"kind\":\"cue\"")
                .contains("\"status\":\"mislabelled\"")
                .contains("\"status\":\"extra\"");
    }

    @Test
    @WithUserDetails("teacher")
    void the_teacher_sees_every_student_with_status_and_the_submitted_score() {
        navigate("results/" + frisky, ResultsView.class);
        Grid<?> grid = $(Grid.class).withTestId("results-table").single();
        List<ResultsRows.Row> rows = ResultsRows.of(grid);
        assertThat(rows).hasSize(24);
        ResultsRows.Row row = ResultsRows.of(grid, "student20");
        assertThat(row.text()).contains("Student 20").contains("Submitted");
        assertThat(rows)
                .anyMatch(r -> r.find(Anchor.class, "open-attempt-1")
                        .filter(a -> a.getHref().equals("review/" + attempt))
                        .isPresent());
        assertThat(ResultsRows.of(grid, "student22").text()).contains("Not started");
        // A one-step lesson keeps its attempt columns; step columns and a lesson score are for lessons
        // of several steps (DD013).
        assertThat(ResultsRows.headers(grid)).isEqualTo("StudentStatusMarksAttempt 1Attempt 2Gain");
        assertThat($(Paragraph.class).withTestId("lesson-weighting").exists()).isFalse();
        assertThat(rows)
                .allMatch(r -> r.find(Anchor.class, "step-score-mark-claims").isEmpty());
        assertThat($(Div.class).withAttribute("data-testid", "popular-span").all())
                .anyMatch(d -> d.getElement().getTextRecursively().contains(EXTRA));
    }

    /** The results page in Spanish (DD034): its title, columns, statuses, numbers and the passages students marked. */
    @Test
    @WithUserDetails("teacher")
    void a_spanish_results_page_is_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate("results/" + frisky, ResultsView.class);
        assertThat(((HasDynamicTitle) getCurrentView()).getPageTitle())
                .startsWith("Resultados: The Head Of ISIS")
                .endsWith(" · Lateral");
        assertThat($(Paragraph.class).withClassName("reader-meta").first().getText())
                .startsWith("Clase: ")
                .contains(" · Entrega: ")
                .contains(" · Comentarios: ")
                .doesNotContain("Due");
        Grid<?> grid = $(Grid.class).withTestId("results-table").single();
        assertThat(ResultsRows.headers(grid)).isEqualTo("EstudianteEstadoMarcasIntento 1Intento 2Mejora");
        assertThat(ResultsRows.of(grid, "student20").text()).contains("Entregada");
        assertThat(ResultsRows.of(grid, "student22").text())
                .contains("Sin empezar")
                .doesNotContain("Not started");
        assertThat($(Paragraph.class).withTestId("results-summary").single().getText())
                .as("the average with a decimal comma")
                .containsPattern("^\\d+ de 24 han entregado · puntuación media del intento 1: \\d+,\\d$");
        assertThat($(H3.class).all())
                .extracting(H3::getText)
                .contains("Estudiantes", "Marcado por los estudiantes, pero no está en la clave")
                .doesNotContain("Students");
        assertThat($(Div.class).withAttribute("data-testid", "popular-span").all())
                .anySatisfy(d -> assertThat(d.getElement().getTextRecursively())
                        .contains(EXTRA)
                        .contains(" · sobre todo como atribuida")
                        .doesNotContain("mostly as"));
    }

    @Test
    @WithUserDetails("teacher")
    void the_results_grid_reads_the_rows_a_page_at_a_time_by_name_either_way() {
        List<Results.StudentResult> whole =
                results.results(frisky).orElseThrow().students();
        // A page is the roster's slice, row for row what the whole table has there.
        assertThat(results.resultPage(frisky, 5, 3, false)).isEqualTo(whole.subList(5, 8));
        assertThat(results.resultPage(frisky, 22, 10, false)).isEqualTo(whole.subList(22, 24));
        assertThat(results.resultPage(frisky, 24, 10, false)).isEmpty();
        assertThat(results.resultPage(frisky, 0, 2, true)).isEqualTo(List.of(whole.get(23), whole.get(22)));

        navigate("results/" + frisky, ResultsView.class);
        Grid<?> grid = $(Grid.class).withTestId("results-table").single();
        List<String> ascending =
                ResultsRows.of(grid).stream().map(r -> r.student().username()).toList();
        assertThat(ascending)
                .containsExactlyElementsOf(
                        whole.stream().map(Results.StudentResult::username).toList());
        @SuppressWarnings("unchecked")
        GridTester<Grid<Object>, Object> tester = new GridTester<>((Grid<Object>) grid);
        tester.sortByColumn("student", SortDirection.DESCENDING);
        assertThat(ResultsRows.of(grid).stream().map(r -> r.student().username()))
                .containsExactlyElementsOf(ascending.reversed());
    }

    @Test
    @WithUserDetails("teacher")
    void accepting_a_popular_span_lists_the_change_and_withdrawing_it_removes_it() {
        navigate("results/" + frisky, ResultsView.class);
        Div popular = $(Div.class).withAttribute("data-testid", "popular-span").all().stream()
                .filter(d -> d.getElement().getTextRecursively().contains(EXTRA))
                .findFirst()
                .orElseThrow();
        test($(Button.class, popular)
                        .withAttribute("data-testid", "accept-span")
                        .single())
                .click();
        assertThat($(Div.class)
                        .withAttribute("data-testid", "key-amendment")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains(EXTRA);
        test($(Button.class).withAttribute("data-testid", "withdraw-amendment").single())
                .click();
        assertThat($(Div.class).withAttribute("data-testid", "key-amendment").exists())
                .isFalse();
    }

    @Test
    @WithUserDetails("teacher")
    void on_the_attempt_page_a_comment_is_added_and_an_override_without_a_reason_changes_nothing() {
        navigate("review/" + attempt, ReviewView.class);
        int rows = $(ListItem.class)
                .withAttribute("data-testid", "score-row")
                .all()
                .size();
        test($(NumberField.class).withTestId("override-score").single()).setValue(90.0);
        test($(Button.class).withTestId("override-save").single()).click();
        assertThat(test($(Notification.class).last()).getText()).contains("why you set this score");
        assertThat($(ListItem.class).withAttribute("data-testid", "score-row").all())
                .hasSize(rows);

        String comment = "Look again at the headline: who says so? " + UUID.randomUUID();
        test($(TextArea.class).withTestId("comment-body").single()).setValue(comment);
        test($(Button.class).withTestId("comment-save").single()).click();
        assertThat($(Div.class).withAttribute("data-testid", "attempt-comment").all())
                .anyMatch(d -> d.getElement().getTextRecursively().contains(comment));
    }

    @Test
    @WithUserDetails("student20")
    void a_student_cannot_open_the_results_or_an_attempt_page() {
        navigate("results/" + frisky, NotFoundView.class);
        navigate("review/" + attempt, NotFoundView.class);
    }

    @Test
    @WithUserDetails("teacher")
    void an_unknown_assignment_or_attempt_is_not_found() {
        navigate("results/" + UUID.randomUUID(), NotFoundView.class);
        navigate("review/" + UUID.randomUUID(), NotFoundView.class);
        navigate("results/not-an-id", NotFoundView.class);
    }
}
