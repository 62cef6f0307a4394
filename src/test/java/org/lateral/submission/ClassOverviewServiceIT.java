package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.StatementCounter;
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The class overview's numbers on a small fixed class, each worked out by hand in the comments:
 * four students, two assignments, scores set by the teacher's overrides so they are exact.
 */
@LateralServerTest
class ClassOverviewServiceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    GradingActions actions;

    @Autowired
    ClassOverviewService overviews;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResultsService results;

    @TempDir
    Path temp;

    String teacher;
    String otherTeacher;
    ClassDetail media;
    AssignmentSummary first;
    AssignmentSummary second;
    String adaName;

    /**
     * First assignment (revision allowed): Ada 40 then revises to 70, Ben 60, Cy 90, Dee never
     * opens it. Second assignment: Ada submits (50), Ben opens it, Cy and Dee do not; its due date
     * then moves to just before Ada submitted, so she is late and the others missing.
     */
    @BeforeEach
    void aClassOfFourWithTwoAssignments() throws IOException {
        UUID school = fixtures.schoolWithOwnPack("Overview school", temp);
        teacher = fixtures.teacher(school, "overview");
        otherTeacher = fixtures.teacher(school, "other");
        List<OneTimeCredential> students;
        try (var s = SignedIn.as(users, teacher)) {
            media = classroom.createClass(new NewClass("Media 9", "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBen\nCy\nDee");
            first = fixtures.frisky(media.id(), 3, true);
            second = fixtures.frisky(media.id(), 4, false);
        }
        OneTimeCredential ada = students.get(0);
        adaName = ada.username();
        OneTimeCredential ben = students.get(1);
        OneTimeCredential cy = students.get(2);
        UUID ada1 = submitted(ada, first);
        UUID ben1 = submitted(ben, first);
        UUID cy1 = submitted(cy, first);
        override(ada1, 40);
        override(ben1, 60);
        override(cy1, 90);
        UUID ada2;
        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(first.id());
        }
        ada2 = submitted(ada, first);
        override(ada2, 70);

        UUID adaSecond = submitted(ada, second);
        override(adaSecond, 50);
        try (var s = SignedIn.as(users, ben.username())) {
            submissions.open(second.id()).orElseThrow();
        }
        jdbc.sql("""
                UPDATE assignment
                   SET due_at = (SELECT submitted_at FROM attempt WHERE id = :attempt) - interval '1 second',
                       open_at = (SELECT submitted_at FROM attempt WHERE id = :attempt) - interval '2 days'
                 WHERE id = :a
                """).param("attempt", adaSecond).param("a", second.id()).update();
    }

    private UUID submitted(OneTimeCredential who, AssignmentSummary assignment) {
        return SubmittedWork.headline(submissions, users, who.username(), assignment.id(), "hedged");
    }

    private void override(UUID attemptId, double score) {
        try (var s = SignedIn.as(users, teacher)) {
            actions.override(attemptId, score, "Set for the overview test.");
        }
    }

    private ClassOverview overview() {
        try (var s = SignedIn.as(users, teacher)) {
            return overviews.overview(media.id()).orElseThrow();
        }
    }

    private static ClassOverview.AssignmentOverview row(ClassOverview o, AssignmentSummary a) {
        return o.assignments().stream()
                .filter(r -> r.assignmentId().equals(a.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void completion_counts_use_the_results_pages_statuses() {
        ClassOverview o = overview();
        assertThat(o.students()).isEqualTo(4);
        ClassOverview.AssignmentOverview one = row(o, first);
        assertThat(one.count(SubmissionStatus.SUBMITTED)).isEqualTo(3);
        assertThat(one.count(SubmissionStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(one.given()).isEqualTo(4);
        ClassOverview.AssignmentOverview two = row(o, second);
        assertThat(two.count(SubmissionStatus.LATE))
                .as("Ada, after the moved due date")
                .isEqualTo(1);
        assertThat(two.count(SubmissionStatus.MISSING))
                .as("Ben opened it, Cy and Dee did not")
                .isEqualTo(3);
        assertThat(two.count(SubmissionStatus.IN_PROGRESS)).isZero();
        // 3 + 1 submitted of 8 lessons given: 50 %.
        assertThat(o.submittedLessons()).isEqualTo(4);
        assertThat(o.givenLessons()).isEqualTo(8);
        assertThat(o.completionPercent()).isEqualTo(50);
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(results.results(second.id()).orElseThrow().students())
                    .as("the results page counts the same")
                    .extracting(Results.StudentResult::status)
                    .containsExactlyInAnyOrder(
                            SubmissionStatus.LATE,
                            SubmissionStatus.MISSING,
                            SubmissionStatus.MISSING,
                            SubmissionStatus.MISSING);
        }
    }

    @Test
    void step_scores_spread_and_the_revision_gain_are_the_hand_computed_ones() {
        ClassOverview.AssignmentOverview one = row(overview(), first);
        ClassOverview.StepOverview claims = one.steps().getFirst();
        // Counted scores: Ada 70 (her revision), Ben 60, Cy 90. Sorted 60 | 70 | 90.
        assertThat(claims.scores()).isEqualTo(new ScoreStatistics.Spread(3, 60, 60, 70, 90, 90));
        // Only Ada revised: 70 - 40 = 30.
        assertThat(claims.revised()).isEqualTo(1);
        assertThat(claims.medianGain()).isEqualTo(30.0);
        assertThat(one.lessonMedian()).isEqualTo(70.0);

        ClassOverview.AssignmentOverview two = row(overview(), second);
        assertThat(two.steps().getFirst().scores()).isEqualTo(new ScoreStatistics.Spread(1, 50, 50, 50, 50, 50));
        assertThat(two.steps().getFirst().medianGain()).isNull();
        assertThat(two.steps().getFirst().revised()).isZero();
    }

    @Test
    void the_assignment_twenty_points_below_the_other_is_flagged_and_the_other_is_not() {
        ClassOverview o = overview();
        // Second: median 50, the other's median 70: 20 points lower, at least 15.
        assertThat(row(o, second).notablyLower()).isTrue();
        assertThat(row(o, second).usualMedian()).isEqualTo(70.0);
        assertThat(row(o, first).notablyLower()).isFalse();
        assertThat(row(o, first).usualMedian()).isEqualTo(50.0);
    }

    @Test
    void another_teacher_of_the_school_gets_nothing_and_a_student_of_the_class_is_refused() {
        try (var s = SignedIn.as(users, otherTeacher)) {
            assertThat(overviews.overview(media.id()))
                    .as("refused by @TeacherOfClass, answered like a missing class")
                    .isEmpty();
        }
        try (var s = SignedIn.as(users, adaName)) {
            assertThatThrownBy(() -> overviews.overview(media.id())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void an_assignment_that_opens_later_is_listed_but_not_counted_as_given() {
        AssignmentSummary later;
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            later = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            LocalDate.now().plusDays(5),
                            LocalDate.now().plusDays(9),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false));
        }
        ClassOverview o = overview();
        assertThat(row(o, later).open()).isFalse();
        assertThat(row(o, first).open()).isTrue();
        // Still 4 of 8: the four students' lessons of the later one are not given yet.
        assertThat(o.givenLessons()).isEqualTo(8);
        assertThat(o.submittedLessons()).isEqualTo(4);
    }

    @Test
    void the_statements_grow_with_assignments_not_with_students() {
        StatementCounter.Counted<ClassOverview> full;
        StatementCounter.Counted<ClassOverview> small;
        ClassDetail tiny;
        AssignmentSummary a;
        AssignmentSummary b;
        try (var s = SignedIn.as(users, teacher)) {
            tiny = classroom.createClass(new NewClass("Tiny", "", "", "UTC"));
            List<OneTimeCredential> one = classroom.createStudents(tiny.id(), "Eve");
            a = fixtures.frisky(tiny.id(), 3, false);
            b = fixtures.frisky(tiny.id(), 3, false);
            assertThat(one).hasSize(1);
        }
        try (var s = SignedIn.as(users, teacher)) {
            full = StatementCounter.count(() -> overviews.overview(media.id()).orElseThrow());
            small = StatementCounter.count(() -> overviews.overview(tiny.id()).orElseThrow());
        }
        assertThat(full.value().assignments()).hasSize(2);
        assertThat(small.value().assignments())
                .extracting(ClassOverview.AssignmentOverview::assignmentId)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(full.statements())
                .as("four students with scores against one without (%d statements)", small.statements())
                .isLessThanOrEqualTo(small.statements() + 2);
    }
}
