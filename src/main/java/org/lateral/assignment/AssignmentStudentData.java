package org.lateral.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lateral.base.StudentDataPart;
import org.lateral.base.StudentRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assignment feature's share of a student's record (DD023): the later due dates a teacher set
 * for them, with the reasons. Called only by the classroom's student-data service, after its access
 * rule.
 */
@Repository
class AssignmentStudentData implements StudentDataPart {

    private final JdbcClient jdbc;

    AssignmentStudentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("assignment_due_override");
    }

    @Override
    public Map<String, StudentRows> export(UUID studentId) {
        Map<String, StudentRows> tables = new LinkedHashMap<>();
        tables.put(
                "assignment_due_override",
                jdbc.sql("""
                        SELECT * FROM assignment_due_override
                         WHERE student_id = :student
                         ORDER BY created_at, assignment_id
                        """).param("student", studentId).query(StudentRows.reader()));
        return tables;
    }

    @Override
    public Map<String, Integer> delete(UUID studentId) {
        int deleted = jdbc.sql("DELETE FROM assignment_due_override WHERE student_id = :student")
                .param("student", studentId)
                .update();
        return Map.of("assignment_due_override", deleted);
    }

    @Override
    public int deletionOrder() {
        return 50;
    }
}
