package org.lateral.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.base.Schools;
import org.lateral.base.UserFacingException;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.library.LibraryService;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

@LateralServerTest
class AssignmentServiceIT {

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
    JdbcClient jdbc;

    String teacher;
    ClassDetail history;
    OneTimeCredential student;
    UUID frisky;

    @BeforeEach
    void aClassWithOneStudent() {
        teacher = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, teacher, "History Teacher", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, teacher)) {
            history = classroom.createClass(new NewClass("History", "", "", "Pacific/Auckland"));
            student = classroom.createStudents(history.id(), "Tui").getFirst();
            frisky = library.articles("frisky").getFirst().articleId();
        }
    }

    private NewAssignment dueIn(int days) {
        return new NewAssignment(
                frisky,
                null,
                LocalDate.now(ZoneId.of("Pacific/Auckland")).plusDays(days),
                true,
                FeedbackPolicy.AFTER_SUBMIT,
                true,
                null,
                false);
    }

    @Test
    void an_assignment_pins_the_current_article_and_key_versions_and_is_due_at_midnight_in_the_class_zone() {
        AssignmentSummary created;
        try (var s = SignedIn.as(users, teacher)) {
            created = assignments.assignMarkClaims(history.id(), dueIn(7));
        }
        var pinned = jdbc.sql("""
                SELECT s.article_version_id = ar.current_version_id AS article_pinned,
                       s.key_version_id = k.current_version_id AS key_pinned
                  FROM lesson_step s JOIN article ar ON ar.id = s.article_id JOIN answer_key k ON k.article_id = ar.id
                 WHERE s.assignment_id = :id AND s.position = 0""").param("id", created.id()).query().singleRow();
        assertThat(pinned).containsEntry("article_pinned", true).containsEntry("key_pinned", true);
        // A one-step lesson (DD013): exactly one step, the mark-claims one, at position 0, weight 1.
        var steps = jdbc.sql("SELECT position, exercise, weight FROM lesson_step WHERE assignment_id = :id")
                .param("id", created.id())
                .query()
                .listOfRows();
        assertThat(steps).hasSize(1);
        assertThat(steps.getFirst()).containsEntry("position", 0).containsEntry("exercise", "mark-claims");
        assertThat((java.math.BigDecimal) steps.getFirst().get("weight")).isEqualByComparingTo("1");
        assertThat(created.keyPinned()).isTrue();
        assertThat(created.dueAt().atZone(ZoneId.of("Pacific/Auckland")).toLocalTime())
                .isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void the_student_sees_the_assignment_to_do_and_loses_it_at_once_when_removed_from_the_class() {
        try (var s = SignedIn.as(users, teacher)) {
            assignments.assignMarkClaims(history.id(), dueIn(3));
        }
        try (var s = SignedIn.as(users, student.username())) {
            List<MyAssignment> mine = assignments.myAssignments();
            assertThat(mine).singleElement().satisfies(a -> {
                assertThat(a.className()).isEqualTo("History");
                assertThat(a.status()).isEqualTo(AssignmentStatus.TO_DO);
            });
        }
        try (var s = SignedIn.as(users, teacher)) {
            classroom.removeStudent(history.id(), studentId());
        }
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(assignments.myAssignments()).isEmpty();
        }
    }

    @Test
    void a_due_date_override_gives_one_student_a_later_date() {
        AssignmentSummary created;
        try (var s = SignedIn.as(users, teacher)) {
            created = assignments.assignMarkClaims(history.id(), dueIn(2));
            assignments.setDueDateFor(
                    created.id(),
                    studentId(),
                    LocalDate.now(ZoneId.of("Pacific/Auckland")).plusDays(9),
                    "Extra time");
        }
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(assignments.myAssignments().getFirst().dueAt()).isAfter(created.dueAt());
        }
    }

    @Test
    void impossible_dates_are_refused_and_nothing_is_created() {
        long before =
                jdbc.sql("SELECT count(*) FROM assignment").query(Long.class).single();
        try (var s = SignedIn.as(users, teacher)) {
            assertThatThrownBy(() -> assignments.assignMarkClaims(history.id(), dueIn(-1)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("past");
            assertThatThrownBy(() -> assignments.assignMarkClaims(
                            history.id(),
                            new NewAssignment(
                                    frisky,
                                    LocalDate.now().plusDays(10),
                                    LocalDate.now().plusDays(5),
                                    true,
                                    FeedbackPolicy.AFTER_DUE,
                                    false,
                                    null,
                                    false)))
                    .hasMessageContaining("on or after the day the assignment opens");
            assertThatThrownBy(() -> assignments.assignMarkClaims(
                            history.id(),
                            new NewAssignment(
                                    UUID.randomUUID(),
                                    null,
                                    LocalDate.now().plusDays(5),
                                    true,
                                    FeedbackPolicy.AFTER_DUE,
                                    false,
                                    null,
                                    false)))
                    .hasMessageContaining("not in your school’s library");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM assignment").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void another_teacher_cannot_assign_to_or_read_this_class_and_students_cannot_assign() {
        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        administration.ensureAccount(
                Schools.DEFAULT_SCHOOL_ID, other, "Other", Set.of(Role.TEACHER), "a long enough password");
        try (var s = SignedIn.as(users, other)) {
            assertThatThrownBy(() -> assignments.assignMarkClaims(history.id(), dueIn(3)))
                    .hasMessage("That class does not exist.");
            assertThatThrownBy(() -> assignments.assignmentsOf(history.id())).hasMessage("That class does not exist.");
        }
        try (var s = SignedIn.as(users, student.username())) {
            assertThatThrownBy(() -> assignments.assignMarkClaims(history.id(), dueIn(3)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_database_keeps_one_submission_per_student_per_assignment() {
        AssignmentSummary created;
        try (var s = SignedIn.as(users, teacher)) {
            created = assignments.assignMarkClaims(history.id(), dueIn(3));
        }
        String insert =
                "INSERT INTO submission (id, school_id, assignment_id, student_id, started_at) VALUES (:id, :school, :a, :s, now())";
        jdbc.sql(insert)
                .param("id", UUID.randomUUID())
                .param("school", Schools.DEFAULT_SCHOOL_ID)
                .param("a", created.id())
                .param("s", studentId())
                .update();
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("id", UUID.randomUUID())
                        .param("school", Schools.DEFAULT_SCHOOL_ID)
                        .param("a", created.id())
                        .param("s", studentId())
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
        try (var s = SignedIn.as(users, student.username())) {
            assertThat(assignments.myAssignments().getFirst().status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        }
    }

    private UUID studentId() {
        return jdbc.sql("SELECT id FROM account WHERE username = :u")
                .param("u", student.username())
                .query(UUID.class)
                .single();
    }
}
