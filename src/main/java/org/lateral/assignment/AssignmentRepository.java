package org.lateral.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.classroom.ClassDetail;
import org.lateral.library.LibraryPins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Assignments, their lesson steps with the pinned versions (DD013), and their due-date overrides.
 * See DD010 (plain SQL through JdbcClient).
 *
 * <p>The pins are read and written on {@code lesson_step} only; the assignment's own pin columns
 * (article_id, article_version_id, key_version_id, key_version_ignored_id, story_set_id) hold
 * what they held at migration V0009 and are no longer written or read: a later migration drops
 * them. {@code assignment.exercise} is still written (NOT NULL), as the first step's exercise,
 * but read from the steps.
 */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            UUID id,
            UUID schoolId,
            UUID classId,
            String title,
            UUID articleId,
            UUID articleVersionId,
            @Nullable UUID keyVersionId,
            Instant openAt,
            Instant dueAt,
            boolean lateWorkAccepted,
            FeedbackPolicy policy,
            boolean revisionAllowed,
            @Nullable Instant revisionUntil,
            boolean classmatesAfterSubmit,
            UUID createdBy,
            Instant createdAt,
            List<LessonPlan.PinnedStep> steps) {}

    /**
     * The assignment and its steps (DD013), every step on the assignment's article with its pins;
     * the caller's transaction holds them all. {@code assignment.exercise} is the first step's.
     */
    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO assignment (id, school_id, class_id, exercise, title, open_at, due_at, late_work_accepted,
                                        feedback_policy, revision_allowed, revision_until, classmates_after_submit,
                                        created_by, created_at)
                VALUES (:id, :school, :class, :exercise, :title, :openAt, :dueAt, :late, :policy, :revision,
                        :revisionUntil, :classmates, :createdBy, :createdAt)
                """)
                .param("id", r.id())
                .param("school", r.schoolId())
                .param("class", r.classId())
                .param("exercise", r.steps().getFirst().step().exercise())
                .param("title", r.title())
                .param("openAt", Timestamp.from(r.openAt()))
                .param("dueAt", Timestamp.from(r.dueAt()))
                .param("late", r.lateWorkAccepted())
                .param("policy", r.policy().code())
                .param("revision", r.revisionAllowed())
                .param("revisionUntil", r.revisionUntil() == null ? null : Timestamp.from(r.revisionUntil()))
                .param("classmates", r.classmatesAfterSubmit())
                .param("createdBy", r.createdBy())
                .param("createdAt", Timestamp.from(r.createdAt()))
                .update();
        for (int position = 0; position < r.steps().size(); position++) {
            LessonPlan.PinnedStep pinned = r.steps().get(position);
            NewStep step = pinned.step();
            jdbc.sql("""
                    INSERT INTO lesson_step (assignment_id, school_id, position, exercise, article_id, article_version_id,
                                             key_version_id, story_set_id, comparison_key_version_id,
                                             outlet_profiles_at_once, weight)
                    VALUES (:id, :school, :position, :exercise, :article, :articleVersion, :keyVersion, :storySet,
                            :comparisonKey, :profilesAtOnce, :weight)
                    """)
                    .param("id", r.id())
                    .param("school", r.schoolId())
                    .param("position", position)
                    .param("exercise", step.exercise())
                    .param("article", pinned.articleId())
                    .param("articleVersion", pinned.articleVersionId())
                    .param("keyVersion", pinned.keyVersionId())
                    .param("storySet", pinned.storySetId())
                    .param("comparisonKey", pinned.comparisonKeyVersionId())
                    .param("profilesAtOnce", step.outletProfilesAtOnce())
                    .param("weight", step.weight())
                    .update();
            for (int column = 0; column < pinned.articles().size(); column++) {
                LessonStep.StepArticle article = pinned.articles().get(column);
                jdbc.sql("""
                        INSERT INTO lesson_step_article (assignment_id, position, column_order, article_id,
                                                         article_version_id)
                        VALUES (:id, :position, :column, :article, :version)
                        """)
                        .param("id", r.id())
                        .param("position", position)
                        .param("column", column)
                        .param("article", article.articleId())
                        .param("version", article.articleVersionId())
                        .update();
            }
            for (LibraryPins.RubricLevel level : pinned.rubric()) {
                insertRubricLevel(r.id(), position, level);
            }
        }
    }

    private void insertRubricLevel(UUID assignmentId, int position, LibraryPins.RubricLevel level) {
        jdbc.sql("""
                INSERT INTO lesson_step_rubric_level (assignment_id, position, level, name, descriptor)
                VALUES (:id, :position, :level, :name, :descriptor)
                """)
                .param("id", assignmentId)
                .param("position", position)
                .param("level", level.level())
                .param("name", level.name())
                .param("descriptor", level.descriptor())
                .update();
    }

    /** A compare step's rubric as the teacher has it, lowest level first. */
    List<LibraryPins.RubricLevel> rubric(UUID assignmentId, int position) {
        return jdbc.sql("""
                SELECT level, name, descriptor FROM lesson_step_rubric_level
                 WHERE assignment_id = :a AND position = :p ORDER BY level
                """)
                .param("a", assignmentId)
                .param("p", position)
                .query((rs, n) -> new LibraryPins.RubricLevel(
                        rs.getInt("level"), rs.getString("name"), rs.getString("descriptor")))
                .list();
    }

    /** Replaces a compare step's rubric with the teacher's edited one (the caller checked it). */
    void replaceRubric(UUID assignmentId, int position, List<LibraryPins.RubricLevel> levels) {
        jdbc.sql("DELETE FROM lesson_step_rubric_level WHERE assignment_id = :a AND position = :p")
                .param("a", assignmentId)
                .param("p", position)
                .update();
        levels.forEach(level -> insertRubricLevel(assignmentId, position, level));
    }

    /** The assignment's steps by position. */
    List<LessonStep> steps(UUID assignmentId) {
        Map<Integer, List<LessonStep.StepArticle>> columns = new HashMap<>();
        jdbc.sql("""
                SELECT position, article_id, article_version_id FROM lesson_step_article
                 WHERE assignment_id = :a ORDER BY position, column_order
                """).param("a", assignmentId).query((ResultSet rs) -> {
            columns.computeIfAbsent(rs.getInt("position"), p -> new ArrayList<>())
                    .add(new LessonStep.StepArticle(
                            rs.getObject("article_id", UUID.class), rs.getObject("article_version_id", UUID.class)));
        });
        return jdbc.sql("""
                SELECT position, exercise, article_id, article_version_id, key_version_id, key_version_ignored_id,
                       story_set_id, comparison_key_version_id, outlet_profiles_at_once, weight
                  FROM lesson_step WHERE assignment_id = :a ORDER BY position
                """)
                .param("a", assignmentId)
                .query((rs, n) -> new LessonStep(
                        rs.getInt("position"),
                        rs.getString("exercise"),
                        rs.getObject("article_id", UUID.class),
                        rs.getObject("article_version_id", UUID.class),
                        rs.getObject("key_version_id", UUID.class),
                        rs.getObject("key_version_ignored_id", UUID.class),
                        rs.getObject("story_set_id", UUID.class),
                        rs.getObject("comparison_key_version_id", UUID.class),
                        columns.getOrDefault(rs.getInt("position"), List.of()),
                        rs.getBoolean("outlet_profiles_at_once"),
                        rs.getBigDecimal("weight")))
                .list();
    }

    /** The steps' exercises of each of the class's lessons on the article, each lesson in step order. */
    List<List<String>> lessonsOnArticle(UUID classId, UUID articleId) {
        return jdbc.sql("""
                SELECT ARRAY(SELECT x.exercise FROM lesson_step x WHERE x.assignment_id = a.id ORDER BY x.position)
                  FROM assignment a
                 WHERE a.class_id = :c
                   AND EXISTS (SELECT 1 FROM lesson_step s WHERE s.assignment_id = a.id AND s.article_id = :a)
                """)
                .param("c", classId)
                .param("a", articleId)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                .list();
    }

    /** The class's first lesson on the article whose steps are these exercises, in this order. */
    Optional<UUID> findByClassArticleAndSteps(UUID classId, UUID articleId, List<String> exercises) {
        return jdbc.sql("""
                SELECT a.id FROM assignment a JOIN lesson_step s ON s.assignment_id = a.id AND s.position = 0
                 WHERE a.class_id = :c AND s.article_id = :a
                   AND ARRAY(SELECT x.exercise FROM lesson_step x WHERE x.assignment_id = a.id ORDER BY x.position)
                       = CAST(:exercises AS text[])
                 ORDER BY a.created_at LIMIT 1
                """)
                .param("c", classId)
                .param("a", articleId)
                .param("exercises", exercises.toArray(String[]::new))
                .query(UUID.class)
                .optional();
    }

    /** The ids of the class's assignments, in the order of {@link #ofClass}. */
    List<UUID> idsOfClass(UUID classId) {
        return jdbc.sql(
                        "SELECT id FROM assignment WHERE class_id = :class AND archived_at IS NULL ORDER BY due_at, title")
                .param("class", classId)
                .query(UUID.class)
                .list();
    }

    /** The class's assignments, with the students' work counted by {@link StudentWork}; archived ones left out. */
    List<AssignmentSummary> ofClass(UUID classId, ZoneId zone, StudentWork work) {
        return ofClass(classId, zone, work, false);
    }

    /** The class's archived (or its other) assignments, as {@link #ofClass(UUID, ZoneId, StudentWork)}. */
    List<AssignmentSummary> ofClass(UUID classId, ZoneId zone, StudentWork work, boolean archived) {
        List<AssignmentSummary> summaries = jdbc.sql("""
                SELECT a.id, a.title, s.exercise, a.open_at, a.due_at, a.feedback_policy, a.revision_allowed,
                       s.key_version_id IS NOT NULL AS key_pinned,
                       ARRAY(SELECT e.exercise FROM lesson_step e WHERE e.assignment_id = a.id
                              ORDER BY e.position) AS exercises
                  FROM assignment a
                  JOIN lesson_step s ON s.assignment_id = a.id AND s.position = 0
                 WHERE a.class_id = :class AND (a.archived_at IS NOT NULL) = :archived
                 ORDER BY a.due_at, a.title
                """)
                .param("class", classId)
                .param("archived", archived)
                .query((rs, n) -> new AssignmentSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("exercise"),
                        List.of((String[]) rs.getArray("exercises").getArray()),
                        instant(rs, "open_at"),
                        instant(rs, "due_at"),
                        zone,
                        FeedbackPolicy.fromCode(rs.getString("feedback_policy")).orElseThrow(),
                        rs.getBoolean("revision_allowed"),
                        rs.getBoolean("key_pinned"),
                        0,
                        0))
                .list();
        Map<UUID, StudentWork.Counts> counts =
                work.counts(summaries.stream().map(AssignmentSummary::id).toList());
        return summaries.stream()
                .map(a -> a.withCounts(counts.getOrDefault(a.id(), StudentWork.Counts.NONE)))
                .toList();
    }

    /**
     * Every assignment of a school's classes with its steps' exercises and due-date
     * accommodations: two statements for the whole school.
     */
    List<SchoolAssignment> ofSchool(UUID schoolId) {
        Map<UUID, Map<UUID, Instant>> overrides = new HashMap<>();
        jdbc.sql("SELECT assignment_id, student_id, due_at FROM assignment_due_override WHERE school_id = :school")
                .param("school", schoolId)
                .query(rs -> {
                    overrides
                            .computeIfAbsent(rs.getObject("assignment_id", UUID.class), k -> new HashMap<>())
                            .put(rs.getObject("student_id", UUID.class), instant(rs, "due_at"));
                });
        return jdbc.sql("""
                SELECT a.id, a.class_id, a.title, a.open_at, a.due_at,
                       ARRAY(SELECT e.exercise FROM lesson_step e WHERE e.assignment_id = a.id
                              ORDER BY e.position) AS exercises
                  FROM assignment a
                 WHERE a.school_id = :school AND a.archived_at IS NULL
                 ORDER BY a.class_id, a.due_at, a.title
                """)
                .param("school", schoolId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new SchoolAssignment(
                            id,
                            rs.getObject("class_id", UUID.class),
                            rs.getString("title"),
                            instant(rs, "open_at"),
                            instant(rs, "due_at"),
                            List.of((String[]) rs.getArray("exercises").getArray()),
                            overrides.getOrDefault(id, Map.of()));
                })
                .list();
    }

    /**
     * Open assignments of these classes for one student, with their own due date; their status
     * comes from their submission, which {@link StudentWork} reads.
     */
    List<MyAssignment> forStudent(
            UUID studentId, Map<UUID, String> classNames, Map<UUID, ZoneId> zones, Instant now, StudentWork work) {
        if (classNames.isEmpty()) {
            return List.of();
        }
        record Open(
                UUID id,
                UUID classId,
                String title,
                Instant due,
                FeedbackPolicy policy,
                @Nullable Instant releasedAt,
                boolean lateWorkAccepted,
                List<String> exercises) {}
        Collection<UUID> classIds = classNames.keySet();
        List<Open> open = jdbc.sql("""
                SELECT a.id, a.class_id, a.title, coalesce(o.due_at, a.due_at) AS due_at, a.feedback_policy,
                       a.feedback_released_at, a.late_work_accepted,
                       ARRAY(SELECT s.exercise FROM lesson_step s WHERE s.assignment_id = a.id ORDER BY s.position)
                           AS exercises
                  FROM assignment a
                  LEFT JOIN assignment_due_override o ON o.assignment_id = a.id AND o.student_id = :student
                 WHERE a.class_id IN (:classes) AND a.open_at <= :now AND a.archived_at IS NULL
                 ORDER BY coalesce(o.due_at, a.due_at), a.title
                """)
                .param("student", studentId)
                .param("classes", classIds)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Open(
                        rs.getObject("id", UUID.class),
                        rs.getObject("class_id", UUID.class),
                        rs.getString("title"),
                        instant(rs, "due_at"),
                        FeedbackPolicy.fromCode(rs.getString("feedback_policy")).orElseThrow(),
                        nullableInstant(rs, "feedback_released_at"),
                        rs.getBoolean("late_work_accepted"),
                        List.of((String[]) rs.getArray("exercises").getArray())))
                .list();
        Map<UUID, StudentWork.Progress> progress =
                work.progressOf(studentId, open.stream().map(Open::id).toList());
        return open.stream()
                .map(a -> {
                    StudentWork.Progress p = progress.get(a.id());
                    AssignmentStatus status = AssignmentStatus.of(
                            now,
                            a.due(),
                            p == null ? null : p.startedAt(),
                            p == null ? null : p.submittedAt(),
                            a.policy(),
                            a.releasedAt());
                    return new MyAssignment(
                            a.id(),
                            a.title(),
                            classNames.get(a.classId()),
                            a.due(),
                            zones.get(a.classId()),
                            status,
                            a.lateWorkAccepted(),
                            a.exercises());
                })
                .toList();
    }

    /** The assignment if it belongs to this class. */
    Optional<UUID> classOf(UUID assignmentId, UUID schoolId) {
        return jdbc.sql("SELECT class_id FROM assignment WHERE id = :id AND school_id = :school")
                .param("id", assignmentId)
                .param("school", schoolId)
                .query(UUID.class)
                .optional();
    }

    void setDueOverride(
            UUID assignmentId,
            UUID schoolId,
            UUID studentId,
            Instant due,
            @Nullable String reason,
            UUID by,
            Instant now) {
        jdbc.sql("""
                INSERT INTO assignment_due_override (assignment_id, school_id, student_id, due_at, reason, created_by, created_at)
                VALUES (:a, :school, :s, :due, :reason, :by, :now)
                ON CONFLICT (assignment_id, student_id) DO UPDATE SET due_at = :due, reason = :reason, created_by = :by,
                       created_at = :now
                """)
                .param("a", assignmentId)
                .param("school", schoolId)
                .param("s", studentId)
                .param("due", Timestamp.from(due))
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    Optional<StudentAssignment> forStudentWork(
            UUID assignmentId, UUID schoolId, UUID studentId, Map<UUID, ZoneId> zones, Instant now) {
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        List<LessonStep> steps = steps(assignmentId);
        if (steps.isEmpty() || steps.getFirst().articleVersionId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT a.id, a.school_id, a.class_id, a.title, coalesce(o.due_at, a.due_at) AS due_at, a.late_work_accepted, a.feedback_policy, a.revision_allowed,
                       a.revision_until, a.feedback_released_at
                  FROM assignment a
                  LEFT JOIN assignment_due_override o ON o.assignment_id = a.id AND o.student_id = :student
                 WHERE a.id = :id AND a.school_id = :school AND a.class_id IN (:classes) AND a.open_at <= :now
                   AND a.archived_at IS NULL
                """)
                .param("id", assignmentId)
                .param("school", schoolId)
                .param("student", studentId)
                .param("classes", zones.keySet())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new StudentAssignment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("class_id", UUID.class),
                        rs.getString("title"),
                        steps,
                        instant(rs, "due_at"),
                        zones.get(rs.getObject("class_id", UUID.class)),
                        rs.getBoolean("late_work_accepted"),
                        FeedbackPolicy.fromCode(rs.getString("feedback_policy")).orElseThrow(),
                        rs.getBoolean("revision_allowed"),
                        nullableInstant(rs, "revision_until"),
                        nullableInstant(rs, "feedback_released_at")))
                .optional();
    }

    Optional<TeacherAssignment> forTeacher(UUID assignmentId, ClassDetail schoolClass) {
        Map<UUID, Instant> overrides = new HashMap<>();
        jdbc.sql("SELECT student_id, due_at FROM assignment_due_override WHERE assignment_id = :a")
                .param("a", assignmentId)
                .query((ResultSet rs) -> {
                    overrides.put(rs.getObject("student_id", UUID.class), instant(rs, "due_at"));
                });
        List<LessonStep> steps = steps(assignmentId);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, school_id, title, open_at, due_at, late_work_accepted, feedback_policy, feedback_released_at, revision_allowed,
                       revision_until, match_threshold
                  FROM assignment WHERE id = :id AND class_id = :class
                """)
                .param("id", assignmentId)
                .param("class", schoolClass.id())
                .query((rs, n) -> new TeacherAssignment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        schoolClass.id(),
                        schoolClass.name(),
                        rs.getString("title"),
                        steps,
                        instant(rs, "open_at"),
                        instant(rs, "due_at"),
                        schoolClass.timeZone(),
                        rs.getBoolean("late_work_accepted"),
                        FeedbackPolicy.fromCode(rs.getString("feedback_policy")).orElseThrow(),
                        nullableInstant(rs, "feedback_released_at"),
                        rs.getBoolean("revision_allowed"),
                        nullableInstant(rs, "revision_until"),
                        rs.getDouble("match_threshold"),
                        schoolClass.roster(),
                        overrides))
                .optional();
    }

    /**
     * The pins of one step, when it is on an article, read with the given lock clause ("",
     * " FOR SHARE", " FOR UPDATE"). Every change of a step's pins updates the assignment row too,
     * so the assignment row is the one lock of its pins; the step row is locked as well because a
     * statement that waited for the lock re-reads only the rows it locks (PostgreSQL, Read
     * Committed), and must see the pins the other transaction committed.
     */
    Optional<GradedAssignment> gradedAssignment(UUID assignmentId, int position, String lock) {
        return jdbc.sql("""
                SELECT a.id, a.school_id, s.position, s.exercise, s.article_version_id, s.key_version_id,
                       a.match_threshold, (SELECT count(*) FROM lesson_step x WHERE x.assignment_id = a.id) AS steps
                  FROM assignment a JOIN lesson_step s ON s.assignment_id = a.id AND s.position = :position
                 WHERE a.id = :id AND s.article_version_id IS NOT NULL
                """ + (lock.isBlank() ? "" : lock + " OF a, s"))
                .param("id", assignmentId)
                .param("position", position)
                .query((rs, n) -> new GradedAssignment(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getObject("article_version_id", UUID.class),
                        rs.getObject("key_version_id", UUID.class),
                        rs.getDouble("match_threshold"),
                        rs.getInt("position"),
                        rs.getString("exercise"),
                        rs.getInt("steps")))
                .optional();
    }

    void releaseFeedback(UUID assignmentId, Instant now) {
        jdbc.sql("""
                UPDATE assignment SET feedback_released_at = :now, version = version + 1
                 WHERE id = :id AND feedback_released_at IS NULL
                """)
                .param("id", assignmentId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Pins a key version and the article version it is anchored to on one step and on every other
     * step on the same article (a lesson's claims and sources steps grade against one key), in one
     * statement, and counts the change on the assignment row (which locks it, see
     * {@link #gradedAssignment}).
     */
    void pinKeyVersion(UUID assignmentId, int position, UUID keyVersionId, UUID articleVersionId) {
        bumpVersion(assignmentId);
        jdbc.sql("""
                UPDATE lesson_step SET key_version_id = :v, article_version_id = :av, key_version_ignored_id = NULL
                 WHERE assignment_id = :id
                   AND article_id = (SELECT article_id FROM lesson_step WHERE assignment_id = :id AND position = :position)
                """)
                .param("id", assignmentId)
                .param("position", position)
                .param("v", keyVersionId)
                .param("av", articleVersionId)
                .update();
    }

    /** Remembers the newer key version the teacher chose not to move the step to. */
    void ignoreKeyVersion(UUID assignmentId, int position, UUID keyVersionId) {
        bumpVersion(assignmentId);
        jdbc.sql("""
                UPDATE lesson_step SET key_version_ignored_id = :v
                 WHERE assignment_id = :id
                   AND article_id = (SELECT article_id FROM lesson_step WHERE assignment_id = :id AND position = :position)
                """)
                .param("id", assignmentId)
                .param("position", position)
                .param("v", keyVersionId)
                .update();
    }

    /** The stored settings a teacher may edit (DD035), the row locked for the caller's change. */
    record Settings(
            UUID id,
            UUID classId,
            String title,
            Instant openAt,
            Instant dueAt,
            boolean lateWorkAccepted,
            FeedbackPolicy policy,
            boolean revisionAllowed,
            @Nullable Instant revisionUntil,
            boolean classmatesAfterSubmit,
            int version,
            boolean archived) {}

    /** The assignment's settings; {@code lock} is "" or " FOR UPDATE" (see {@link #gradedAssignment}). */
    Optional<Settings> settings(UUID assignmentId, UUID schoolId, String lock) {
        return jdbc.sql("""
                SELECT id, class_id, title, open_at, due_at, late_work_accepted, feedback_policy, revision_allowed,
                       revision_until, classmates_after_submit, version, archived_at IS NOT NULL AS archived
                  FROM assignment WHERE id = :id AND school_id = :school
                """ + lock)
                .param("id", assignmentId)
                .param("school", schoolId)
                .query((rs, n) -> new Settings(
                        rs.getObject("id", UUID.class),
                        rs.getObject("class_id", UUID.class),
                        rs.getString("title"),
                        instant(rs, "open_at"),
                        instant(rs, "due_at"),
                        rs.getBoolean("late_work_accepted"),
                        FeedbackPolicy.fromCode(rs.getString("feedback_policy")).orElseThrow(),
                        rs.getBoolean("revision_allowed"),
                        nullableInstant(rs, "revision_until"),
                        rs.getBoolean("classmates_after_submit"),
                        rs.getInt("version"),
                        rs.getBoolean("archived")))
                .optional();
    }

    /** Writes edited settings if the row is still at {@code s.version()}; false when it changed meanwhile. */
    boolean updateSettings(Settings s) {
        return jdbc.sql("""
                UPDATE assignment SET title = :title, open_at = :openAt, due_at = :dueAt, late_work_accepted = :late,
                       feedback_policy = :policy, revision_allowed = :revision, revision_until = :revisionUntil,
                       classmates_after_submit = :classmates, version = version + 1
                 WHERE id = :id AND version = :version
                """)
                        .param("id", s.id())
                        .param("version", s.version())
                        .param("title", s.title())
                        .param("openAt", Timestamp.from(s.openAt()))
                        .param("dueAt", Timestamp.from(s.dueAt()))
                        .param("late", s.lateWorkAccepted())
                        .param("policy", s.policy().code())
                        .param("revision", s.revisionAllowed())
                        .param("revisionUntil", s.revisionUntil() == null ? null : Timestamp.from(s.revisionUntil()))
                        .param("classmates", s.classmatesAfterSubmit())
                        .update()
                == 1;
    }

    /** Hides the assignment from its students and the class's lists, or shows it again (DD035). */
    void setArchived(UUID assignmentId, @Nullable Instant archivedAt) {
        jdbc.sql("UPDATE assignment SET archived_at = :at, version = version + 1 WHERE id = :id")
                .param("id", assignmentId)
                .param("at", archivedAt == null ? null : Timestamp.from(archivedAt))
                .update();
    }

    /**
     * Deletes an assignment nobody opened, with its steps and due-date overrides. A submission would
     * keep it by its foreign key: the database, too, never lets an assignment with work go.
     */
    void delete(UUID assignmentId) {
        jdbc.sql("DELETE FROM lesson_step_rubric_level WHERE assignment_id = :id")
                .param("id", assignmentId)
                .update();
        jdbc.sql("DELETE FROM lesson_step_article WHERE assignment_id = :id")
                .param("id", assignmentId)
                .update();
        jdbc.sql("DELETE FROM lesson_step WHERE assignment_id = :id")
                .param("id", assignmentId)
                .update();
        jdbc.sql("DELETE FROM assignment_due_override WHERE assignment_id = :id")
                .param("id", assignmentId)
                .update();
        jdbc.sql("DELETE FROM assignment WHERE id = :id")
                .param("id", assignmentId)
                .update();
    }

    private void bumpVersion(UUID assignmentId) {
        jdbc.sql("UPDATE assignment SET version = version + 1 WHERE id = :id")
                .param("id", assignmentId)
                .update();
    }
}
