package org.lateral.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.lateral.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V0009 (DD013) on a database that has work in it: every assignment becomes a one-step lesson
 * with exactly the pins it had, every attempt is of step 0, and nothing a student saved (attempts,
 * marks, scores) changes. A fresh database on the embedded server is migrated to V0008, filled
 * with plain SQL, then migrated to the latest version.
 */
@LateralServerTest
class LessonStepsMigrationIT {

    private static final UUID SCHOOL = UUID.fromString("00000000-0000-0000-0000-000000000001");

    /** Every column of the score rows (the amendment array as text, to compare by value). */
    private static final String SCORES = """
            SELECT id, position, attempt_id, key_version_id, amendment_ids::text AS amendment_ids, rules_version,
                   threshold, computed, score, overridden, found, mislabelled, missed, extra, cause, caused_by, comment,
                   created_at
              FROM score ORDER BY position
            """;

    @Autowired
    DataSource embedded;

    @Test
    void existing_assignments_become_one_step_lessons_with_their_pins_and_their_work_unchanged() throws Exception {
        String server = TestDatabases.servers(embedded).getFirst();
        String database = "lateral_steps_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(server);
        try (Connection c = admin.getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        try {
            PGSimpleDataSource fresh = new PGSimpleDataSource();
            fresh.setURL(server);
            fresh.setDatabaseName(database);
            migrateAndCheck(fresh);
        } finally {
            try (Connection c = admin.getConnection()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void migrateAndCheck(DataSource fresh) {
        Flyway.configure()
                .dataSource(fresh)
                .locations("classpath:db/migration")
                .target("0008")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(fresh);
        Before before = fill(jdbc);
        List<Map<String, Object>> scoresBefore = jdbc.sql(SCORES).query().listOfRows();
        List<Map<String, Object>> marksBefore =
                jdbc.sql("SELECT * FROM mark ORDER BY mark_id").query().listOfRows();

        var result = Flyway.configure()
                .dataSource(fresh)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);

        List<Map<String, Object>> steps = jdbc.sql("""
                        SELECT assignment_id, school_id, position, exercise, article_id, article_version_id, key_version_id,
                               key_version_ignored_id, story_set_id, weight
                          FROM lesson_step ORDER BY exercise
                        """).query().listOfRows();
        assertThat(steps).hasSize(2);
        Map<String, Object> compare = steps.get(0);
        Map<String, Object> marking = steps.get(1);

        assertThat(marking)
                .containsEntry("assignment_id", before.markClaims())
                .containsEntry("school_id", SCHOOL)
                .containsEntry("position", 0)
                .containsEntry("exercise", "mark-claims")
                .containsEntry("article_id", before.article())
                .containsEntry("article_version_id", before.articleVersion())
                .containsEntry("key_version_id", before.keyVersion())
                .containsEntry("key_version_ignored_id", before.newerKeyVersion())
                .containsEntry("story_set_id", null);
        assertThat(compare)
                .containsEntry("assignment_id", before.compareOutlets())
                .containsEntry("position", 0)
                .containsEntry("exercise", "compare-outlets")
                .containsEntry("article_version_id", null)
                .containsEntry("key_version_id", null)
                .containsEntry("story_set_id", before.storySet());
        assertThat(steps)
                .allSatisfy(
                        s -> assertThat((java.math.BigDecimal) s.get("weight")).isEqualByComparingTo("1"));

        // V0011 dropped the assignment's old pin columns once the steps held them.
        assertThat(jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                         WHERE table_name = 'assignment'
                           AND column_name IN ('article_id', 'article_version_id', 'key_version_id',
                                               'key_version_ignored_id', 'story_set_id')
                        """).query(String.class).list()).isEmpty();

        assertThat(jdbc.sql("SELECT id, step, number FROM attempt ORDER BY number")
                        .query()
                        .listOfRows())
                .containsExactly(
                        Map.of("id", before.attempt1(), "step", 0, "number", 1),
                        Map.of("id", before.attempt2(), "step", 0, "number", 2));
        assertThat(jdbc.sql(SCORES).query().listOfRows()).isEqualTo(scoresBefore);
        assertThat(jdbc.sql("SELECT * FROM mark ORDER BY mark_id").query().listOfRows())
                .isEqualTo(marksBefore);

        // Attempt numbers are unique per step now; a step's attempt 1 is still one only.
        UUID submission = jdbc.sql("SELECT submission_id FROM attempt WHERE id = :id")
                .param("id", before.attempt1())
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO attempt (id, submission_id, step, number, started_at) VALUES (:id, :s, 1, 1, now())")
                .param("id", UUID.randomUUID())
                .param("s", submission)
                .update();
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO attempt (id, submission_id, step, number, started_at) VALUES (:id, :s, 0, 1, now())")
                        .param("id", UUID.randomUUID())
                        .param("s", submission)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // A lesson has each exercise once, and a step on an article needs its article version.
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO lesson_step (assignment_id, school_id, position, exercise, article_id,
                                                         article_version_id)
                                VALUES (:a, :school, 1, 'mark-claims', :article, :version)
                                """)
                        .param("a", before.markClaims())
                        .param("school", SCHOOL)
                        .param("article", before.article())
                        .param("version", before.articleVersion())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO lesson_step (assignment_id, school_id, position, exercise)
                                VALUES (:a, :school, 1, 'identify-sources')
                                """)
                        .param("a", before.markClaims())
                        .param("school", SCHOOL)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private record Before(
            UUID article,
            UUID articleVersion,
            UUID keyVersion,
            UUID newerKeyVersion,
            UUID storySet,
            UUID markClaims,
            UUID compareOutlets,
            UUID attempt1,
            UUID attempt2) {}

    /** A class with a mark-claims assignment (with a submission of two scored attempts) and a comparison, at V0008. */
    private static Before fill(JdbcClient jdbc) {
        UUID teacher = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        UUID schoolClass = UUID.randomUUID();
        UUID outlet = UUID.randomUUID();
        UUID storySet = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        UUID articleVersion = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        UUID keyVersion = UUID.randomUUID();
        UUID newerKeyVersion = UUID.randomUUID();
        UUID markClaims = UUID.randomUUID();
        UUID compareOutlets = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        UUID attempt1 = UUID.randomUUID();
        UUID attempt2 = UUID.randomUUID();
        String sql = """
                INSERT INTO account (id, school_id, username, display_name, created_at)
                VALUES (:teacher, :school, 'history.teacher', 'History Teacher', now()), (:student, :school, 'kestrel7', 'Kestrel', now());
                INSERT INTO class (id, school_id, teacher_id, name, time_zone, created_at)
                VALUES (:class, :school, :teacher, 'History 9B', 'Europe/Berlin', now());
                INSERT INTO outlet (id, school_id, slug, name, kind, created_at, updated_at)
                VALUES (:outlet, :school, 'frisky', 'The Frisky', 'lifestyle-site', now(), now());
                INSERT INTO story_set (id, school_id, title, created_at, updated_at)
                VALUES (:set, :school, 'One story, three outlets', now(), now());
                INSERT INTO article (id, school_id, outlet_id, created_at, updated_at)
                VALUES (:article, :school, :outlet, now(), now());
                INSERT INTO article_version (id, article_id, content_hash, title, published_on, published_precision,
                                             language, canonical_text, created_at)
                VALUES (:articleVersion, :article, repeat('a', 64), 'A headline', '2016-08-15', 'day', 'en',
                        'Officials said the bridge is closed.', now());
                UPDATE article SET current_version_id = :articleVersion WHERE id = :article;
                INSERT INTO answer_key (id, school_id, article_id, created_at, updated_at)
                VALUES (:key, :school, :article, now(), now());
                INSERT INTO answer_key_version (id, key_id, article_version_id, content_hash, status, created_at)
                VALUES (:keyVersion, :key, :articleVersion, repeat('b', 64), 'complete', now()),
                       (:newerKeyVersion, :key, :articleVersion, repeat('c', 64), 'complete', now());
                UPDATE answer_key SET current_version_id = :newerKeyVersion WHERE id = :key;
                INSERT INTO assignment (id, school_id, class_id, exercise, title, article_id, article_version_id,
                                        key_version_id, key_version_ignored_id, open_at, due_at, feedback_policy,
                                        created_by, created_at)
                VALUES (:markClaims, :school, :class, 'mark-claims', 'Mark the claims', :article, :articleVersion,
                        :keyVersion, :newerKeyVersion, now() - interval '2 days', now() + interval '5 days',
                        'after-submit', :teacher, now());
                INSERT INTO assignment (id, school_id, class_id, exercise, title, story_set_id, open_at, due_at,
                                        feedback_policy, created_by, created_at)
                VALUES (:compare, :school, :class, 'compare-outlets', 'Compare the outlets', :set,
                        now() - interval '2 days', now() + interval '5 days', 'after-due', :teacher, now());
                INSERT INTO submission (id, school_id, assignment_id, student_id, started_at, submitted_at)
                VALUES (:submission, :school, :markClaims, :student, now() - interval '1 day', now());
                INSERT INTO attempt (id, submission_id, number, started_at, submitted_at)
                VALUES (:attempt1, :submission, 1, now() - interval '1 day', now() - interval '20 hours'),
                       (:attempt2, :submission, 2, now() - interval '10 hours', now());
                INSERT INTO mark (attempt_id, mark_id, seq, start_offset, end_offset, exact, prefix, suffix, claim_type,
                                  created_at, updated_at)
                VALUES (:attempt1, gen_random_uuid(), 3, 0, 36, 'Officials said the bridge is closed.', '', '',
                        'attributed', now(), now()),
                       (:attempt2, gen_random_uuid(), 1, 0, 36, 'Officials said the bridge is closed.', '', '',
                        'factual', now(), now());
                INSERT INTO score (id, attempt_id, key_version_id, rules_version, threshold, computed, score, found,
                                   mislabelled, missed, extra, cause, created_at)
                VALUES (gen_random_uuid(), :attempt1, :keyVersion, '1', 0.5, 100, 100, 1, 0, 0, 0, 'submitted', now()),
                       (gen_random_uuid(), :attempt2, :keyVersion, '1', 0.5, 40, 40, 0, 1, 0, 0, 'submitted', now());
                """;
        for (String statement : sql.split(";\\s*\\n")) {
            if (statement.isBlank()) {
                continue;
            }
            JdbcClient.StatementSpec spec = jdbc.sql(statement);
            Map<String, UUID> params = Map.ofEntries(
                    Map.entry("school", SCHOOL),
                    Map.entry("teacher", teacher),
                    Map.entry("student", student),
                    Map.entry("class", schoolClass),
                    Map.entry("outlet", outlet),
                    Map.entry("set", storySet),
                    Map.entry("article", article),
                    Map.entry("articleVersion", articleVersion),
                    Map.entry("key", key),
                    Map.entry("keyVersion", keyVersion),
                    Map.entry("newerKeyVersion", newerKeyVersion),
                    Map.entry("markClaims", markClaims),
                    Map.entry("compare", compareOutlets),
                    Map.entry("submission", submission),
                    Map.entry("attempt1", attempt1),
                    Map.entry("attempt2", attempt2));
            for (var p : params.entrySet()) {
                if (statement.contains(":" + p.getKey())) {
                    spec = spec.param(p.getKey(), p.getValue());
                }
            }
            spec.update();
        }
        return new Before(
                article,
                articleVersion,
                keyVersion,
                newerKeyVersion,
                storySet,
                markClaims,
                compareOutlets,
                attempt1,
                attempt2);
    }
}
