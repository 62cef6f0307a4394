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
import org.lateral.assignment.AssignmentService;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.assignment.FeedbackPolicy;
import org.lateral.assignment.NewAssignment;
import org.lateral.assignment.NewStep;
import org.lateral.assignment.SubmissionStatus;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SourceState;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.classroom.RosterEntry;
import org.lateral.library.ClaimType;
import org.lateral.library.LibraryService;
import org.lateral.library.SourceKind;
import org.lateral.submission.WorkTallies.Tally;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One student's work across assignments on a small fixed class, every number worked out by hand
 * from the Frisky key of the test pack: 26 key claims, filed under their first type in the
 * taxonomy's order as 2 factual, 7 attributed, 5 hedged, 6 speculation and 6 opinion. The headline
 * (c01: hedged or attributed, filed as attributed) and the Daily Mail sentence (c05: attributed)
 * are the claims marked.
 *
 * <ul>
 *   <li>First (revision allowed): Pupil A marks the headline as hedged (found, right), scored 40 by
 *       the teacher; she revises, adds the Daily Mail sentence as factual (found, wrong type),
 *       scored 70, and gets a comment.
 *   <li>Second (no revision): Pupil A marks both, hedged and attributed (both right), scored 80.
 *   <li>Third (revision allowed, open): Pupil A marks the headline as attributed (right) and does not
 *       revise yet, so its feedback shows only hints and her progress page leaves it out.
 *   <li>Pupil B marks the headline of the first as factual (found, wrong type) and has not revised.
 * </ul>
 */
@LateralServerTest
class StudentWorkServiceIT {

    static final String DAILY_MAIL = GradingIT.SOURCE;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SubmissionService submissions;

    @Autowired
    FeedbackService feedback;

    @Autowired
    GradingActions actions;

    @Autowired
    StudentWorkService work;

    @Autowired
    SourceWorkService sourceWork;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ClassroomService classroom;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @TempDir
    Path temp;

    String teacher;
    String otherTeacher;
    ClassDetail media;
    AssignmentSummary first;
    AssignmentSummary second;
    AssignmentSummary third;
    OneTimeCredential ada;
    OneTimeCredential ben;
    UUID adaId;
    UUID benId;
    UUID strangerId;
    UUID adaFirst1;
    UUID adaFirst2;

    @BeforeEach
    void aClassWithThreeAssignments() throws IOException {
        UUID school = fixtures.schoolWithOwnPack("Drill-down school", temp);
        teacher = fixtures.teacher(school, "drill");
        otherTeacher = fixtures.teacher(school, "drill-other");
        List<OneTimeCredential> students;
        try (var s = SignedIn.as(users, teacher)) {
            media = classroom.createClass(new NewClass("Media 10", "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Pupil A\nPupil B");
            UUID frisky = library.articles("frisky").getFirst().articleId();
            first = assign(frisky, 3, true);
            second = assign(frisky, 4, false);
            third = assign(frisky, 5, true);
            media = classroom.classDetail(media.id()).orElseThrow();
        }
        try (var s = SignedIn.as(users, otherTeacher)) {
            ClassDetail other = classroom.createClass(new NewClass("Other 10", "", "", "UTC"));
            classroom.createStudents(other.id(), "Stranger");
            strangerId = classroom
                    .classDetail(other.id())
                    .orElseThrow()
                    .roster()
                    .getFirst()
                    .studentId();
        }
        ada = students.get(0);
        ben = students.get(1);
        adaId = idOf(ada);
        benId = idOf(ben);

        adaFirst1 = submitted(ada, first, mark(GradingIT.HEADLINE, "hedged"));
        override(adaFirst1, 40);
        try (var s = SignedIn.as(users, ada.username())) {
            feedback.startRevision(first.id());
        }
        // Attempt 2 starts from a copy of attempt 1's marks: the headline is there already.
        adaFirst2 = submitted(ada, first, mark(DAILY_MAIL, "factual"));
        override(adaFirst2, 70);
        try (var s = SignedIn.as(users, teacher)) {
            actions.comment(adaFirst2, "Who told the Daily Mail? Look at that sentence again.");
        }
        UUID adaSecond = submitted(ada, second, mark(GradingIT.HEADLINE, "hedged"), mark(DAILY_MAIL, "attributed"));
        override(adaSecond, 80);
        submitted(ada, third, mark(GradingIT.HEADLINE, "attributed"));
        submitted(ben, first, mark(GradingIT.HEADLINE, "factual"));
    }

    private AssignmentSummary assign(UUID article, int days, boolean revision) {
        return assignments.assignMarkClaims(
                media.id(),
                new NewAssignment(
                        article,
                        null,
                        LocalDate.now().plusDays(days),
                        true,
                        FeedbackPolicy.AFTER_SUBMIT,
                        revision,
                        null,
                        false));
    }

    private UUID idOf(OneTimeCredential student) {
        return media.roster().stream()
                .filter(r -> r.username().equals(student.username()))
                .map(RosterEntry::studentId)
                .findFirst()
                .orElseThrow();
    }

    private record Mark(String exact, String type) {}

    private static Mark mark(String exact, String type) {
        return new Mark(exact, type);
    }

    private UUID submitted(OneTimeCredential who, AssignmentSummary assignment, Mark... marks) {
        try (var s = SignedIn.as(users, who.username())) {
            MarkingSession session = submissions.open(assignment.id()).orElseThrow();
            for (Mark m : marks) {
                int at = session.text().indexOf(m.exact());
                assertThat(at).as(m.exact()).isNotNegative();
                submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(), 1, at, at + m.exact().length(), m.exact(), "", "", m.type(), false));
            }
            submissions.submit(session.attemptId());
            return session.attemptId();
        }
    }

    private void override(UUID attemptId, double score) {
        try (var s = SignedIn.as(users, teacher)) {
            actions.override(attemptId, score, "Set for the drill-down test.");
        }
    }

    private StudentDrillDown drillDown(UUID studentId) {
        try (var s = SignedIn.as(users, teacher)) {
            return work.drillDown(media.id(), studentId).orElseThrow();
        }
    }

    private static StudentDrillDown.AssignmentWork row(StudentDrillDown d, AssignmentSummary a) {
        return d.assignments().stream()
                .filter(r -> r.assignmentId().equals(a.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_drill_down_counts_key_claims_by_type_over_the_latest_attempt_of_every_assignment() {
        StudentDrillDown d = drillDown(adaId);
        assertThat(d.displayName()).isEqualTo("Pupil A");
        assertThat(d.assignments()).hasSize(3);
        // Attributed: first (attempt 2) 2 found, 1 right; second 2 found, 2 right; third 1 found,
        // 1 right: 5 of 3 x 7 = 21 found, 4 right. No other type found anything.
        assertThat(d.claimTypes())
                .containsExactly(
                        new Tally<>(ClaimType.FACTUAL, 6, 0, 0),
                        new Tally<>(ClaimType.ATTRIBUTED, 21, 5, 4),
                        new Tally<>(ClaimType.HEDGED, 15, 0, 0),
                        new Tally<>(ClaimType.SPECULATION, 18, 0, 0),
                        new Tally<>(ClaimType.OPINION, 18, 0, 0));
        assertThat(d.sourceKinds()).as("no \u201cWho says so?\u201d step").isEmpty();
    }

    @Test
    void each_assignment_has_its_status_scores_per_attempt_and_the_revision_gain() {
        StudentDrillDown d = drillDown(adaId);
        StudentDrillDown.AssignmentWork one = row(d, first);
        assertThat(one.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(one.lessonScore()).isEqualTo(70.0);
        StudentDrillDown.StepWork claims = one.steps().getFirst();
        assertThat(claims.attempts())
                .extracting(StudentDrillDown.AttemptWork::attemptId)
                .containsExactly(adaFirst1, adaFirst2);
        assertThat(claims.attempts().get(0).score().score()).isEqualTo(40.0);
        assertThat(claims.attempts().get(0).found()).isEqualTo(new StudentDrillDown.Found(26, 1, 1));
        assertThat(claims.attempts().get(1).found()).isEqualTo(new StudentDrillDown.Found(26, 2, 1));
        assertThat(claims.counted().score()).isEqualTo(70.0);
        assertThat(claims.gain()).as("70 - 40").isEqualTo(30.0);
        assertThat(row(d, second).lessonScore()).isEqualTo(80.0);
        assertThat(row(d, second).steps().getFirst().gain()).isNull();
        assertThat(row(d, second).steps().getFirst().attempts().getFirst().found())
                .isEqualTo(new StudentDrillDown.Found(26, 2, 2));
    }

    @Test
    void the_teachers_comments_and_overrides_are_on_their_attempts() {
        StudentDrillDown.StepWork claims = row(drillDown(adaId), first).steps().getFirst();
        StudentDrillDown.AttemptWork attempt1 = claims.attempts().get(0);
        StudentDrillDown.AttemptWork attempt2 = claims.attempts().get(1);
        assertThat(attempt1.comments()).isEmpty();
        assertThat(attempt1.overrides()).singleElement().satisfies(o -> {
            assertThat(o.score()).isEqualTo(40.0);
            assertThat(o.overridden()).isTrue();
            assertThat(o.comment()).isEqualTo("Set for the drill-down test.");
            assertThat(o.causedBy()).isEqualTo("Teacher drill");
        });
        assertThat(attempt2.comments())
                .extracting(AttemptReview.Comment::body)
                .containsExactly("Who told the Daily Mail? Look at that sentence again.");
        assertThat(attempt2.overrides()).extracting(ScoreEntry::score).containsExactly(70.0);
    }

    @Test
    void another_students_drill_down_has_only_their_own_work() {
        StudentDrillDown d = drillDown(benId);
        assertThat(d.displayName()).isEqualTo("Pupil B");
        // Pupil B's headline marked factual: found, not a type c01 accepts.
        assertThat(d.claimTypes()).contains(new Tally<>(ClaimType.ATTRIBUTED, 7, 1, 0));
        assertThat(row(d, second).status()).isEqualTo(SubmissionStatus.NOT_STARTED);
        assertThat(row(d, second).steps().getFirst().attempts()).isEmpty();
    }

    @Test
    void a_foreign_or_unknown_class_or_student_is_not_found_and_a_student_is_refused() {
        try (var s = SignedIn.as(users, otherTeacher)) {
            assertThat(work.drillDown(media.id(), adaId))
                    .as("another teacher of the school")
                    .isEmpty();
        }
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(work.drillDown(media.id(), strangerId))
                    .as("a student of another class")
                    .isEmpty();
            assertThat(work.drillDown(media.id(), UUID.randomUUID())).isEmpty();
            assertThat(work.drillDown(UUID.randomUUID(), adaId)).isEmpty();
            assertThatThrownBy(() -> work.progress()).isInstanceOf(AccessDeniedException.class);
        }
        try (var s = SignedIn.as(users, ada.username())) {
            assertThatThrownBy(() -> work.drillDown(media.id(), adaId)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_students_progress_counts_only_their_lessons_with_released_feedback_and_no_revision_possible() {
        StudentProgress p;
        try (var s = SignedIn.as(users, ada.username())) {
            p = work.progress();
        }
        // The third is left out: its revision is still possible, so its feedback is hints only.
        assertThat(p.lessons())
                .extracting(StudentProgress.Lesson::assignmentId)
                .containsExactly(first.id(), second.id());
        assertThat(p.lessons().get(0).steps()).containsExactly(new StudentProgress.Step("mark-claims", 40.0, 70.0));
        assertThat(p.lessons().get(0).steps().getFirst().gain()).isEqualTo(30.0);
        assertThat(p.lessons().get(1).steps()).containsExactly(new StudentProgress.Step("mark-claims", 80.0, null));
        assertThat(p.lessons().get(1).score()).isEqualTo(80.0);

        WorkTallies.Change<ClaimType> attributed = p.claimTypes().stream()
                .filter(c -> c.category() == ClaimType.ATTRIBUTED)
                .findFirst()
                .orElseThrow();
        // First lesson (its latest attempt): 2 of 7 found, 1 right; latest lesson: 2 of 7, 2 right.
        assertThat(attributed.first()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 7, 2, 1));
        assertThat(attributed.latest()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 7, 2, 2));
        // Revising the first: attempt 1 found 1 (right 1), attempt 2 found 2 (right 1).
        assertThat(attributed.revised()).isEqualTo(1);
        assertThat(attributed.beforeRevision()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 7, 1, 1));
        assertThat(attributed.afterRevision()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 7, 2, 1));
        assertThat(attributed.improved()).isTrue();
        assertThat(p.claimTypes())
                .filteredOn(c -> c.category() != ClaimType.ATTRIBUTED)
                .allSatisfy(c -> assertThat(c.improved()).isFalse());
        assertThat(p.sourceKinds()).isEmpty();
    }

    @Test
    void a_student_whose_only_lesson_can_still_be_revised_has_nothing_counted_yet() {
        try (var s = SignedIn.as(users, ben.username())) {
            assertThat(work.progress().empty()).isTrue();
        }
    }

    @Test
    void sources_are_counted_by_kind_in_the_drill_down_and_on_the_progress_page() {
        // A lesson of two steps, no revision: Pupil B marks the headline, then names the Frisky's two
        // key sources: Abu Khaled as a named person (s01 accepts pseudonymous or anonymous, filed as
        // anonymous: found, kind wrong) and the Daily Mail as a media outlet (s02: found, kind right).
        AssignmentSummary sources;
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            sources = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(6),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            false,
                            null,
                            false,
                            List.of(NewStep.of(NewStep.MARK_CLAIMS), NewStep.of(NewStep.IDENTIFY_SOURCES))));
        }
        submitted(ben, sources, mark(GradingIT.HEADLINE, "factual"));
        try (var s = SignedIn.as(users, ben.username())) {
            MarkingSession step = submissions.open(sources.id()).orElseThrow();
            assertThat(step.exercise()).isEqualTo(NewStep.IDENTIFY_SOURCES);
            sourceWork.saveSource(
                    step.attemptId(),
                    new SourceState(UUID.randomUUID(), 1, "Abu Khaled", "named-person", null, null, false));
            sourceWork.saveSource(
                    step.attemptId(),
                    new SourceState(UUID.randomUUID(), 1, "The Daily Mail", "media-outlet", null, null, false));
            submissions.submit(step.attemptId());
        }
        StudentDrillDown d = drillDown(benId);
        assertThat(d.sourceKinds())
                .containsExactly(
                        new Tally<>(SourceKind.ANONYMOUS, 1, 1, 0), new Tally<>(SourceKind.MEDIA_OUTLET, 1, 1, 1));
        assertThat(row(d, sources).steps().get(1).attempts().getFirst().found())
                .isEqualTo(new StudentDrillDown.Found(2, 2, 1));

        StudentProgress p;
        try (var s = SignedIn.as(users, ben.username())) {
            p = work.progress();
        }
        // The first assignment can still be revised, so only the sources lesson counts.
        assertThat(p.lessons()).extracting(StudentProgress.Lesson::assignmentId).containsExactly(sources.id());
        assertThat(p.sourceKinds())
                .extracting(WorkTallies.Change::category, WorkTallies.Change::first, WorkTallies.Change::latest)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                SourceKind.ANONYMOUS, new Tally<>(SourceKind.ANONYMOUS, 1, 1, 0), null),
                        org.assertj.core.groups.Tuple.tuple(
                                SourceKind.MEDIA_OUTLET, new Tally<>(SourceKind.MEDIA_OUTLET, 1, 1, 1), null));
    }

    @Test
    void a_lesson_is_counted_only_once_the_teacher_releases_its_feedback() {
        AssignmentSummary held;
        try (var s = SignedIn.as(users, teacher)) {
            UUID frisky = library.articles("frisky").getFirst().articleId();
            held = assignments.assignMarkClaims(
                    media.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            LocalDate.now().plusDays(7),
                            true,
                            FeedbackPolicy.WHEN_RELEASED,
                            false,
                            null,
                            false));
        }
        submitted(ben, held, mark(GradingIT.HEADLINE, "hedged"));
        try (var s = SignedIn.as(users, ben.username())) {
            assertThat(work.progress().empty())
                    .as("submitted, feedback not released")
                    .isTrue();
        }
        try (var s = SignedIn.as(users, teacher)) {
            actions.releaseFeedback(held.id());
        }
        try (var s = SignedIn.as(users, ben.username())) {
            StudentProgress p = work.progress();
            assertThat(p.lessons())
                    .extracting(StudentProgress.Lesson::assignmentId)
                    .containsExactly(held.id());
            assertThat(p.claimTypes())
                    .filteredOn(c -> c.category() == ClaimType.ATTRIBUTED)
                    .singleElement()
                    .satisfies(c -> assertThat(c.first()).isEqualTo(new Tally<>(ClaimType.ATTRIBUTED, 7, 1, 1)));
        }
    }
}
