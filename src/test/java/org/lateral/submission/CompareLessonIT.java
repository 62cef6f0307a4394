package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryPins;
import org.lateral.security.NotYoursException;
import org.lateral.security.Role;
import org.lateral.submission.scoring.CompareScoring;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A compare-outlets lesson on two Defectors articles, Isegoria and War in Context (DD014, DD015):
 * submitted, it is scored without the judgement and says it is provisional; the teacher's rubric
 * grade makes it final; accepting a framing alternative re-scores every submitted attempt and the
 * results list it; withdrawing it gives the old score back; an override is carried forward; and
 * bad grades, unsubmitted work and another class's teacher change nothing.
 */
@LateralServerTest
class CompareLessonIT {

    /** The pack's story-set order (seeds/defectors/pack.yaml): 002 Isegoria, 003 War in Context. */
    static final int ISEGORIA = 2;

    static final int WAR_IN_CONTEXT = 3;

    @Autowired
    SubmissionService submissions;

    @Autowired
    CompareWorkService work;

    @Autowired
    GradingActions actions;

    @Autowired
    KeyAmendments keys;

    @Autowired
    ResultsService results;

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

    String teacher;
    OneTimeCredential ada;
    OneTimeCredential ben;
    AssignmentSummary lesson;
    UUID isegoria;
    UUID warInContext;
    UUID attempt;

    /**
     * Ada compares the two blogs: both framed "hedged" (the key says sensational, or neutral), both relays of
     * the Daily Beast, one matrix cell answered, a judgement written; she submits. Ben opens the
     * lesson and does not submit.
     */
    @BeforeEach
    void aSubmittedComparison() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "Ms Compare", Set.of(Role.TEACHER), "a long enough password");
        List<UUID> set = library.articlesOfStorySet(
                Schools.DEFAULT_SCHOOL_ID,
                library.storySetOfPack(Schools.DEFAULT_SCHOOL_ID, "defectors").orElseThrow());
        isegoria = set.get(ISEGORIA);
        warInContext = set.get(WAR_IN_CONTEXT);
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Media", "", "", "UTC"));
            List<OneTimeCredential> students = classroom.createStudents(media.id(), "Ada\nBen");
            ada = students.get(0);
            ben = students.get(1);
            lesson = assignments.assignMarkClaims(
                    media.id(),
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
        try (var s = SignedIn.as(users, ada.username())) {
            MarkingSession session = submissions.open(lesson.id()).orElseThrow();
            attempt = session.attemptId();
            for (UUID article : List.of(isegoria, warInContext)) {
                assertThat(work.saveGrid(
                                        attempt,
                                        new CompareItems.GridState(
                                                article.toString(),
                                                1,
                                                "hedged",
                                                1,
                                                1,
                                                "relay",
                                                List.of("The Daily Beast"),
                                                null,
                                                null))
                                .status())
                        .isEqualTo(SaveStatus.SAVED);
            }
            String claim = session.compare().claims().getFirst().id();
            assertThat(work.saveCell(
                                    attempt,
                                    new CompareItems.CellState(
                                            claim, isegoria.toString(), 1, "fact", null, null, null, null, null))
                            .status())
                    .isEqualTo(SaveStatus.SAVED);
            work.saveJudgement(
                    attempt,
                    new CompareItems.JudgementState(
                            1, "Isegoria for the spy's account, since it quotes him at length."));
            submissions.submit(attempt);
        }
        try (var s = SignedIn.as(users, ben.username())) {
            submissions.open(lesson.id()).orElseThrow();
        }
    }

    record Row(
            String exercise,
            double score,
            double computed,
            boolean overridden,
            String cause,
            boolean provisional,
            Double grid,
            Double matrix,
            Double judgement,
            UUID comparisonKey,
            UUID answerKey,
            int found,
            int missed,
            List<UUID> amendments) {}

    List<Row> rows(UUID attemptId) {
        return jdbc.sql("""
                SELECT exercise, score, computed, overridden, cause, provisional, grid_part, matrix_part,
                       judgement_part, comparison_key_version_id, key_version_id, found, missed, amendment_ids
                  FROM score WHERE attempt_id = :a ORDER BY position
                """)
                .param("a", attemptId)
                .query((rs, n) -> new Row(
                        rs.getString("exercise"),
                        rs.getDouble("score"),
                        rs.getDouble("computed"),
                        rs.getBoolean("overridden"),
                        rs.getString("cause"),
                        rs.getBoolean("provisional"),
                        part(rs.getBigDecimal("grid_part")),
                        part(rs.getBigDecimal("matrix_part")),
                        part(rs.getBigDecimal("judgement_part")),
                        rs.getObject("comparison_key_version_id", UUID.class),
                        rs.getObject("key_version_id", UUID.class),
                        rs.getInt("found"),
                        rs.getInt("missed"),
                        List.of((UUID[]) rs.getArray("amendment_ids").getArray())))
                .list();
    }

    static Double part(java.math.@org.jspecify.annotations.Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    Row latest() {
        return rows(attempt).getLast();
    }

    UUID pinnedComparisonKey() {
        return jdbc.sql("SELECT comparison_key_version_id FROM lesson_step WHERE assignment_id = :a")
                .param("a", lesson.id())
                .query(UUID.class)
                .single();
    }

    int grades() {
        return jdbc.sql("SELECT count(*) FROM judgement_grade WHERE attempt_id = :a")
                .param("a", attempt)
                .query(Integer.class)
                .single();
    }

    Results.StepResult compareStep() {
        try (var s = SignedIn.as(users, teacher)) {
            return results.results(lesson.id()).orElseThrow().students().stream()
                    .filter(r -> r.displayName().equals("Ada"))
                    .findFirst()
                    .orElseThrow()
                    .steps()
                    .getFirst();
        }
    }

    @Test
    void a_submitted_comparison_is_scored_without_the_judgement_and_says_it_is_provisional() {
        List<Row> rows = rows(attempt);
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.exercise()).isEqualTo("compare-outlets");
        assertThat(row.cause()).isEqualTo("submitted");
        assertThat(row.provisional()).isTrue();
        assertThat(row.judgement()).isNull();
        assertThat(row.grid()).isBetween(0.0, 1.0);
        assertThat(row.matrix()).isNotNull();
        assertThat(row.comparisonKey()).isEqualTo(pinnedComparisonKey());
        assertThat(row.answerKey()).isNull();
        // Provisional: the grid and matrix weights scaled up to sum to 1 (DD014).
        double expected = Math.round(1000
                        * (CompareScoring.GRID_WEIGHT * row.grid() + CompareScoring.MATRIX_WEIGHT * row.matrix())
                        / (CompareScoring.GRID_WEIGHT + CompareScoring.MATRIX_WEIGHT))
                / 10.0;
        assertThat(row.score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.11));
        // Found and missed count the matrix's cells: every core claim × both articles.
        int claims = jdbc.sql("SELECT count(*) FROM comparison_core_claim WHERE version_id = :v")
                .param("v", pinnedComparisonKey())
                .query(Integer.class)
                .single();
        assertThat(row.found() + row.missed()).isEqualTo(2 * claims);

        Results.StepResult step = compareStep();
        assertThat(step.exercise()).isEqualTo(NewStep.COMPARE_OUTLETS);
        assertThat(step.counted()).isNotNull();
        assertThat(step.counted().provisional()).isTrue();
        assertThat(step.counted().compare().grid()).isEqualTo(row.grid());
    }

    @Test
    void grading_the_judgement_makes_the_score_final_and_a_later_grade_replaces_it() {
        Row submitted = latest();
        try (var s = SignedIn.as(users, teacher)) {
            actions.gradeJudgement(attempt, 2);
        }
        Row graded = latest();
        assertThat(graded.cause()).isEqualTo("judgement-graded");
        assertThat(graded.provisional()).isFalse();
        assertThat(graded.judgement()).isEqualTo(0.667);
        assertThat(graded.grid()).isEqualTo(submitted.grid());
        double expected = Math.round(1000
                        * (CompareScoring.GRID_WEIGHT * graded.grid()
                                + CompareScoring.MATRIX_WEIGHT * graded.matrix()
                                + CompareScoring.JUDGEMENT_WEIGHT * 2 / 3.0))
                / 10.0;
        assertThat(graded.score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.11));
        assertThat(compareStep().counted().provisional()).isFalse();

        try (var s = SignedIn.as(users, teacher)) {
            actions.gradeJudgement(attempt, 3);
        }
        assertThat(latest().judgement()).isEqualTo(1.0);
        assertThat(latest().score()).isGreaterThan(graded.score());
        assertThat(grades()).as("every grade stays in the history").isEqualTo(2);
        assertThat(rows(attempt))
                .extracting(Row::cause)
                .containsExactly("submitted", "judgement-graded", "judgement-graded");
    }

    @Test
    void accepting_a_framing_rescores_at_once_the_results_list_it_and_withdrawing_gives_the_score_back() {
        Row before = latest();
        UUID amendment;
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(keys.acceptCompareFraming(lesson.id(), warInContext, CompareScoring.Framing.HEDGED))
                    .as("submitted attempts re-scored")
                    .isEqualTo(1);
            Results after = results.results(lesson.id()).orElseThrow();
            KeyAmendment accepted = after.amendments().getFirst();
            assertThat(accepted.kind()).isEqualTo(KeyAmendment.Kind.COMPARE_FRAMING);
            assertThat(accepted.articleId()).isEqualTo(warInContext);
            assertThat(accepted.category()).isEqualTo("hedged");
            assertThat(after.articleName(warInContext)).isEqualTo("War in Context");
            amendment = accepted.id();
            assertThatThrownBy(
                            () -> keys.acceptCompareFraming(lesson.id(), warInContext, CompareScoring.Framing.HEDGED))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("accepts that framing");
        }
        Row amended = latest();
        assertThat(amended.cause()).isEqualTo("key-amended");
        assertThat(amended.amendments()).containsExactly(amendment);
        // One of two articles' framing (0.15 of its grid) turns right: the grid gains 0.075.
        assertThat(amended.grid()).isCloseTo(before.grid() + 0.075, org.assertj.core.data.Offset.offset(0.002));
        assertThat(amended.score()).isGreaterThan(before.score());

        try (var s = SignedIn.as(users, teacher)) {
            assertThat(keys.withdrawAmendment(lesson.id(), amendment)).isEqualTo(1);
            assertThat(results.results(lesson.id()).orElseThrow().amendments()).isEmpty();
        }
        assertThat(latest().score()).isEqualTo(before.score());
        assertThat(latest().amendments()).isEmpty();
    }

    @Test
    void accepting_a_cell_and_a_reporting_category_changes_those_items() {
        String claim;
        try (var s = SignedIn.as(users, ada.username())) {
            claim = submissions
                    .open(lesson.id())
                    .orElseThrow()
                    .compare()
                    .claims()
                    .getFirst()
                    .id();
        }
        Row before = latest();
        try (var s = SignedIn.as(users, teacher)) {
            TeacherReview review = results.review(attempt).orElseThrow();
            CompareReview.Cell cell =
                    review.compare().review().matrix().getFirst().cells().getFirst();
            assertThat(cell.column().articleId()).isEqualTo(isegoria);
            assertThat(cell.carriage().given()).isEqualTo("fact");
            if (cell.carriage().verdict() == CompareScoring.Verdict.RIGHT) {
                // The key already takes "fact" here: nothing to accept, and the teacher is told so.
                assertThatThrownBy(() ->
                                keys.acceptCompareCarriage(lesson.id(), claim, isegoria, CompareScoring.Carriage.FACT))
                        .isInstanceOf(UserFacingException.class);
            } else {
                keys.acceptCompareCarriage(lesson.id(), claim, isegoria, CompareScoring.Carriage.FACT);
                assertThat(latest().found()).isEqualTo(before.found() + 1);
                assertThat(latest().matrix()).isGreaterThan(before.matrix());
            }
            CompareReview.ArticleReview isegoriaGrid = results.review(attempt)
                    .orElseThrow()
                    .compare()
                    .review()
                    .articles()
                    .getFirst();
            assertThat(isegoriaGrid.reporting().given()).isEqualTo("relay");
            CompareScoring.Reporting other = CompareScoring.Reporting.MIXED;
            if (!isegoriaGrid.reporting().key().equals("mixed")
                    && !isegoriaGrid.reporting().alsoAccepted().contains("mixed")) {
                keys.acceptCompareReporting(lesson.id(), isegoria, other);
                assertThat(results.results(lesson.id()).orElseThrow().amendments())
                        .extracting(KeyAmendment::kind)
                        .contains(KeyAmendment.Kind.COMPARE_REPORTING);
            }
            assertThatThrownBy(() ->
                            keys.acceptCompareCarriage(lesson.id(), "nope", isegoria, CompareScoring.Carriage.ABSENT))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("not one of the story’s claims");
        }
    }

    @Test
    void an_override_is_carried_forward_when_the_judgement_is_graded_and_can_be_cleared() {
        try (var s = SignedIn.as(users, teacher)) {
            actions.override(attempt, 55.0, "Good reading of the relays.");
            assertThat(latest().score()).isEqualTo(55.0);
            assertThat(latest().overridden()).isTrue();
            actions.gradeJudgement(attempt, 3);
            Row graded = latest();
            assertThat(graded.cause()).isEqualTo("judgement-graded");
            assertThat(graded.overridden()).isTrue();
            assertThat(graded.score()).as("the teacher's score stays").isEqualTo(55.0);
            assertThat(graded.computed()).isNotEqualTo(55.0);
            assertThat(graded.provisional()).isFalse();
            actions.override(attempt, null, "");
            assertThat(latest().overridden()).isFalse();
            assertThat(latest().score()).isEqualTo(graded.computed());
        }
    }

    @Test
    void a_level_outside_the_rubric_unsubmitted_work_and_another_classs_teacher_change_nothing() {
        int rowsBefore = rows(attempt).size();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> actions.gradeJudgement(attempt, 4))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("from 0 to 3");
            assertThatThrownBy(() -> actions.gradeJudgement(attempt, -1)).isInstanceOf(UserFacingException.class);
        }
        UUID bens;
        try (var s = SignedIn.as(users, ben.username())) {
            bens = submissions.open(lesson.id()).orElseThrow().attemptId();
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> actions.gradeJudgement(bens, 1))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("not submitted");
        }
        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, other, "Mr Elsewhere", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, other)) {
            classroom.createClass(new NewClass("Other media", "", "", "UTC"));
            assertThatThrownBy(() -> actions.gradeJudgement(attempt, 1))
                    .isInstanceOfAny(AccessDeniedException.class, NotYoursException.class);
            assertThatThrownBy(
                            () -> keys.acceptCompareFraming(lesson.id(), warInContext, CompareScoring.Framing.HEDGED))
                    .isInstanceOfAny(AccessDeniedException.class, NotYoursException.class);
        }
        assertThat(grades()).isZero();
        assertThat(rows(attempt)).hasSize(rowsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM key_amendment WHERE assignment_id = :a")
                        .param("a", lesson.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_lesson_score_counts_a_provisional_compare_score_and_says_so() {
        try (var s = SignedIn.as(users, teacher)) {
            Results.StudentResult row = results.results(lesson.id()).orElseThrow().students().stream()
                    .filter(r -> r.displayName().equals("Ada"))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.lessonScore()).isEqualTo(latest().score());
            assertThat(row.lessonProvisional()).isTrue();
            actions.gradeJudgement(attempt, 1);
            Results.StudentResult graded = results.results(lesson.id()).orElseThrow().students().stream()
                    .filter(r -> r.displayName().equals("Ada"))
                    .findFirst()
                    .orElseThrow();
            assertThat(graded.lessonProvisional()).isFalse();
            assertThat(graded.lessonScore()).isEqualTo(latest().score());
        }
    }
}
