package org.lateral.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Classes and enrollments. Every query is scoped by school as well as by owner. See DD010. */
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
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
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

    /**
     * A school's classes not archived, with their teacher and the students enrolled now: two
     * statements for the whole school, however many classes it has.
     */
    SchoolRoster schoolRoster(UUID schoolId) {
        String schoolName = jdbc.sql("SELECT name FROM school WHERE id = :school")
                .param("school", schoolId)
                .query(String.class)
                .single();
        java.util.Map<UUID, List<UUID>> students = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT e.class_id, e.student_id
                  FROM enrollment e
                 WHERE e.school_id = :school AND e.ended_at IS NULL
                 ORDER BY e.class_id, e.enrolled_at, e.student_id
                """).param("school", schoolId).query(rs -> {
            students.computeIfAbsent(rs.getObject("class_id", UUID.class), k -> new java.util.ArrayList<>())
                    .add(rs.getObject("student_id", UUID.class));
        });
        List<SchoolRoster.SchoolClassRow> rows = jdbc.sql("""
                SELECT c.id, c.name, t.display_name AS teacher, c.time_zone
                  FROM class c
                  JOIN account t ON t.id = c.teacher_id
                 WHERE c.school_id = :school AND c.archived_at IS NULL
                 ORDER BY c.name, t.display_name, c.created_at
                """)
                .param("school", schoolId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new SchoolRoster.SchoolClassRow(
                            id,
                            rs.getString("name"),
                            rs.getString("teacher"),
                            ZoneId.of(rs.getString("time_zone")),
                            students.getOrDefault(id, List.of()));
                })
                .list();
        return new SchoolRoster(schoolId, schoolName, rows);
    }

    List<StudentClassSummary> classesOfStudent(UUID schoolId, UUID studentId) {
        return jdbc.sql("""
                SELECT c.id, c.name, t.display_name AS teacher, c.time_zone
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
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("teacher"),
                        ZoneId.of(rs.getString("time_zone"))))
                .list();
    }

    /** A class with its join settings, only if this teacher teaches it in this school. */
    /** {@code version} is what the teacher's page shows and sends back with an edit (optimistic locking). */
    record OwnedClass(
            SchoolClass schoolClass,
            @Nullable String joinCode,
            boolean joinEnabled,
            boolean archived,
            int version,
            @Nullable Instant archivedAt) {}

    Optional<OwnedClass> ownedBy(UUID classId, UUID schoolId, UUID teacherId) {
        return jdbc.sql("""
                SELECT id, school_id, teacher_id, name, subject, school_year, time_zone, created_at, join_code,
                       join_enabled, archived_at IS NOT NULL AS archived, version, archived_at
                  FROM class
                 WHERE id = :id AND school_id = :school AND teacher_id = :teacher
                """)
                .param("id", classId)
                .param("school", schoolId)
                .param("teacher", teacherId)
                .query((rs, n) -> new OwnedClass(
                        new SchoolClass(
                                rs.getObject("id", UUID.class),
                                rs.getObject("school_id", UUID.class),
                                rs.getObject("teacher_id", UUID.class),
                                rs.getString("name"),
                                rs.getString("subject"),
                                rs.getString("school_year"),
                                ZoneId.of(rs.getString("time_zone")),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                        rs.getString("join_code"),
                        rs.getBoolean("join_enabled"),
                        rs.getBoolean("archived"),
                        rs.getInt("version"),
                        rs.getObject("archived_at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("archived_at", OffsetDateTime.class)
                                        .toInstant()))
                .optional();
    }

    List<RosterEntry> roster(UUID classId) {
        return jdbc
                .sql("""
                SELECT a.id, a.username, a.display_name, e.enrolled_at, a.enabled, a.version,
                       coalesce((SELECT c.must_change_password FROM credential c
                                  WHERE c.account_id = a.id AND c.kind = 'password'), false) AS must_change,
                       EXISTS (SELECT 1 FROM enrollment o JOIN class oc ON oc.id = o.class_id
                                WHERE o.student_id = a.id AND o.ended_at IS NULL
                                  AND oc.teacher_id <> k.teacher_id) AS shared
                  FROM enrollment e
                  JOIN class k ON k.id = e.class_id
                  JOIN account a ON a.id = e.student_id
                 WHERE e.class_id = :class AND e.ended_at IS NULL
                 ORDER BY lower(a.display_name), a.username
                """)
                .param("class", classId)
                .query((rs, n) -> new RosterEntry(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("must_change"),
                        rs.getBoolean("shared"),
                        rs.getBoolean("enabled"),
                        rs.getInt("version")))
                .list()
                .stream()
                .sorted(ROSTER_ORDER)
                .toList();
    }

    /** Names as people sort them: "Student 2" before "Student 10", case ignored. */
    static final Comparator<RosterEntry> ROSTER_ORDER = (a, b) -> {
        int byName = naturalCompare(a.displayName(), b.displayName());
        return byName != 0 ? byName : a.username().compareTo(b.username());
    };

    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int byNumber = new java.math.BigInteger(a.substring(si, i))
                        .compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (byNumber != 0) {
                    return byNumber;
                }
            } else {
                int byChar = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    boolean isEnrolled(UUID classId, UUID studentId) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM enrollment WHERE class_id = :c AND student_id = :s AND ended_at IS NULL)")
                .param("c", classId)
                .param("s", studentId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Sets a new join code; false when another class already has it (the unique index said no).
     * Not a person's edit on its own: the service checks the version the teacher's page read first
     * ({@link #claimVersion}), in the same transaction.
     */
    boolean trySetJoinCode(UUID classId, String code) {
        return jdbc.sql("""
                UPDATE class SET join_code = :code, version = version + 1
                 WHERE id = :id AND NOT EXISTS (SELECT 1 FROM class WHERE join_code = :code)
                """).param("id", classId).param("code", code).update() == 1;
    }

    /**
     * Optimistic locking: moves the class to the next version only if it is still at the one the
     * teacher's page read, and locks the row until the transaction ends. False when someone else
     * changed the class since; then the caller must change nothing.
     */
    boolean claimVersion(UUID classId, int expectedVersion) {
        return jdbc.sql("UPDATE class SET version = version + 1 WHERE id = :id AND version = :expected")
                        .param("id", classId)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Gives the class a fresh join code, retrying on the (astronomically rare) collision the
     * unique index reports. Every class gets its code this way, however it was created.
     */
    void assignNewJoinCode(UUID classId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (trySetJoinCode(classId, JoinCodes.generate())) {
                return;
            }
        }
        // 2^50 codes: ten collisions in a row means something else is wrong.
        throw new IllegalStateException("Could not find a free join code in 10 attempts");
    }

    Optional<String> joinCode(UUID classId) {
        return jdbc.sql("SELECT join_code FROM class WHERE id = :id AND join_code IS NOT NULL")
                .param("id", classId)
                .query(String.class)
                .optional();
    }

    void setJoinEnabled(UUID classId, boolean enabled) {
        // The version moved already: the service claimed it (claimVersion) in this transaction.
        jdbc.sql("UPDATE class SET join_enabled = :enabled WHERE id = :id")
                .param("id", classId)
                .param("enabled", enabled)
                .update();
    }

    void archive(UUID classId, Instant now) {
        jdbc.sql("UPDATE class SET archived_at = :now, join_enabled = false WHERE id = :id AND archived_at IS NULL")
                .param("id", classId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Ends an enrollment (the work stays); false when the student was not in the class. */
    boolean endEnrollment(UUID classId, UUID studentId, UUID by, Instant now) {
        return jdbc.sql("""
                UPDATE enrollment SET ended_at = :now, ended_by = :by
                 WHERE class_id = :c AND student_id = :s AND ended_at IS NULL
                """)
                        .param("c", classId)
                        .param("s", studentId)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The class a join code opens, whatever its state; the service decides what the student may do. */
    record JoinTarget(
            UUID classId, UUID schoolId, String className, String teacherName, boolean joinEnabled, boolean archived) {}

    Optional<JoinTarget> byJoinCode(String code) {
        return jdbc.sql("""
                SELECT c.id, c.school_id, c.name, t.display_name, c.join_enabled, c.archived_at IS NOT NULL AS archived
                  FROM class c JOIN account t ON t.id = c.teacher_id
                 WHERE c.join_code = :code
                """)
                .param("code", code)
                .query((rs, n) -> new JoinTarget(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("display_name"),
                        rs.getBoolean("join_enabled"),
                        rs.getBoolean("archived")))
                .optional();
    }

    /** The school's own retention in days (DD026), or null when it follows the instance's. */
    @Nullable
    Integer archivedClassDays(UUID schoolId) {
        return jdbc.sql("SELECT archived_class_days FROM school WHERE id = :id")
                .param("id", schoolId)
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional()
                .orElse(null);
    }
}
