package org.lateral.submission;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The attempt ids of one step of an assignment, for every student at once: the attempt page's
 * previous and next student read one small statement, not the results table. See DD010.
 */
@Repository
class StepAttempts {

    record Row(UUID studentId, UUID attemptId, int number) {}

    private final JdbcClient jdbc;

    StepAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every attempt of the step, by student and number. */
    List<Row> of(UUID assignmentId, int step) {
        return jdbc.sql("""
                SELECT sub.student_id, t.id, t.number
                  FROM submission sub JOIN attempt t ON t.submission_id = sub.id
                 WHERE sub.assignment_id = :a AND t.step = :step
                 ORDER BY sub.student_id, t.number
                """)
                .param("a", assignmentId)
                .param("step", step)
                .query((rs, n) -> new Row(
                        rs.getObject("student_id", UUID.class), rs.getObject("id", UUID.class), rs.getInt("number")))
                .list();
    }
}
