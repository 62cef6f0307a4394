package org.lateral.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@LateralServerTest
class DemoSeederIT {

    @Autowired
    DemoSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void demo_mode_creates_the_teacher_and_24_students_in_one_class_with_the_demo_password() {
        assertThat(
                        count(
                                "SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id "
                                        + "WHERE a.username = 'admin' AND a.demo AND r.role = 'ADMIN' "
                                        + "AND NOT EXISTS (SELECT 1 FROM account_role o WHERE o.account_id = a.id AND o.role <> 'ADMIN')"))
                .as("a school admin who does not teach, flagged as a demo account")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM account a JOIN account_role r ON r.account_id = a.id "
                        + "WHERE r.role = 'STUDENT' AND a.username ~ '^student[0-9]+$'"))
                .isEqualTo(24);
        assertThat(count("SELECT count(*) FROM enrollment e JOIN class c ON c.id = e.class_id "
                        + "JOIN account t ON t.id = c.teacher_id WHERE t.username = 'teacher' AND c.name = 'Demo class' "
                        + "AND e.ended_at IS NULL"))
                .isEqualTo(24);
        String hash = jdbc.sql("SELECT c.password_hash FROM credential c JOIN account a ON a.id = c.account_id "
                        + "WHERE a.username = 'student24'")
                .query(String.class)
                .single();
        assertThat(passwordEncoder.matches("lateral-demo", hash)).isTrue();
        String code = jdbc.sql("SELECT join_code FROM class WHERE name = 'Demo class' AND join_enabled")
                .query(String.class)
                .single();
        assertThat(code).as("the demo class can be joined with a code").matches("[23456789A-HJ-NP-Z]{10}");
        String zone = jdbc.sql("SELECT time_zone FROM class WHERE name = 'Demo class'")
                .query(String.class)
                .single();
        assertThat(zone).isEqualTo(ZoneId.systemDefault().getId());
    }

    @Test
    void demo_mode_assigns_every_seed_article_with_the_frisky_one_open_now_and_due_seven_days_after_seeding() {
        var rows = jdbc.sql("""
                SELECT a.title, a.open_at <= now() AS open_now, a.feedback_policy, a.revision_allowed,
                       extract(epoch FROM a.due_at - c.created_at) / 86400 AS due_days
                  FROM assignment a JOIN class c ON c.id = a.class_id
                 WHERE c.name = 'Demo class'
                   AND ARRAY(SELECT s.exercise FROM lesson_step s WHERE s.assignment_id = a.id) = '{mark-claims}'
                 ORDER BY a.open_at""").query().listOfRows();
        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("feedback_policy")).isEqualTo("after-submit");
            assertThat(r.get("revision_allowed")).isEqualTo(true);
        });
        assertThat((String) rows.getFirst().get("title")).contains("Reportedly Defects");
        assertThat(rows.getFirst().get("open_now")).isEqualTo(true);
        assertThat(((Number) rows.getFirst().get("due_days")).doubleValue()).isBetween(7.0, 8.0);
        assertThat(rows.subList(1, 5))
                .allSatisfy(r -> assertThat(r.get("open_now")).isEqualTo(false));
    }

    @Test
    void demo_mode_has_a_two_step_lesson_on_the_isegoria_excerpt_open_now() throws Exception {
        var rows = jdbc.sql("""
                SELECT a.title, a.open_at <= now() AS open_now, a.feedback_policy, a.revision_allowed,
                       ARRAY(SELECT s.exercise FROM lesson_step s WHERE s.assignment_id = a.id ORDER BY s.position)
                           AS steps,
                       (SELECT v.title FROM lesson_step s JOIN article_version v ON v.id = s.article_version_id
                         WHERE s.assignment_id = a.id AND s.position = 1) AS article
                  FROM assignment a JOIN class c ON c.id = a.class_id
                 WHERE c.name = 'Demo class'
                   AND (SELECT count(*) FROM lesson_step s WHERE s.assignment_id = a.id) > 1""").query().listOfRows();
        assertThat(rows).hasSize(1);
        var lesson = rows.getFirst();
        assertThat(lesson.get("title")).isEqualTo(DemoSeeder.LESSON_TITLE);
        assertThat(lesson.get("open_now")).isEqualTo(true);
        assertThat(lesson.get("feedback_policy")).isEqualTo("after-submit");
        assertThat(lesson.get("revision_allowed")).isEqualTo(true);
        assertThat((String[]) ((java.sql.Array) lesson.get("steps")).getArray())
                .containsExactly("mark-claims", "identify-sources");
        assertThat((String) lesson.get("article")).isEqualTo("Confessions of an ISIS Spy");
    }

    @Test
    void demo_mode_has_a_compare_lesson_on_the_whole_defectors_set_open_now() {
        var rows = jdbc.sql("""
                SELECT a.title, a.open_at <= now() AS open_now, s.comparison_key_version_id IS NOT NULL AS keyed,
                       (SELECT count(*) FROM lesson_step_article x
                         WHERE x.assignment_id = a.id AND x.position = s.position) AS columns,
                       (SELECT count(*) FROM lesson_step_rubric_level r
                         WHERE r.assignment_id = a.id AND r.position = s.position) AS levels
                  FROM assignment a JOIN class c ON c.id = a.class_id
                  JOIN lesson_step s ON s.assignment_id = a.id
                 WHERE c.name = 'Demo class' AND s.exercise = 'compare-outlets'""").query().listOfRows();
        assertThat(rows).hasSize(1);
        var lesson = rows.getFirst();
        assertThat(lesson.get("title")).isEqualTo(DemoSeeder.COMPARE_TITLE);
        assertThat(lesson.get("open_now")).isEqualTo(true);
        assertThat(lesson.get("keyed")).as("pins the set's comparison key").isEqualTo(true);
        assertThat(((Number) lesson.get("columns")).intValue()).isEqualTo(5);
        assertThat(((Number) lesson.get("levels")).intValue())
                .as("the pack's rubric, copied for the teacher to edit")
                .isEqualTo(4);
    }

    @Test
    void seeding_again_changes_nothing() {
        Map<String, Long> before = counts();
        seeder.seed();
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        return Map.of(
                "account", count("SELECT count(*) FROM account"),
                "credential", count("SELECT count(*) FROM credential"),
                "class", count("SELECT count(*) FROM class"),
                "enrollment", count("SELECT count(*) FROM enrollment"),
                "assignment", count("SELECT count(*) FROM assignment"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
