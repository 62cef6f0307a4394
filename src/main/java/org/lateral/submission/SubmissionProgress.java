package org.lateral.submission;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lateral.assignment.StudentWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answers the assignment feature's questions about students' work from this feature's own
 * submission table. See DD010.
 */
@Repository
class SubmissionProgress implements StudentWork {

    private final JdbcClient jdbc;

    SubmissionProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Counts> counts(Collection<UUID> assignmentIds) {
        Map<UUID, Counts> counts = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT assignment_id, count(*) AS started, count(submitted_at) AS submitted
                  FROM submission WHERE assignment_id = ANY (:ids) GROUP BY assignment_id
                """).param("ids", assignmentIds.toArray(UUID[]::new)).query((ResultSet rs) -> {
            counts.put(
                    rs.getObject("assignment_id", UUID.class),
                    new Counts(rs.getInt("started"), rs.getInt("submitted")));
        });
        return counts;
    }

    @Override
    public Map<UUID, Progress> progressOf(UUID studentId, Collection<UUID> assignmentIds) {
        Map<UUID, Progress> progress = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return progress;
        }
        jdbc.sql("""
                SELECT assignment_id, started_at, submitted_at FROM submission
                 WHERE student_id = :student AND assignment_id = ANY (:ids)
                """)
                .param("student", studentId)
                .param("ids", assignmentIds.toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
                    progress.put(
                            rs.getObject("assignment_id", UUID.class),
                            new Progress(
                                    rs.getObject("started_at", OffsetDateTime.class)
                                            .toInstant(),
                                    submitted == null ? null : submitted.toInstant()));
                });
        return progress;
    }

    @Override
    public boolean forgetUnopened(UUID assignmentId) {
        boolean opened = jdbc.sql("SELECT EXISTS (SELECT 1 FROM submission WHERE assignment_id = :a)")
                .param("a", assignmentId)
                .query(Boolean.class)
                .single();
        if (opened) {
            return false;
        }
        jdbc.sql("DELETE FROM key_amendment WHERE assignment_id = :a")
                .param("a", assignmentId)
                .update();
        return true;
    }
}
