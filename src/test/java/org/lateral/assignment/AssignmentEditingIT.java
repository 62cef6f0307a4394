package org.lateral.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Editing and removing an assignment (issue 19, DD035): what may change once students have work,
 * and that their work is never lost by a removal.
 */
@LateralServerTest
class AssignmentEditingIT {

    static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");

    @Autowired
    AssignmentService assignments;

    @Autowired
    SubmissionService submissions;

    @Autowired
    ClassroomService classroom;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    LibraryService library;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    String teacher;
    ClassDetail history;
    List<OneTimeCredential> students;
    UUID frisky;

    @BeforeEach
    void aClassWithTwoStudents() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            history = classroom.createClass(new NewClass("History", "", "", ZONE.getId()));
            students = classroom.createStudents(history.id(), "Tui\nAroha");
            frisky = library.articles("frisky").getFirst().articleId();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private AssignmentSummary assigned(boolean revision) {
        try (var s = SignedIn.as(users, teacher)) {
            return assignments.assignMarkClaims(
                    history.id(),
                    new NewAssignment(
                            frisky,
                            null,
                            today().plusDays(7),
                            true,
                            FeedbackPolicy.AFTER_SUBMIT,
                            revision,
                            null,
                            false));
        }
    }

    /** The student opens the assignment, marks the headline and (when asked) submits. */
    private UUID works(OneTimeCredential student, UUID assignmentId, boolean submit) {
        try (var s = SignedIn.as(users, student.username())) {
            MarkingSession session = submissions.open(assignmentId).orElseThrow();
            String headline = session.text().lines().findFirst().orElseThrow();
            submissions.saveMark(
                    session.attemptId(),
                    new MarkState(UUID.randomUUID(), 1, 0, headline.length(), headline, "", "", "factual", false));
            if (submit) {
                submissions.submit(session.attemptId());
            }
            return session.attemptId();
        }
    }

    private UUID idOf(OneTimeCredential student) {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", student.username())
                .query(UUID.class)
                .single();
    }

    private AssignmentSettings settings(UUID id) {
        try (var s = SignedIn.as(users, teacher)) {
            return assignments.settings(id);
        }
    }

    private static AssignmentEdit with(AssignmentEdit v, String title, LocalDate due, FeedbackPolicy policy) {
        return new AssignmentEdit(
                title,
                v.openDate(),
                due,
                v.lateWorkAccepted(),
                policy,
                v.revisionAllowed(),
                v.revisionUntil(),
                v.classmatesAfterSubmit(),
                v.version());
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql(
                        "SELECT title, due_at, feedback_policy, revision_allowed, version FROM assignment WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void a_teacher_changes_title_due_date_and_feedback_and_the_students_attempt_and_marks_survive() {
        AssignmentSummary a = assigned(true);
        UUID attempt = works(students.getFirst(), a.id(), true);
        long marksBefore = count("SELECT count(*) FROM mark WHERE attempt_id = :id", attempt);
        AssignmentSettings before = settings(a.id());
        assertThat(before.started()).isEqualTo(1);

        try (var s = SignedIn.as(users, teacher)) {
            AssignmentSettings after = assignments.editAssignment(
                    a.id(),
                    with(before.values(), "  Frisky, reread  ", today().plusDays(14), FeedbackPolicy.WHEN_RELEASED));
            assertThat(after.values().title()).isEqualTo("Frisky, reread");
            assertThat(after.values().dueDate()).isEqualTo(today().plusDays(14));
            assertThat(after.values().feedbackPolicy()).isEqualTo(FeedbackPolicy.WHEN_RELEASED);
            assertThat(after.values().version()).isGreaterThan(before.values().version());
        }
        assertThat(count("SELECT count(*) FROM attempt WHERE id = :id AND submitted_at IS NOT NULL", attempt))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mark WHERE attempt_id = :id", attempt))
                .isEqualTo(marksBefore)
                .isPositive();
        try (var s = SignedIn.as(users, students.getFirst().username())) {
            assertThat(assignments.myAssignments())
                    .singleElement()
                    .satisfies(m -> assertThat(m.title()).isEqualTo("Frisky, reread"));
        }
    }

    @Test
    void bad_edits_are_refused_with_a_sentence_and_change_nothing() {
        AssignmentSummary a = assigned(false);
        works(students.getFirst(), a.id(), true);
        AssignmentEdit v = settings(a.id()).values();
        Map<String, Object> before = row(a.id());
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> assignments.editAssignment(
                            a.id(), with(v, v.title(), today().minusDays(1), v.feedbackPolicy())))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("The due date is in the past.");
            assertThatThrownBy(
                            () -> assignments.editAssignment(a.id(), with(v, "   ", v.dueDate(), v.feedbackPolicy())))
                    .hasMessage("Give the assignment a title of 1 to 300 characters.");
            assertThatThrownBy(() -> assignments.editAssignment(
                            a.id(), with(v, "x".repeat(301), v.dueDate(), v.feedbackPolicy())))
                    .hasMessage("Give the assignment a title of 1 to 300 characters.");
            // Someone submitted: a revision may no longer be switched on (the student saw the key).
            assertThatThrownBy(() -> assignments.editAssignment(
                            a.id(),
                            new AssignmentEdit(
                                    v.title(),
                                    v.openDate(),
                                    v.dueDate(),
                                    v.lateWorkAccepted(),
                                    v.feedbackPolicy(),
                                    true,
                                    null,
                                    v.classmatesAfterSubmit(),
                                    v.version())))
                    .hasMessageStartingWith("Students have already submitted, so the revision settings stay");
            // It has opened: its open date stays.
            assertThatThrownBy(() -> assignments.editAssignment(
                            a.id(),
                            new AssignmentEdit(
                                    v.title(),
                                    today().plusDays(2),
                                    v.dueDate(),
                                    v.lateWorkAccepted(),
                                    v.feedbackPolicy(),
                                    v.revisionAllowed(),
                                    v.revisionUntil(),
                                    v.classmatesAfterSubmit(),
                                    v.version())))
                    .hasMessage("Students can already open this assignment, so its open date stays.");
            // A form read before someone else's change does not overwrite it.
            assignments.editAssignment(a.id(), with(v, "Changed elsewhere", v.dueDate(), v.feedbackPolicy()));
            assertThatThrownBy(() ->
                            assignments.editAssignment(a.id(), with(v, "Stale form", v.dueDate(), v.feedbackPolicy())))
                    .hasMessage("This assignment was changed meanwhile. Reload the page and try again.");
        }
        Map<String, Object> after = row(a.id());
        assertThat(after.get("title")).isEqualTo("Changed elsewhere");
        assertThat(after.get("due_at")).isEqualTo(before.get("due_at"));
        assertThat(after.get("revision_allowed")).isEqualTo(false);
    }

    @Test
    void an_unchanged_past_due_date_does_not_block_changing_the_feedback_policy() {
        AssignmentSummary a = assigned(false);
        // Due yesterday, as last week's assignment would be.
        jdbc.sql("UPDATE assignment SET open_at = open_at - interval '10 days', due_at = due_at - interval '8 days' "
                        + "WHERE id = :id")
                .param("id", a.id())
                .update();
        AssignmentEdit v = settings(a.id()).values();
        assertThat(v.dueDate()).isBefore(today());
        try (var s = SignedIn.as(users, teacher)) {
            assertThat(assignments
                            .editAssignment(a.id(), with(v, v.title(), v.dueDate(), FeedbackPolicy.WHEN_RELEASED))
                            .values()
                            .feedbackPolicy())
                    .isEqualTo(FeedbackPolicy.WHEN_RELEASED);
        }
    }

    @Test
    void another_teacher_and_a_student_can_neither_edit_nor_remove_it() {
        AssignmentSummary a = assigned(false);
        AssignmentEdit v = settings(a.id()).values();
        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, other, "Other Teacher", Set.of(Role.TEACHER), "a long enough password");
        Map<String, Object> before = row(a.id());
        try (var s = SignedIn.as(users, other)) {
            assertThatThrownBy(() -> assignments.settings(a.id())).hasMessage("That assignment does not exist.");
            assertThatThrownBy(() ->
                            assignments.editAssignment(a.id(), with(v, "Mine now", v.dueDate(), v.feedbackPolicy())))
                    .hasMessage("That assignment does not exist.");
            assertThatThrownBy(() -> assignments.removeAssignment(a.id(), 0))
                    .hasMessage("That assignment does not exist.");
            assertThatThrownBy(() -> assignments.restoreAssignment(a.id()))
                    .hasMessage("That assignment does not exist.");
        }
        try (var s = SignedIn.as(users, students.getFirst().username())) {
            assertThatThrownBy(() -> assignments.removeAssignment(a.id(), 0))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(row(a.id())).isEqualTo(before);
    }

    @Test
    void an_assignment_nobody_opened_is_deleted_with_its_steps_and_due_dates() {
        AssignmentSummary a = assigned(false);
        try (var s = SignedIn.as(users, teacher)) {
            assignments.setDueDateFor(a.id(), idOf(students.getFirst()), today().plusDays(9), "Extra time");
            assertThat(assignments.removeAssignment(a.id(), 0)).isEqualTo(AssignmentRemoval.DELETED);
            assertThat(assignments.assignmentsOf(history.id())).isEmpty();
            assertThat(assignments.archivedAssignmentsOf(history.id())).isEmpty();
        }
        assertThat(count("SELECT count(*) FROM assignment WHERE id = :id", a.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM lesson_step WHERE assignment_id = :id", a.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM assignment_due_override WHERE assignment_id = :id", a.id()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action = 'ASSIGNMENT_DELETED' AND :id = ANY (object_ids)",
                        a.id()))
                .isEqualTo(1);
    }

    @Test
    void removing_an_assignment_with_work_needs_the_count_confirmed_and_archives_it_keeping_every_attempt() {
        AssignmentSummary a = assigned(false);
        UUID tui = works(students.get(0), a.id(), true);
        UUID aroha = works(students.get(1), a.id(), false);
        assertThat(settings(a.id()).started()).isEqualTo(2);
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> assignments.removeAssignment(a.id(), 0))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("2 students have work on this assignment. Confirm that you want to archive it.");
            assertThatThrownBy(() -> assignments.removeAssignment(a.id(), 1))
                    .hasMessage("2 students have work on this assignment. Confirm that you want to archive it.");
            assertThat(assignments.assignmentsOf(history.id())).hasSize(1);

            assertThat(assignments.removeAssignment(a.id(), 2)).isEqualTo(AssignmentRemoval.ARCHIVED);
            assertThat(assignments.assignmentsOf(history.id())).isEmpty();
            assertThat(assignments.archivedAssignmentsOf(history.id()))
                    .singleElement()
                    .satisfies(x -> assertThat(x.started()).isEqualTo(2));
            // The teacher still reaches it, and its work, by its address.
            assertThat(assignments.forTeacher(a.id())).isPresent();
        }
        assertThat(count("SELECT count(*) FROM attempt WHERE id = :id", tui)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM attempt WHERE id = :id", aroha)).isEqualTo(1);
        try (var s = SignedIn.as(users, students.get(0).username())) {
            assertThat(assignments.myAssignments()).isEmpty();
            assertThat(assignments.forStudent(a.id())).isEmpty();
        }
        try (var s = SignedIn.as(users, teacher)) {
            assignments.restoreAssignment(a.id());
            assertThat(assignments.assignmentsOf(history.id()))
                    .singleElement()
                    .satisfies(x -> assertThat(x.submitted()).isEqualTo(1));
        }
        try (var s = SignedIn.as(users, students.get(0).username())) {
            assertThat(assignments.myAssignments())
                    .singleElement()
                    .satisfies(m -> assertThat(m.id()).isEqualTo(a.id()));
        }
        assertThat(count(
                        "SELECT count(*) FROM audit_event WHERE action IN ('ASSIGNMENT_ARCHIVED', 'ASSIGNMENT_RESTORED') "
                                + "AND :id = ANY (object_ids)",
                        a.id()))
                .isEqualTo(2);
    }
}
