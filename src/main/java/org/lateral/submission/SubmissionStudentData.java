package org.lateral.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lateral.base.StudentDataPart;
import org.lateral.base.StudentRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submission feature's share of a student's record (DD023): their submissions and attempts,
 * and everything hanging off an attempt (marks, sources, compare work, scores, the teacher's
 * comments and judgement grades). Called only by the classroom's student-data service, after its
 * access rule.
 */
@Repository
class SubmissionStudentData implements StudentDataPart {

    /** The student's attempts: every other table of this part hangs off one. */
    private static final String ATTEMPTS =
            "SELECT a.id FROM attempt a JOIN submission s ON s.id = a.submission_id WHERE s.student_id = :student";

    /** Each table's rows of the student, in the order an export lists them (deterministic, for a diff). */
    private static final Map<String, String> EXPORTS = exports();

    /** Deleting: what refers to another row goes before it (mentions and links before sources…). */
    private static final List<String> DELETES = List.of(
            "DELETE FROM source_mention WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM claim_link WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM student_source WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM mark WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM compare_grid WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM compare_span WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM compare_cell WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM lateral_note WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM judgement_grade WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM compare_judgement WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM score WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM attempt_comment WHERE attempt_id IN (" + ATTEMPTS + ")",
            "DELETE FROM attempt WHERE submission_id IN (SELECT id FROM submission WHERE student_id = :student)",
            "DELETE FROM submission WHERE student_id = :student");

    private final JdbcClient jdbc;

    SubmissionStudentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Map<String, String> exports() {
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("submission", "SELECT * FROM submission WHERE student_id = :student ORDER BY started_at, id");
        sql.put(
                "attempt",
                "SELECT * FROM attempt WHERE submission_id IN (SELECT id FROM submission WHERE student_id = :student) "
                        + "ORDER BY started_at, id");
        sql.put("mark", "SELECT * FROM mark WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("student_source", "SELECT * FROM student_source WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("source_mention", "SELECT * FROM source_mention WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("claim_link", "SELECT * FROM claim_link WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("compare_grid", "SELECT * FROM compare_grid WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("compare_span", "SELECT * FROM compare_span WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put("compare_cell", "SELECT * FROM compare_cell WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2, 3");
        sql.put("lateral_note", "SELECT * FROM lateral_note WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1, 2");
        sql.put(
                "compare_judgement",
                "SELECT * FROM compare_judgement WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY 1");
        sql.put(
                "judgement_grade",
                "SELECT * FROM judgement_grade WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY position");
        sql.put("score", "SELECT * FROM score WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY position");
        sql.put(
                "attempt_comment",
                "SELECT * FROM attempt_comment WHERE attempt_id IN (" + ATTEMPTS + ") ORDER BY created_at, id");
        return sql;
    }

    @Override
    public List<String> tables() {
        return List.copyOf(EXPORTS.keySet());
    }

    @Override
    public Map<String, StudentRows> export(UUID studentId) {
        Map<String, StudentRows> tables = new LinkedHashMap<>();
        EXPORTS.forEach((table, sql) ->
                tables.put(table, jdbc.sql(sql).param("student", studentId).query(StudentRows.reader())));
        return tables;
    }

    @Override
    public Map<String, Integer> delete(UUID studentId) {
        // Every save of an attempt locks it first (SubmissionRepository.lockAttempt): holding the
        // student's attempts makes a save in flight finish before, or find nothing after.
        jdbc.sql("""
                SELECT a.id FROM attempt a JOIN submission s ON s.id = a.submission_id
                 WHERE s.student_id = :student FOR UPDATE OF a
                """).param("student", studentId).query(UUID.class).list();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (String sql : DELETES) {
            String table = sql.substring("DELETE FROM ".length(), sql.indexOf(' ', "DELETE FROM ".length()));
            deleted.put(table, jdbc.sql(sql).param("student", studentId).update());
        }
        return deleted;
    }

    @Override
    public int deletionOrder() {
        return 10;
    }
}
