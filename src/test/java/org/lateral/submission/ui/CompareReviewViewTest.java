package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
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
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryPins;
import org.lateral.security.Role;
import org.lateral.submission.CompareItems;
import org.lateral.submission.CompareWorkService;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The teacher's page of a compare-outlets attempt (DD015): the student's work beside the key with
 * "accept" on a wrong framing, the lateral-reading address as plain text, the rubric panel that
 * grades the judgement (and makes the score final), and on the results page the provisional mark
 * and the rubric editor.
 */
@LateralTest
class CompareReviewViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "compare-review-teacher";
    static final String ADDRESS = "https://example.org/about-isegoria";

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService work;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryPins library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    AssignmentSummary lesson;
    UUID attempt;

    /** Ada calls both headlines hedged (the key: sensational, or neutral), writes a note and a judgement. */
    @BeforeEach
    void aSubmittedComparison() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Rubric", Set.of(Role.TEACHER), "a long enough password");
        List<UUID> set = library.articlesOfStorySet(
                Schools.DEFAULT_SCHOOL_ID,
                library.storySetOfPack(Schools.DEFAULT_SCHOOL_ID, "defectors").orElseThrow());
        List<UUID> columns = List.of(set.get(2), set.get(3));
        OneTimeCredential ada;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            ada = classroom.createStudents(media.id(), "Ada").getFirst();
            lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            columns.getFirst(),
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.compare(columns, BigDecimal.ONE, false))));
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            attempt = session.attemptId();
            for (UUID article : columns) {
                work.saveGrid(
                        attempt,
                        new CompareItems.GridState(
                                article.toString(),
                                1,
                                "hedged",
                                1,
                                1,
                                "relay",
                                List.of("The Daily Beast"),
                                "It quotes the spy at length.",
                                null));
            }
            work.saveNote(
                    attempt,
                    new CompareItems.NoteState(
                            session.compare().columns().getFirst().outletId().toString(),
                            1,
                            ADDRESS,
                            "A blog by one writer."));
            work.saveJudgement(attempt, new CompareItems.JudgementState(1, "Trust the Daily Beast original most."));
            submissions.submit(attempt);
        }
    }

    private String latestCause() {
        return jdbc.sql("SELECT cause FROM score WHERE attempt_id = :a ORDER BY position DESC LIMIT 1")
                .param("a", attempt)
                .query(String.class)
                .single();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_rubric_panel_grades_the_judgement_and_makes_the_score_final() {
        navigate("review/" + attempt, ReviewView.class);
        assertThat($(Paragraph.class).withTestId("score-provisional").exists()).isTrue();
        assertThat($(Paragraph.class).withTestId("score-parts").single().getText())
                .contains("judgement not graded yet");
        assertThat($(Paragraph.class)
                        .withTestId("judgement-grade-state")
                        .single()
                        .getText())
                .startsWith("Not graded yet");
        Div panel = $(Div.class).withTestId("grade-judgement").single();
        for (int level = 0; level <= 3; level++) {
            assertThat($(Div.class, panel)
                            .withTestId("grade-judgement-" + level)
                            .exists())
                    .as("level " + level + " is offered with its name and descriptor")
                    .isTrue();
        }
        assertThat($(Div.class, panel).withTestId("grade-judgement-4").exists()).isFalse();

        // Saving without a level changes nothing.
        test($(Button.class).withTestId("grade-judgement-save").single()).click();
        assertThat(latestCause()).isEqualTo("submitted");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> levels = $(RadioButtonGroup.class, panel).single();
        levels.setValue(2);
        test($(Button.class).withTestId("grade-judgement-save").single()).click();
        assertThat(latestCause()).isEqualTo("judgement-graded");
        assertThat($(Paragraph.class)
                        .withTestId("judgement-grade-state")
                        .single()
                        .getText())
                .startsWith("Graded level 2 of 3");
        assertThat($(Paragraph.class).withTestId("score-parts").single().getText())
                .contains("judgement 0.67");
        assertThat($(Paragraph.class).withTestId("score-provisional").exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_work_is_shown_beside_the_key_and_a_wrong_framing_can_be_accepted() {
        navigate("review/" + attempt, ReviewView.class);
        assertThat($(Div.class).withAttribute("data-testid", "compare-article").all())
                .hasSize(2);
        assertThat($(ListItem.class).withAttribute("data-testid", "compare-item").all().stream()
                        .filter(i -> "wrong".equals(i.getElement().getAttribute("data-verdict")))
                        .count())
                .as("both framings are wrong")
                .isGreaterThanOrEqualTo(2);

        Div notes = $(Div.class).withTestId("compare-notes").single();
        assertThat($(Anchor.class, notes).exists())
                .as("an address is never a link")
                .isFalse();
        assertThat($(Span.class, notes)
                        .withTestId("compare-note-address")
                        .single()
                        .getText())
                .isEqualTo(ADDRESS);
        assertThat($(Div.class)
                        .withTestId("compare-judgement")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Trust the Daily Beast original most.");

        List<Button> accepts = $(Button.class)
                .withAttribute("data-testid", "accept-compare-framing")
                .all();
        assertThat(accepts).hasSize(2);
        test(accepts.getFirst()).click();
        assertThat(latestCause()).isEqualTo("key-amended");
        assertThat($(Button.class)
                        .withAttribute("data-testid", "accept-compare-framing")
                        .all())
                .as("that article's framing is accepted now")
                .hasSize(1);
    }

    /** The compare work beside its key on a Spanish page (DD034): labels, codes, verdicts, percentages, grading. */
    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_spanish_page_shows_the_comparison_beside_the_key_in_spanish() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("es-ES"));
        navigate("review/" + attempt, ReviewView.class);
        Div article = $(Div.class)
                .withAttribute("data-testid", "compare-article")
                .all()
                .getFirst();
        assertThat(article.getElement().getTextRecursively())
                .as("the grid score as Spanish writes a percentage, with a space before the sign")
                .containsPattern("Puntuación de la tabla de este artículo: \\d+\u00a0%")
                .contains("Enfoque del titular: matizado · clave: ")
                .contains("Fuentes con nombre: 1 · clave: ")
                .contains("Palabras cargadas")
                .doesNotContain("Headline framing")
                .doesNotContain("Grid score");
        assertThat($(ListItem.class, article)
                        .withAttribute("data-testid", "compare-item")
                        .withAttribute("data-verdict", "wrong")
                        .first()
                        .getElement()
                        .getTextRecursively())
                .startsWith("incorrecto");
        assertThat($(Button.class, article)
                        .withAttribute("data-testid", "accept-compare-framing")
                        .single()
                        .getText())
                .isEqualTo("Aceptar \u201cmatizado\u201d para este artículo");
        assertThat($(H3.class).all())
                .extracting(H3::getText)
                .contains("Afirmaciones por medio", "Lectura lateral", "Valoración", "Calificar la valoración")
                .doesNotContain("Claims by outlet", "Judgement");
        assertThat($(Div.class)
                        .withTestId("compare-notes")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Encontrado en: " + ADDRESS);
        assertThat($(Paragraph.class)
                        .withTestId("judgement-grade-state")
                        .single()
                        .getText())
                .startsWith("Aún sin calificar");
        assertThat($(Paragraph.class).withTestId("score-parts").single().getText())
                .as("the parts with a decimal comma")
                .containsPattern("^Tabla \\d,\\d\\d · cuadro ")
                .endsWith(" · valoración aún sin calificar");
        assertThat($(OrderedList.class)
                        .withTestId("score-history")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Puntuado al entregar")
                .doesNotContain("Scored on submission");
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_results_mark_the_score_provisional_and_the_rubric_can_be_edited() {
        navigate("results/" + lesson.id(), ResultsView.class);
        List<ResultsRows.Row> rows =
                ResultsRows.of($(Grid.class).withTestId("results-table").single());
        assertThat(rows).hasSize(1);
        Anchor score = rows.getFirst().get(Anchor.class, "step-score-compare-outlets");
        assertThat(score.getHref()).isEqualTo("review/" + attempt);
        assertThat(score.getElement().getAttribute("data-provisional")).isEqualTo("true");
        assertThat(rows.getFirst()
                        .get(Span.class, "step-score-provisional")
                        .getElement()
                        .getAttribute("title"))
                .isEqualTo("Provisional: judgement not graded yet");
        assertThat(rows.getFirst().find(Span.class, "lesson-score-provisional")).isPresent();

        Div editor = $(Div.class).withTestId("edit-rubric").single();
        assertThat($(TextField.class, editor).all()).hasSize(4);
        test($(Button.class, editor).withTestId("rubric-add-level").single()).click();
        $(TextField.class).withTestId("rubric-name-4").single().setValue("Outstanding");
        $(TextArea.class)
                .withTestId("rubric-descriptor-4")
                .single()
                .setValue("Weighs every outlet's relays and says what each can be trusted for.");
        $(TextField.class).withTestId("rubric-name-0").single().setValue("Not yet");
        test($(Button.class).withTestId("rubric-save").single()).click();
        List<LibraryPins.RubricLevel> rubric = assignments.judgementRubric(lesson.id());
        assertThat(rubric).hasSize(5);
        assertThat(rubric.getFirst().name()).isEqualTo("Not yet");
        assertThat(rubric.getLast().name()).isEqualTo("Outstanding");

        test($(Button.class).withTestId("rubric-remove-4").single()).click();
        test($(Button.class).withTestId("rubric-save").single()).click();
        assertThat(assignments.judgementRubric(lesson.id())).hasSize(4);
    }
}
