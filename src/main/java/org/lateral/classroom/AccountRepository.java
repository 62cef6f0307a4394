package org.lateral.classroom;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.security.LoginAccount;
import org.lateral.security.LoginAccounts;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, their roles and password credentials. No access checks here: services do them. See DD010. */
@Repository
class AccountRepository implements LoginAccounts {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Display names of these accounts, by id; ids of no account are left out. */
    Map<UUID, String> displayNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, display_name FROM account WHERE id = ANY (:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    void insert(Account account, String passwordHash, boolean mustChangePassword) {
        insert(account, passwordHash, mustChangePassword, false);
    }

    void insert(Account account, String passwordHash, boolean mustChangePassword, boolean demo) {
        jdbc.sql("""
                INSERT INTO account (id, school_id, username, display_name, enabled, created_at, demo)
                VALUES (:id, :school, :username, :displayName, :enabled, :createdAt, :demo)
                """)
                .param("demo", demo)
                .param("id", account.id())
                .param("school", account.schoolId())
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("enabled", account.enabled())
                .param("createdAt", Timestamp.from(account.createdAt()))
                .update();
        for (Role role : account.roles()) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", account.id())
                    .param("role", role.name())
                    .update();
        }
        jdbc.sql("""
                INSERT INTO credential (id, account_id, kind, password_hash, must_change_password, created_at, updated_at)
                VALUES (:id, :account, 'password', :hash, :mustChange, :now, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("account", account.id())
                .param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .param("now", Timestamp.from(account.createdAt()))
                .update();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                SELECT a.id, a.school_id, a.username, a.display_name, a.enabled, a.created_at,
                       array(SELECT r.role FROM account_role r WHERE r.account_id = a.id) AS roles
                  FROM account a
                 WHERE a.username = :username
                """)
                .param("username", username)
                .query(AccountRepository::account)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }

    /** Demo accounts do not count: outside demo mode they are disabled, and setup must still be possible. */
    @Override
    public boolean noAccountsYet() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE NOT demo)")
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean sessionStillValid(UUID accountId, int sessionEpoch) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE id = :id AND enabled AND session_epoch = :epoch)")
                .param("id", accountId)
                .param("epoch", sessionEpoch)
                .query(Boolean.class)
                .single();
    }

    /** Ends every session of the account (at their next request); returns the new epoch. */
    int endSessions(UUID accountId) {
        return jdbc.sql("UPDATE account SET session_epoch = session_epoch + 1 WHERE id = :id RETURNING session_epoch")
                .param("id", accountId)
                .query(Integer.class)
                .single();
    }

    /** Switches an account off or on; switching off also ends its sessions. */
    void setEnabled(UUID accountId, boolean enabled, @Nullable UUID by, Instant now) {
        jdbc.sql("""
                UPDATE account
                   SET enabled = :enabled,
                       disabled_at = CASE WHEN :enabled THEN NULL ELSE CAST(:now AS timestamptz) END,
                       disabled_by = CASE WHEN :enabled THEN NULL ELSE CAST(:by AS uuid) END,
                       session_epoch = session_epoch + CASE WHEN :enabled THEN 0 ELSE 1 END,
                       version = version + 1
                 WHERE id = :id
                """)
                .param("id", accountId)
                .param("enabled", enabled)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Accounts that demo mode created, with their state. */
    record DemoAccount(UUID id, String username, boolean enabled) {}

    List<DemoAccount> demoAccounts() {
        return jdbc.sql("SELECT id, username, enabled FROM account WHERE demo ORDER BY created_at, username")
                .query((rs, n) -> new DemoAccount(
                        rs.getObject("id", UUID.class), rs.getString("username"), rs.getBoolean("enabled")))
                .list();
    }

    List<String> unflaggedAmong(Collection<String> usernames) {
        return jdbc.sql("SELECT username FROM account WHERE NOT demo AND username = ANY (:names) ORDER BY username")
                .param("names", usernames.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    void markDemo(UUID accountId) {
        jdbc.sql("UPDATE account SET demo = true WHERE id = :id")
                .param("id", accountId)
                .update();
    }

    boolean isDemo(UUID accountId) {
        return jdbc.sql("SELECT demo FROM account WHERE id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<LoginAccount> findForLogin(String username) {
        return jdbc.sql("""
                SELECT a.id, a.school_id, a.username, a.display_name, a.enabled, a.session_epoch, c.password_hash,
                       array(SELECT r.role FROM account_role r WHERE r.account_id = a.id) AS roles
                  FROM account a
                  JOIN credential c ON c.account_id = a.id AND c.kind = 'password'
                 WHERE a.username = :username
                """)
                .param("username", username)
                .query((rs, n) -> new LoginAccount(
                        rs.getObject("id", UUID.class),
                        rs.getObject("school_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        roles(rs.getArray("roles")),
                        rs.getInt("session_epoch")))
                .optional();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getObject("school_id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                roles(rs.getArray("roles")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return roles;
    }

    static Instant now(Clock clock) {
        // PostgreSQL keeps microseconds; truncating here makes a value read back equal the one written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE username = :u)")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    /** Renames the account if it is still at the version the teacher's page read; false otherwise. */
    boolean rename(UUID accountId, String displayName, int expectedVersion) {
        return jdbc.sql("UPDATE account SET display_name = :name, version = version + 1"
                                + " WHERE id = :id AND version = :expected")
                        .param("id", accountId)
                        .param("name", displayName)
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Sets a new password and ends every session of the account: whoever knew the old password
     * (or still sits at a computer signed in with it) is out. Returns the new session epoch.
     */
    /** The language the person chose (a BCP 47 tag), if they chose one. */
    Optional<String> language(UUID accountId) {
        return jdbc.sql("SELECT language FROM account WHERE id = :id AND language IS NOT NULL")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    void setLanguage(UUID accountId, @Nullable String languageTag) {
        jdbc.sql("UPDATE account SET language = :language WHERE id = :id")
                .param("id", accountId)
                .param("language", languageTag)
                .update();
    }

    int setPassword(UUID accountId, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                UPDATE credential SET password_hash = :hash, must_change_password = :mustChange, updated_at = :now
                 WHERE account_id = :id AND kind = 'password'
                """)
                .param("id", accountId)
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("now", Timestamp.from(now))
                .update();
        return endSessions(accountId);
    }

    Optional<String> passwordHash(UUID accountId) {
        return jdbc.sql("SELECT password_hash FROM credential WHERE account_id = :id AND kind = 'password'")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    boolean mustChangePassword(UUID accountId) {
        return jdbc.sql("SELECT coalesce(bool_or(must_change_password), false) FROM credential WHERE account_id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }

    boolean isEnabled(UUID accountId) {
        return jdbc.sql("SELECT coalesce(bool_or(enabled), false) FROM account WHERE id = :id")
                .param("id", accountId)
                .query(Boolean.class)
                .single();
    }
}
