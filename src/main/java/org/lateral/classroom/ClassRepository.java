package org.lateral.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Classes and enrollments. Every query is scoped by school as well as by owner. */
@Repository
class ClassRepository {

    private final JdbcClient jdbc;

    ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SchoolClass schoolClass) {
        jdbc.sql("""
                INSERT INTO class (id, school_id, teacher_id, name, subject, school_year, time_zone, created_at)
                VALUES (:id, :school, :teacher, :name, :subject, :year, :zone, :createdAt)
                """)
                .param("id", schoolClass.id())
                .param("school", schoolClass.schoolId())
                .param("teacher", schoolClass.teacherId())
                .param("name", schoolClass.name())
                .param("subject", schoolClass.subject())
                .param("year", schoolClass.schoolYear())
                .param("zone", schoolClass.timeZone().getId())
                .param("createdAt", Timestamp.from(schoolClass.createdAt()))
                .update();
    }

    Optional<SchoolClass> findByTeacherAndName(UUID schoolId, UUID teacherId, String name) {
        return jdbc.sql("""
                SELECT id, school_id, teacher_id, name, subject, school_year, time_zone, created_at
                  FROM class
                 WHERE school_id = :school AND teacher_id = :teacher AND name = :name
                 ORDER BY created_at
                 LIMIT 1
                """)
                .param("school", schoolId)
                .param("teacher", teacherId)
                .param("name", name)
                .query((rs, n) -> new SchoolClass(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("teacher_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("subject"),
                        rs.getString("school_year"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Enrolls a student; enrolling again reopens an ended enrollment instead of adding a row. */
    void enroll(UUID schoolId, UUID classId, UUID studentId, Instant now) {
        jdbc.sql("""
                INSERT INTO enrollment (id, school_id, class_id, student_id, enrolled_at)
                VALUES (:id, :school, :class, :student, :now)
                ON CONFLICT (class_id, student_id) DO UPDATE SET ended_at = NULL
                """)
                .param("id", UUID.randomUUID())
                .param("school", schoolId)
                .param("class", classId)
                .param("student", studentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ClassSummary> summariesForTeacher(UUID schoolId, UUID teacherId) {
        return jdbc.sql("""
                SELECT c.id, c.name, c.subject, c.school_year, c.time_zone,
                       (SELECT count(*) FROM enrollment e
                         WHERE e.class_id = c.id AND e.ended_at IS NULL) AS students
                  FROM class c
                 WHERE c.school_id = :school AND c.teacher_id = :teacher AND c.archived_at IS NULL
                 ORDER BY c.name, c.created_at
                """)
                .param("school", schoolId)
                .param("teacher", teacherId)
                .query((rs, n) -> new ClassSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("subject"),
                        rs.getString("school_year"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("students")))
                .list();
    }

    List<StudentClassSummary> classesOfStudent(UUID schoolId, UUID studentId) {
        return jdbc.sql("""
                SELECT c.id, c.name, t.display_name AS teacher
                  FROM enrollment e
                  JOIN class c ON c.id = e.class_id AND c.school_id = e.school_id
                  JOIN account t ON t.id = c.teacher_id
                 WHERE e.school_id = :school AND e.student_id = :student
                   AND e.ended_at IS NULL AND c.archived_at IS NULL
                 ORDER BY c.name
                """)
                .param("school", schoolId)
                .param("student", studentId)
                .query((rs, n) -> new StudentClassSummary(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("teacher")))
                .list();
    }
}
