package org.lateral.submission.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.lateral.base.highlighter.MarkState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The results of a lesson of two steps (DD013): a score column per step, each opening the attempt
 * its score comes from, and the lesson score with the weighting said in words.
 */
@LateralTest
class LessonResultsViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "lesson-results-teacher";

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

    AssignmentSummary lesson;
    UUID claimsAttempt;
    UUID sourcesAttempt;

    /** Ada submits both steps; Ben has not started. "Who says so?" counts three times. */
    @BeforeEach
    void aLessonWithOneStudentThroughBothSteps() {
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, TEACHER, "Ms Lesson", Set.of(Role.TEACHER), "a long enough password");
        OneTimeCredential ada;
        try (var s = SignedIn.as(users, TEACHER)) {
            ClassDetail media = classroom.createClass(
                    new NewClass("Media " + UUID.randomUUID().toString().substring(0, 4), "", "", "UTC"));
            List<OneTimeCredential> students = classroom.createStudents(media.id(), "Ada\nBen");
            ada = students.getFirst();
            UUID frisky = library.articles("frisky").getFirst().articleId();
            lesson = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(3),
                            false,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(
                                    NewStep.of(NewStep.MARK_CLAIMS),
                                    new NewStep(NewStep.IDENTIFY_SOURCES, new BigDecimal("3")))));
        }
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession claims = submissions.open(lesson.id()).orElseThrow();
            claimsAttempt = claims.attemptId();
            String said = "a source told The Daily Mail";
            int at = claims.text().indexOf(said);
            submissions.saveMark(
                    claimsAttempt,
                    new MarkState(UUID.randomUUID(), 1, at, at + said.length(), said, "", "", "attributed", false));
            submissions.submit(claimsAttempt);
            MarkingSession sources = submissions.open(lesson.id()).orElseThrow();
            sourcesAttempt = sources.attemptId();
            submissions.submit(sourcesAttempt);
        }
    }

    private ResultsRows.Row row(String displayName) {
        return ResultsRows.of($(Grid.class).withTestId("results-table").single()).stream()
                .filter(r -> r.text().contains(displayName))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void each_step_has_a_score_column_opening_its_attempt_and_the_lesson_score_is_explained() {
        navigate("results/" + lesson.id(), ResultsView.class);
        assertThat(ResultsRows.headers($(Grid.class).withTestId("results-table").single()))
                .contains("Claims")
                .contains("Sources")
                .contains("Lesson score")
                .doesNotContain("Attempt 1")
                .doesNotContain("Gain");
        assertThat($(Paragraph.class).withTestId("lesson-weighting").single().getText())
                .contains("weighted mean of the step scores")
                .contains("Claims \u00d71")
                .contains("Sources \u00d73");

        ResultsRows.Row ada = row("Ada");
        Anchor claims = ada.get(Anchor.class, "step-score-mark-claims");
        Anchor sources = ada.get(Anchor.class, "step-score-identify-sources");
        assertThat(claims.getHref()).isEqualTo("review/" + claimsAttempt);
        assertThat(sources.getHref()).isEqualTo("review/" + sourcesAttempt);
        assertThat(claims.getText()).matches("\\d+(\\.\\d)?");
        assertThat(sources.getText()).matches("\\d+(\\.\\d)?");
        double lessonScore = (Double.parseDouble(claims.getText()) + 3 * Double.parseDouble(sources.getText())) / 4;
        assertThat(Double.parseDouble(ada.get(Span.class, "lesson-score").getText()))
                .isCloseTo(lessonScore, org.assertj.core.data.Offset.offset(0.1));

        assertThat($(Paragraph.class).withTestId("results-summary").single().getText())
                .contains("1 of 2 submitted")
                .contains("average lesson score: ");

        ResultsRows.Row ben = row("Ben");
        assertThat(ben.find(Anchor.class, "step-score-mark-claims")).isEmpty();
        assertThat(ben.get(Span.class, "lesson-score").getText()).isEmpty();
    }

    @Test
    @WithUserDetails(value = TEACHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_results_page_offers_the_three_exports_as_downloads() {
        navigate("results/" + lesson.id(), ResultsView.class);
        for (String id : java.util.List.of("export-scores-csv", "export-items-csv", "export-annotations")) {
            com.vaadin.flow.component.html.Anchor link = $(com.vaadin.flow.component.html.Anchor.class)
                    .withTestId(id)
                    .single();
            assertThat(link.getHref()).as(id).isNotBlank();
            assertThat(link.getText()).as(id).isNotBlank();
        }
    }
}
