package org.lateral.classroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lateral.base.StudentDataPart;
import org.lateral.base.StudentRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The classroom's share of a student's record (DD023): the account (no password hash: the
 * credential is exported without it), its role, and the classes joined and left; and the look-ups
 * the student-data access rule and service need. Deleted last, since everything else refers to
 * the account.
 */
@Repository
class ClassroomStudentData implements StudentDataPart {

    private final JdbcClient jdbc;

    ClassroomStudentData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("account", "account_role", "credential", "enrollment");
    }

    @Override
    public Map<String, StudentRows> export(UUID studentId) {
        Map<String, StudentRows> tables = new LinkedHashMap<>();
        tables.put("account", rows("SELECT * FROM account WHERE id = :student", studentId));
        tables.put(
                "account_role",
                rows("SELECT * FROM account_role WHERE account_id = :student ORDER BY role", studentId));
        // Never the password hash: the record says a password exists and whether it must change.
        tables.put("credential", rows("""
                SELECT id, account_id, kind, must_change_password, created_at, updated_at
                  FROM credential WHERE account_id = :student ORDER BY created_at, id
                """, studentId));
        tables.put(
                "enrollment",
                rows("SELECT * FROM enrollment WHERE student_id = :student ORDER BY enrolled_at, id", studentId));
        return tables;
    }

    private StudentRows rows(String sql, UUID studentId) {
        return jdbc.sql(sql).param("student", studentId).query(StudentRows.reader());
    }

    @Override
    public Map<String, Integer> delete(UUID studentId) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("enrollment", update("DELETE FROM enrollment WHERE student_id = :student", studentId));
        deleted.put("credential", update("DELETE FROM credential WHERE account_id = :student", studentId));
        deleted.put("account_role", update("DELETE FROM account_role WHERE account_id = :student", studentId));
        // The account itself, not a tombstone: no row that is not the student's own refers to a
        // student's account (DD023). If one ever does, this fails and the whole deletion rolls back.
        deleted.put("account", update("DELETE FROM account WHERE id = :student", studentId));
        return deleted;
    }

    private int update(String sql, UUID studentId) {
        return jdbc.sql(sql).param("student", studentId).update();
    }

    @Override
    public int deletionOrder() {
        return 100;
    }

    /**
     * Locks the account for a deletion: a row being written that refers to it (a submission just
     * opened) waits until the deletion ends, and then finds no account.
     */
    void lockAccount(UUID accountId) {
        jdbc.sql("SELECT id FROM account WHERE id = :id FOR UPDATE")
                .param("id", accountId)
                .query(UUID.class)
                .list();
    }

    /** The account's username, school and roles, if it exists. */
    Optional<Student> student(UUID accountId) {
        return jdbc.sql("""
                SELECT a.username, a.display_name, a.school_id,
                       array(SELECT r.role FROM account_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
                  FROM account a WHERE a.id = :id
                """)
                .param("id", accountId)
                .query((rs, n) -> new Student(
                        accountId,
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getObject("school_id", UUID.class),
                        Set.of((String[]) rs.getArray("roles").getArray())))
                .optional();
    }

    /** The student is in a class of this teacher now (on its roster). */
    boolean onRosterOf(UUID teacherId, UUID schoolId, UUID studentId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM enrollment e JOIN class c ON c.id = e.class_id
                                WHERE e.student_id = :student AND e.ended_at IS NULL
                                  AND c.teacher_id = :teacher AND c.school_id = :school)
                """)
                .param("student", studentId)
                .param("teacher", teacherId)
                .param("school", schoolId)
                .query(Boolean.class)
                .single();
    }

    /** The student is or was in a class of another teacher, whose work a deletion would remove too. */
    boolean inClassOfAnotherTeacher(UUID teacherId, UUID studentId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM enrollment e JOIN class c ON c.id = e.class_id
                                WHERE e.student_id = :student AND c.teacher_id <> :teacher)
                """)
                .param("student", studentId)
                .param("teacher", teacherId)
                .query(Boolean.class)
                .single();
    }

    /** An account as the student-data service sees it. */
    record Student(UUID id, String username, String displayName, UUID schoolId, Set<String> roles) {

        /** Only a student's account: an account that teaches or administers is not deleted this way. */
        boolean onlyStudent() {
            return roles.equals(Set.of("STUDENT"));
        }
    }
}
