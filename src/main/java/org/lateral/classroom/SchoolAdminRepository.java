package org.lateral.classroom;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries of the school admin's screen (DD026): people, roles, invitations, settings. */
@Repository
class SchoolAdminRepository {

    private static final String MEMBER_COLUMNS = """
            a.id, a.username, a.display_name, a.enabled, a.version, a.demo,
            array(SELECT r.role FROM account_role r WHERE r.account_id = a.id) AS roles
            """;

    private final JdbcClient jdbc;

    SchoolAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Teachers and admins of the school, by name, each with the classes they teach (not archived). */
    List<SchoolMember> staff(UUID schoolId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                        , array(SELECT c.id || '|' || c.name FROM class c
                                 WHERE c.teacher_id = a.id AND c.archived_at IS NULL ORDER BY c.name) AS classes
                          FROM account a
                         WHERE a.school_id = :school
                           AND EXISTS (SELECT 1 FROM account_role r
                                        WHERE r.account_id = a.id AND r.role IN ('TEACHER', 'ADMIN'))
                         ORDER BY lower(a.display_name), a.username
                        """)
                .param("school", schoolId)
                .query(SchoolAdminRepository::member)
                .list();
    }

    /** One page of the school's students whose name or username contains {@code filter}. */
    List<SchoolMember> students(UUID schoolId, String filter, int limit) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                        , array(SELECT c.id || '|' || c.name FROM enrollment e JOIN class c ON c.id = e.class_id
                                 WHERE e.student_id = a.id AND e.ended_at IS NULL AND c.archived_at IS NULL
                                 ORDER BY c.name) AS classes
                          FROM account a
                         WHERE a.school_id = :school
                           AND """ + " " + STUDENT_MATCH + """
                         ORDER BY lower(a.display_name), a.username
                         LIMIT :limit
                        """)
                .param("school", schoolId)
                .param("pattern", pattern(filter))
                .param("limit", limit)
                .query(SchoolAdminRepository::member)
                .list();
    }

    /** How many of the school's students match {@code filter}. */
    int countStudents(UUID schoolId, String filter) {
        return jdbc.sql("SELECT count(*) FROM account a WHERE a.school_id = :school AND " + STUDENT_MATCH)
                .param("school", schoolId)
                .param("pattern", pattern(filter))
                .query(Integer.class)
                .single();
    }

    // A student is an account whose only role is STUDENT: a teacher who also studies is staff.
    private static final String STUDENT_MATCH = """
            EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'STUDENT')
            AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role <> 'STUDENT')
            AND (a.display_name ILIKE :pattern ESCAPE '\\' OR a.username ILIKE :pattern ESCAPE '\\')
            """;

    /** A LIKE pattern matching the typed text anywhere, its wildcards taken literally. */
    static String pattern(String filter) {
        String escaped =
                filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** One person of the school, whatever their role. */
    Optional<SchoolMember> member(UUID schoolId, UUID accountId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                        , array(SELECT c.id || '|' || c.name FROM enrollment e JOIN class c ON c.id = e.class_id
                                 WHERE e.student_id = a.id AND e.ended_at IS NULL AND c.archived_at IS NULL
                                 ORDER BY c.name) AS classes
                          FROM account a
                         WHERE a.school_id = :school AND a.id = :id
                        """)
                .param("school", schoolId)
                .param("id", accountId)
                .query(SchoolAdminRepository::member)
                .optional();
    }

    /** The school's classes that are not archived, as "name (teacher)", for moving a student. */
    List<SchoolMember.ClassRef> openClasses(UUID schoolId) {
        return jdbc.sql("""
                SELECT c.id, c.name || ' (' || t.display_name || ')' AS label
                  FROM class c JOIN account t ON t.id = c.teacher_id
                 WHERE c.school_id = :school AND c.archived_at IS NULL
                 ORDER BY lower(c.name), lower(t.display_name)
                """)
                .param("school", schoolId)
                .query((rs, n) -> new SchoolMember.ClassRef(rs.getObject("id", UUID.class), rs.getString("label")))
                .list();
    }

    /** Whether this class belongs to the school and is not archived. */
    boolean isOpenClass(UUID schoolId, UUID classId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM class WHERE id = :id AND school_id = :school"
                        + " AND archived_at IS NULL)")
                .param("id", classId)
                .param("school", schoolId)
                .query(Boolean.class)
                .single();
    }

    void addRole(UUID accountId, Role role) {
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role) ON CONFLICT DO NOTHING")
                .param("id", accountId)
                .param("role", role.name())
                .update();
    }

    void removeRole(UUID accountId, Role role) {
        jdbc.sql("DELETE FROM account_role WHERE account_id = :id AND role = :role")
                .param("id", accountId)
                .param("role", role.name())
                .update();
    }

    /**
     * The school's admins whose accounts are on, locked for the rest of the transaction, so two
     * admins removing each other at once cannot leave the school with none.
     */
    List<UUID> lockEnabledAdmins(UUID schoolId) {
        return jdbc.sql("""
                SELECT a.id FROM account a
                 WHERE a.school_id = :school AND a.enabled
                   AND EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role = 'ADMIN')
                 ORDER BY a.id
                   FOR UPDATE OF a
                """).param("school", schoolId).query(UUID.class).list();
    }

    /** Bumps the account's version (its roles changed) unless someone changed it since it was read. */
    boolean claimVersion(UUID accountId, int expectedVersion) {
        return jdbc.sql("UPDATE account SET version = version + 1 WHERE id = :id AND version = :expected")
                        .param("id", accountId)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    SchoolSettings settings(UUID schoolId, int instanceDays) {
        return jdbc.sql("SELECT name, archived_class_days FROM school WHERE id = :id")
                .param("id", schoolId)
                .query((rs, n) -> new SchoolSettings(
                        rs.getString("name"), (Integer) rs.getObject("archived_class_days"), instanceDays))
                .single();
    }

    void setArchivedClassDays(UUID schoolId, @Nullable Integer days) {
        jdbc.sql("UPDATE school SET archived_class_days = :days WHERE id = :id")
                .param("id", schoolId)
                .param("days", days)
                .update();
    }

    // Invitations

    void insertInvite(
            UUID id,
            UUID schoolId,
            String codeHash,
            String meantFor,
            boolean asAdmin,
            UUID by,
            Instant now,
            Instant expires) {
        jdbc.sql("""
                INSERT INTO teacher_invite (id, school_id, code_sha256, meant_for, as_admin, created_by, created_at,
                                            expires_at)
                VALUES (:id, :school, :hash, :meantFor, :asAdmin, :by, :now, :expires)
                """)
                .param("id", id)
                .param("school", schoolId)
                .param("hash", codeHash)
                .param("meantFor", meantFor)
                .param("asAdmin", asAdmin)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    /** The school's invitations, newest first (the most recent hundred). */
    List<TeacherInvite> invites(UUID schoolId, Instant now) {
        return jdbc.sql(INVITE_SELECT + " WHERE i.school_id = :school ORDER BY i.created_at DESC, i.id LIMIT 100")
                .param("school", schoolId)
                .query((rs, n) -> invite(rs, now))
                .list();
    }

    Optional<TeacherInvite> invite(UUID schoolId, UUID inviteId, Instant now) {
        return jdbc.sql(INVITE_SELECT + " WHERE i.school_id = :school AND i.id = :id")
                .param("school", schoolId)
                .param("id", inviteId)
                .query((rs, n) -> invite(rs, now))
                .optional();
    }

    /** An invitation that can still be used, by its code's hash, locked until the transaction ends. */
    record OpenInvite(UUID id, UUID schoolId, String schoolName, boolean asAdmin) {}

    Optional<OpenInvite> lockOpenInvite(String codeHash, Instant now) {
        return jdbc.sql("""
                SELECT i.id, i.school_id, s.name, i.as_admin
                  FROM teacher_invite i JOIN school s ON s.id = i.school_id
                 WHERE i.code_sha256 = :hash AND i.used_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > :now
                   FOR UPDATE OF i
                """)
                .param("hash", codeHash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new OpenInvite(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("name"),
                        rs.getBoolean("as_admin")))
                .optional();
    }

    void markInviteUsed(UUID inviteId, UUID accountId, Instant now) {
        jdbc.sql("UPDATE teacher_invite SET used_at = :now, used_by = :account WHERE id = :id AND used_at IS NULL")
                .param("id", inviteId)
                .param("account", accountId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Withdraws a pending invitation; false when it was used, expired or withdrawn already. */
    boolean withdrawInvite(UUID schoolId, UUID inviteId, Instant now) {
        return jdbc.sql("""
                        UPDATE teacher_invite SET withdrawn_at = :now
                         WHERE id = :id AND school_id = :school
                           AND used_at IS NULL AND withdrawn_at IS NULL AND expires_at > :now
                        """)
                        .param("id", inviteId)
                        .param("school", schoolId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static final String INVITE_SELECT = """
            SELECT i.id, i.meant_for, i.as_admin, i.created_at, i.expires_at, i.used_at, i.withdrawn_at,
                   u.display_name AS used_by_name
              FROM teacher_invite i LEFT JOIN account u ON u.id = i.used_by
            """;

    private static TeacherInvite invite(ResultSet rs, Instant now) throws SQLException {
        Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
        TeacherInvite.State state;
        if (rs.getObject("used_at") != null) {
            state = TeacherInvite.State.USED;
        } else if (rs.getObject("withdrawn_at") != null) {
            state = TeacherInvite.State.WITHDRAWN;
        } else if (!expires.isAfter(now)) {
            state = TeacherInvite.State.EXPIRED;
        } else {
            state = TeacherInvite.State.PENDING;
        }
        return new TeacherInvite(
                rs.getObject("id", UUID.class),
                rs.getString("meant_for"),
                rs.getBoolean("as_admin"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                expires,
                state,
                rs.getString("used_by_name"));
    }

    private static SchoolMember member(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return new SchoolMember(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                roles,
                classRefs(rs.getArray("classes")),
                rs.getInt("version"),
                rs.getBoolean("demo"),
                false,
                false);
    }

    private static List<SchoolMember.ClassRef> classRefs(Array array) throws SQLException {
        List<SchoolMember.ClassRef> refs = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            String text = (String) value;
            int bar = text.indexOf('|');
            refs.add(new SchoolMember.ClassRef(UUID.fromString(text.substring(0, bar)), text.substring(bar + 1)));
        }
        return refs;
    }
}
