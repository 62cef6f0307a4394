package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Retention (DD023): the data of a student whose every class was archived longer ago than the
 * retention is deleted; a student still in a class in use, or in one archived more recently, keeps
 * everything; the teacher sees the date on the archived class first.
 */
@LateralServerTest
class RetentionPurgeIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    ClassroomService classroom;

    @Autowired
    RetentionPurge purge;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private Account student(UUID school, String name) {
        return administration.ensureAccount(
                school,
                name + "-" + school.toString().substring(0, 8),
                "Student " + name,
                Set.of(Role.STUDENT),
                Fixtures.PASSWORD);
    }

    private void archivedDaysAgo(SchoolClass c, int days) {
        jdbc.sql(
                        "UPDATE class SET archived_at = now() - make_interval(days => :d), join_enabled = false WHERE id = :id")
                .param("d", days)
                .param("id", c.id())
                .update();
    }

    private boolean exists(Account a) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE id = :id)")
                .param("id", a.id())
                .query(Boolean.class)
                .single();
    }

    @Test
    void only_students_whose_every_class_is_past_the_retention_lose_their_data() {
        UUID school = fixtures.school("Retention school");
        String teacherName = fixtures.teacher(school, "retention-teacher");
        Account teacher = administration.ensureAccount(
                school, teacherName, "Teacher retention-teacher", Set.of(Role.TEACHER), Fixtures.PASSWORD);
        SchoolClass old = administration.ensureClass(teacher, "Old class", "Media", null, ZoneId.of("Europe/Lisbon"));
        SchoolClass recent = administration.ensureClass(teacher, "Recent class", "Media", null, ZoneId.of("UTC"));
        SchoolClass current = administration.ensureClass(teacher, "Current class", "Media", null, ZoneId.of("UTC"));
        Account gone = student(school, "gone");
        Account stillTaught = student(school, "still-taught");
        Account recentOnly = student(school, "recent-only");
        Account oldAndRecent = student(school, "old-and-recent");
        administration.ensureEnrolled(old, gone);
        administration.ensureEnrolled(old, stillTaught);
        administration.ensureEnrolled(current, stillTaught);
        administration.ensureEnrolled(recent, recentOnly);
        administration.ensureEnrolled(old, oldAndRecent);
        administration.ensureEnrolled(recent, oldAndRecent);
        archivedDaysAgo(old, 400);
        archivedDaysAgo(recent, 10);

        // The teacher sees the date first: archived 400 days ago + 365 days, in the class's zone.
        try (var s = SignedIn.as(users, teacherName)) {
            assertThat(classroom.classDetail(old.id()).orElseThrow().studentDataDeletedOn())
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Lisbon")).minusDays(35));
            assertThat(classroom.classDetail(current.id()).orElseThrow().studentDataDeletedOn())
                    .as("a class in use has no deletion date")
                    .isNull();
        }

        RetentionPurge.Purged purged = purge.purge();
        System.out.printf(
                "Retention: students deleted %d, rows %d, failed %d%n",
                purged.students(), purged.rows(), purged.failed());
        assertThat(purged.failed()).isZero();
        assertThat(exists(gone)).isFalse();
        assertThat(List.of(stillTaught, recentOnly, oldAndRecent)).allMatch(this::exists);
        assertThat(exists(teacher)).as("a teacher is never a student to purge").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM enrollment WHERE class_id = :c")
                        .param("c", old.id())
                        .query(Integer.class)
                        .single())
                .as("the old class keeps its other students' enrollments")
                .isEqualTo(2);
        assertThat(purge.purge().students())
                .as("a second run finds nothing more")
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE action = 'STUDENT_DATA_DELETED' AND school_id = :s AND actor_id IS NULL
                           AND :student = ANY (object_ids) AND detail LIKE 'retention rule, %'
                        """)
                        .param("s", school)
                        .param("student", gone.id())
                        .query(Integer.class)
                        .single())
                .as("the deletion is in the school's audit trail, as the rule's, not a person's")
                .isEqualTo(1);
    }

    @Test
    void a_retention_shorter_than_the_notice_is_refused_at_start() {
        assertThatThrownBy(() -> new Retention(29))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 30");
        assertThat(new Retention(30).days()).isEqualTo(30);
    }
}
