package org.lateral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.submission.AssignmentDashboard;
import org.lateral.submission.AssignmentInsights;
import org.lateral.submission.Results;
import org.lateral.submission.ResultsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The benchmark's generator on one class (about 4,000 marks, a second or two): the counts it
 * reports are the rows written, the rows are consistent with each other, and the application reads
 * them as it reads real work (its scoring finds exactly the claims the generated score rows count).
 */
@LateralServerTest
// The second test adds the large class to the first one's school: it runs after the first's counts.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardDataIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AssignmentInsights insights;

    @Autowired
    ResultsService results;

    @Test
    @Order(1)
    void one_class_is_written_consistently_and_the_app_scores_it_as_the_score_rows_say() throws Exception {
        DashboardData data = new DashboardData(dataSource);
        assertThat(data.generated()).isFalse();
        DashboardData.Counts counts = data.generate(new DashboardData.Size("one-class", 1, 1, 1));
        assertThat(data.generated()).isTrue();

        UUID school = jdbc.sql("SELECT id FROM school WHERE name = 'Benchmark school 1'")
                .query(UUID.class)
                .single();
        assertThat(counts.classes()).isEqualTo(1);
        assertThat(counts.students()).isBetween(25, 35);
        assertThat(counts.assignments()).isEqualTo(DashboardData.ASSIGNMENTS_PER_CLASS);
        assertThat(count("SELECT count(*) FROM enrollment WHERE school_id = :s", school))
                .isEqualTo(counts.students());
        assertThat(count("SELECT count(*) FROM submission WHERE school_id = :s", school))
                .isEqualTo(counts.submissions());
        assertThat(count(
                        "SELECT count(*) FROM attempt t JOIN submission s ON s.id = t.submission_id WHERE s.school_id = :s",
                        school))
                .isEqualTo(counts.attempts());
        assertThat(count("""
                        SELECT count(*) FROM mark m JOIN attempt t ON t.id = m.attempt_id
                          JOIN submission s ON s.id = t.submission_id WHERE s.school_id = :s""", school)).isEqualTo(counts.marks()).isGreaterThan(2_000);

        // Every mark quotes the pinned text at its offsets.
        assertThat(count("""
                        SELECT count(*) FROM mark m JOIN attempt t ON t.id = m.attempt_id
                          JOIN submission s ON s.id = t.submission_id
                          JOIN lesson_step st ON st.assignment_id = s.assignment_id AND st.position = t.step
                          JOIN article_version v ON v.id = st.article_version_id
                         WHERE s.school_id = :s
                           AND (substr(v.canonical_text, m.start_offset + 1, m.end_offset - m.start_offset) <> m.exact
                                OR right(substr(v.canonical_text, 1, m.start_offset), 32) <> m.prefix)""", school)).isZero();
        // Score rows only for submitted attempts; work only from students of the assignment's class.
        assertThat(count("""
                        SELECT count(*) FROM score x JOIN attempt t ON t.id = x.attempt_id
                          JOIN submission s ON s.id = t.submission_id WHERE s.school_id = :s AND t.submitted_at IS NULL""", school)).isZero();
        assertThat(count("""
                        SELECT count(*) FROM submission s JOIN assignment a ON a.id = s.assignment_id
                         WHERE s.school_id = :s AND NOT EXISTS (
                               SELECT 1 FROM enrollment e WHERE e.class_id = a.class_id AND e.student_id = s.student_id)""", school)).isZero();

        // The application's own scoring, through the dashboard, finds what the score rows count.
        List<UUID> assignments = jdbc.sql("SELECT id FROM assignment WHERE school_id = :s ORDER BY open_at")
                .param("s", school)
                .query(UUID.class)
                .list();
        try (SignedIn ignored = SignedIn.as(users, "b1t1")) {
            for (UUID assignment : assignments) {
                AssignmentDashboard dashboard = insights.dashboard(assignment).orElseThrow();
                int found = dashboard.claims().stream()
                        .mapToInt(AssignmentDashboard.ClaimShare::found)
                        .sum();
                long matched =
                        jdbc.sql("""
                        SELECT coalesce(sum(x.found + x.mislabelled), 0) FROM submission s
                          JOIN LATERAL (SELECT t.id FROM attempt t WHERE t.submission_id = s.id AND t.submitted_at IS NOT NULL
                                         ORDER BY t.number DESC LIMIT 1) latest ON true
                          JOIN LATERAL (SELECT * FROM score x WHERE x.attempt_id = latest.id
                                         ORDER BY x.position DESC LIMIT 1) x ON true
                         WHERE s.assignment_id = :a""").param("a", assignment).query(Long.class).single();
                long submitters = count("""
                        SELECT count(*) FROM submission s WHERE s.assignment_id = :s
                           AND EXISTS (SELECT 1 FROM attempt t WHERE t.submission_id = s.id AND t.submitted_at IS NOT NULL)""", assignment);
                assertThat(dashboard.submitters()).isEqualTo(submitters).isGreaterThan(15);
                assertThat(found).isEqualTo(matched).isPositive();
            }
        }
    }

    @Test
    @Order(2)
    void the_large_class_is_added_to_school_1_and_its_teacher_reads_its_results_page_by_page() throws Exception {
        DashboardData data = new DashboardData(dataSource);
        if (!data.generated()) {
            data.generate(new DashboardData.Size("one-class", 1, 1, 1));
        }
        assertThat(data.largeClassGenerated()).isFalse();
        DashboardData.Counts counts = data.generateLargeClass(60);
        assertThat(data.largeClassGenerated()).isTrue();
        assertThat(counts.classes()).isEqualTo(1);
        assertThat(counts.students()).isEqualTo(60);
        UUID large = jdbc.sql("SELECT id FROM class WHERE name = :n")
                .param("n", DashboardData.LARGE_CLASS)
                .query(UUID.class)
                .single();
        assertThat(count("SELECT count(*) FROM enrollment WHERE class_id = :s", large))
                .isEqualTo(60);
        UUID assignment = jdbc.sql("SELECT id FROM assignment WHERE class_id = :c ORDER BY open_at LIMIT 1")
                .param("c", large)
                .query(UUID.class)
                .single();
        try (SignedIn ignored = SignedIn.as(users, DashboardData.LARGE_CLASS_TEACHER)) {
            List<Results.StudentResult> whole =
                    results.results(assignment).orElseThrow().students();
            assertThat(whole).hasSize(60);
            // The pages, one after the other, are the whole table.
            List<Results.StudentResult> paged = new java.util.ArrayList<>();
            for (int offset = 0; offset < 60; offset += 25) {
                paged.addAll(results.resultPage(assignment, offset, 25, false));
            }
            assertThat(paged).isEqualTo(whole);
            assertThat(whole).anyMatch(r -> r.attempt(1) != null && r.attempt(1).score() != null);
        }
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("s", id).query(Long.class).single();
    }
}
