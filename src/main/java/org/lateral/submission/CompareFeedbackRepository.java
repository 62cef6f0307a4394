package org.lateral.submission;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the compare step's feedback reads beyond the student's own work (DD015): the class's answers
 * per matrix cell and the parts of the attempt's latest score row. Read-only; see DD010.
 */
@Repository
class CompareFeedbackRepository {

    private final JdbcClient jdbc;

    CompareFeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How the students of an assignment answered each matrix cell of its compare step, from each
     * student's latest submitted attempt of the step (attempt 2 once it is submitted, else 1).
     */
    CompareFeedback.ClassCounts classCounts(UUID assignmentId, int step) {
        String latest = """
                SELECT DISTINCT ON (s.id) a.id
                  FROM submission s JOIN attempt a ON a.submission_id = s.id
                 WHERE s.assignment_id = :assignment AND a.step = :step AND a.submitted_at IS NOT NULL
                 ORDER BY s.id, a.number DESC
                """;
        int students = jdbc.sql("SELECT count(*) FROM (" + latest + ") l")
                .param("assignment", assignmentId)
                .param("step", step)
                .query(Integer.class)
                .single();
        Map<String, Map<UUID, Map<String, Integer>>> counts = new HashMap<>();
        jdbc.sql("SELECT c.claim_id, c.article_id, c.carried, count(*) AS n FROM compare_cell c WHERE c.attempt_id IN ("
                        + latest + ") AND c.carried IS NOT NULL GROUP BY c.claim_id, c.article_id, c.carried")
                .param("assignment", assignmentId)
                .param("step", step)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString("claim_id"), c -> new HashMap<>())
                            .computeIfAbsent(rs.getObject("article_id", UUID.class), a -> new HashMap<>())
                            .put(rs.getString("carried"), rs.getInt("n"));
                });
        return new CompareFeedback.ClassCounts(students, counts);
    }

    /** The latest score row of a compare attempt with its parts (V0014). */
    Optional<StudentFeedback.CompareScore> latestScore(UUID attemptId) {
        return jdbc.sql("""
                SELECT score, overridden, provisional, grid_part, matrix_part, judgement_part
                  FROM score WHERE attempt_id = :a AND comparison_key_version_id IS NOT NULL
                 ORDER BY position DESC LIMIT 1
                """)
                .param("a", attemptId)
                .query((rs, n) -> new StudentFeedback.CompareScore(
                        rs.getDouble("score"),
                        rs.getBoolean("overridden"),
                        rs.getBoolean("provisional"),
                        rs.getObject("grid_part") == null ? null : rs.getDouble("grid_part"),
                        rs.getObject("matrix_part") == null ? null : rs.getDouble("matrix_part"),
                        rs.getObject("judgement_part") == null ? null : rs.getDouble("judgement_part")))
                .optional();
    }
}
