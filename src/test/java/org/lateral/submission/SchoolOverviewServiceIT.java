package org.lateral.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
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
import org.lateral.assignment.NewStep;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The school view's numbers on a small fixed school, worked out by hand in the comments: two
 * classes of two teachers, scores set by overrides so they are exact; and who may see it.
 */
@LateralServerTest
class SchoolOverviewServiceIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    GradingActions actions;

    @Autowired
    SchoolOverviewService schools;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    String admin;
    String otherAdmin;
    String teacher;
    String studentName;
    ClassDetail media;
    ClassDetail civics;
    UUID otherClass;

    /**
     * Media 9 (first teacher, Ada, Ben, Cy, Dee): the first assignment allows a revision; Ada 40
     * then 70, Ben 60, Cy 90, Dee nothing. The second: Ada 50, then its due date moves before her
     * submission (late); the others miss it. Civics (second teacher, Eve, Fay): one assignment,
     * Eve 80, Fay nothing. Another school has a class of its own.
     */
    @BeforeEach
    void aSchoolOfTwoClasses() throws IOException {
        UUID school = fixtures.schoolWithOwnPack("School view school", temp);
        admin = fixtures.admin(school, "admin");
        teacher = fixtures.teacher(school, "media");
        String civicsTeacher = fixtures.teacher(school, "civics");
        UUID elsewhere = fixtures.school("Another school");
        otherAdmin = fixtures.admin(elsewhere, "elsewhere-admin");
        String elsewhereTeacher = fixtures.teacher(elsewhere, "elsewhere");
        try (var s = SignedIn.as(users, elsewhereTeacher)) {
            otherClass = classroom
                    .createClass(new NewClass("Elsewhere 1", "", "", "UTC"))
                    .id();
            classroom.createStudents(otherClass, "Gus");
        }
        List<OneTimeCredential> mediaStudents;
        AssignmentSummary first;
        AssignmentSummary second;
        try (var s = SignedIn.as(users, teacher)) {
            media = classroom.createClass(new NewClass("Media 9", "", "", "UTC"));
            mediaStudents = classroom.createStudents(media.id(), "Ada\nBen\nCy\nDee");
            first = assign(media, true);
            second = assign(media, false);
        }
        List<OneTimeCredential> civicsStudents;
        AssignmentSummary only;
        try (var s = SignedIn.as(users, civicsTeacher)) {
            civics = classroom.createClass(new NewClass("Civics", "", "", "UTC"));
            civicsStudents = classroom.createStudents(civics.id(), "Eve\nFay");
            only = assign(civics, false);
        }
        OneTimeCredential ada = mediaStudents.get(0);
        studentName = ada.username();
        override(teacher, submitted(ada, first), 40);
        override(teacher, submitted(mediaStudents.get(1), first), 60);
        override(teacher, submitted(mediaStudents.get(2), first), 90);
        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(first.id());
        }
        override(teacher, submitted(ada, first), 70);
        UUID adaSecond = submitted(ada, second);
        override(teacher, adaSecond, 50);
        jdbc.sql("""
                UPDATE assignment
                   SET due_at = (SELECT submitted_at FROM attempt WHERE id = :attempt) - interval '1 second',
                       open_at = (SELECT submitted_at FROM attempt WHERE id = :attempt) - interval '2 days'
                 WHERE id = :a
                """).param("attempt", adaSecond).param("a", second.id()).update();
        override(civicsTeacher, submitted(civicsStudents.get(0), only), 80);
    }

    private AssignmentSummary assign(ClassDetail schoolClass, boolean revision) {
        return fixtures.frisky(schoolClass.id(), 3, revision);
    }

    private UUID submitted(OneTimeCredential who, AssignmentSummary assignment) {
        return SubmittedWork.headline(submissions, users, who.username(), assignment.id(), "hedged");
    }

    private void override(String by, UUID attemptId, double score) {
        try (var s = SignedIn.as(users, by)) {
            actions.override(attemptId, score, "Set for the school view test.");
        }
    }

    private SchoolOverview overview() {
        try (var s = SignedIn.as(users, admin)) {
            return schools.overview();
        }
    }

    private static SchoolOverview.ClassRow row(SchoolOverview o, ClassDetail c) {
        return o.classes().stream()
                .filter(r -> r.classId().equals(c.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void completion_per_class_and_school_counts_as_the_class_overview_does() {
        SchoolOverview o = overview();
        assertThat(o.schoolName()).isEqualTo("School view school");
        assertThat(o.classes()).extracting(SchoolOverview.ClassRow::name).containsExactly("Civics", "Media 9");
        SchoolOverview.ClassRow m = row(o, media);
        assertThat(m.students()).isEqualTo(4);
        assertThat(m.assignments()).isEqualTo(2);
        // First: Ada, Ben, Cy submitted, Dee not started. Second: Ada late, the three others missing.
        assertThat(m.count(SubmissionStatus.SUBMITTED)).isEqualTo(3);
        assertThat(m.count(SubmissionStatus.LATE)).isEqualTo(1);
        assertThat(m.count(SubmissionStatus.MISSING)).isEqualTo(3);
        assertThat(m.count(SubmissionStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(m.completionPercent()).as("4 of 8").isEqualTo(50);
        SchoolOverview.ClassRow c = row(o, civics);
        assertThat(c.submitted()).isEqualTo(1);
        assertThat(c.given()).isEqualTo(2);
        assertThat(c.teacherName()).isEqualTo("Teacher civics");
        // The school: 4 + 1 submitted of 8 + 2 given.
        assertThat(o.submittedLessons()).isEqualTo(5);
        assertThat(o.givenLessons()).isEqualTo(10);
        assertThat(o.completionPercent()).isEqualTo(50);
    }

    @Test
    void average_scores_and_gains_per_exercise_are_the_hand_computed_ones() {
        SchoolOverview o = overview();
        SchoolOverview.ExerciseFigures media9 = row(o, media).exercise(NewStep.MARK_CLAIMS);
        // Counted: Ada 70 (revised) and 50, Ben 60, Cy 90: (70 + 50 + 60 + 90) / 4 = 67.5.
        assertThat(media9.scored()).isEqualTo(4);
        assertThat(media9.meanScore()).isEqualTo(67.5);
        // Only Ada revised: 70 - 40 = 30.
        assertThat(media9.revised()).isEqualTo(1);
        assertThat(media9.meanGain()).isEqualTo(30.0);
        SchoolOverview.ExerciseFigures civics9 = row(o, civics).exercise(NewStep.MARK_CLAIMS);
        assertThat(civics9.meanScore()).isEqualTo(80.0);
        assertThat(civics9.meanGain()).isNull();
        // The school: (270 + 80) / 5 = 70; the one revision's gain, 30.
        SchoolOverview.ExerciseFigures claims = o.exercises().getFirst();
        assertThat(claims.exercise()).isEqualTo(NewStep.MARK_CLAIMS);
        assertThat(claims.scored()).isEqualTo(5);
        assertThat(claims.meanScore()).isEqualTo(70.0);
        assertThat(claims.meanGain()).isEqualTo(30.0);
        assertThat(o.exercises())
                .as("the kinds nobody used are there, empty")
                .extracting(SchoolOverview.ExerciseFigures::exercise)
                .containsExactly(NewStep.MARK_CLAIMS, NewStep.IDENTIFY_SOURCES, NewStep.COMPARE_OUTLETS);
        assertThat(o.exercises().get(1).scored()).isZero();
        assertThat(o.exercises().get(1).meanScore()).isNull();
    }

    @Test
    void an_admin_sees_only_their_school_and_teachers_and_students_are_refused() {
        try (var s = SignedIn.as(users, otherAdmin)) {
            SchoolOverview elsewhere = schools.overview();
            assertThat(elsewhere.schoolName()).isEqualTo("Another school");
            assertThat(elsewhere.classes())
                    .extracting(SchoolOverview.ClassRow::classId)
                    .containsExactly(otherClass);
        }
        assertThat(overview().classes())
                .extracting(SchoolOverview.ClassRow::classId)
                .doesNotContain(otherClass);
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> schools.overview()).isInstanceOf(AccessDeniedException.class);
        }
        try (var s = SignedIn.as(users, studentName)) {
            assertThatThrownBy(() -> schools.overview()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void an_archived_class_leaves_the_school_view() {
        jdbc.sql("UPDATE class SET archived_at = now() WHERE id = :c")
                .param("c", civics.id())
                .update();
        SchoolOverview o = overview();
        assertThat(o.classes()).extracting(SchoolOverview.ClassRow::name).containsExactly("Media 9");
        assertThat(o.givenLessons()).isEqualTo(8);
    }

    @Test
    void the_statements_do_not_grow_with_classes_or_students() {
        StatementCounter.Counted<SchoolOverview> before = StatementCounter.count(this::overview);
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail more = classroom.createClass(new NewClass("Media 10", "", "", "UTC"));
            classroom.createStudents(more.id(), "Hal\nIda\nJo");
            assign(more, false);
            assign(more, false);
        }
        StatementCounter.Counted<SchoolOverview> after = StatementCounter.count(this::overview);
        assertThat(after.value().classes()).hasSize(3);
        assertThat(after.statements()).isEqualTo(before.statements());
    }
}
