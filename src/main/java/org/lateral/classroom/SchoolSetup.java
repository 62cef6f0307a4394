package org.lateral.classroom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.Names;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.Role;
import org.lateral.security.Trusted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instance operator's work on schools (DD025), reached only through {@code java -jar
 * lateral.jar school …} ({@link SchoolCommand}): whoever can run the jar against the database
 * already holds all of it, so nothing here asks who is signed in (nobody is). A school's own admin
 * never sees other schools, so adding one is not a screen of the app.
 */
@Service
@Trusted
public class SchoolSetup {

    static final int MAX_SCHOOL_NAME = 200;
    static final int MAX_DISPLAY_NAME = 100;

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolSetup(
            AccountRepository accounts,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A school just added and its first admin's one-time sign-in, to be shown once. */
    public record NewSchool(UUID schoolId, String name, UUID adminId, OneTimeCredential admin) {}

    /** One school as the operator's list shows it: counts only, no names of people. */
    public record SchoolCount(UUID id, String name, Instant createdAt, long accounts, long classes) {}

    /**
     * Why these details cannot make a school, in a sentence for the operator (the command line
     * prints its English message), or empty when they
     * can as far as can be told without the database. Checked before Lateral starts for the command.
     */
    public static Optional<UserFacingException> problem(
            String schoolName, String username, @Nullable String displayName) {
        String name = Names.clean(schoolName);
        if (name.isEmpty() || name.length() > MAX_SCHOOL_NAME) {
            return Optional.of(UserFacingException.of("classroom.refusal.school.name", MAX_SCHOOL_NAME));
        }
        Optional<UserFacingException> usernameProblem = Usernames.problem(username);
        if (usernameProblem.isPresent()) {
            return Optional.of(UserFacingException.of(
                    "classroom.refusal.school.adminUsername",
                    username.strip(),
                    usernameProblem.get().getMessage()));
        }
        if (displayName != null) {
            String display = Names.clean(displayName);
            if (display.isEmpty() || display.length() > MAX_DISPLAY_NAME) {
                return Optional.of(UserFacingException.of("classroom.refusal.school.adminName", MAX_DISPLAY_NAME));
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a school and its first account, an ADMIN who is also a TEACHER (as the first account
     * that first-run setup creates: in a new school the admin usually teaches the first class),
     * with a one-time password to be changed at first sign-in. Refuses, changing nothing, a name
     * another school has (in any case: the operator tells schools apart by name) and a username
     * taken in any school (usernames are global: the login form has no school field).
     *
     * @param displayName the admin's name as others see it; the username when null
     * @throws UserFacingException saying what is wrong; nothing was written
     */
    @Transactional
    public NewSchool addSchool(String schoolName, String username, @Nullable String displayName) {
        problem(schoolName, username, displayName).ifPresent(p -> {
            throw p;
        });
        String name = Names.clean(schoolName);
        String login = Usernames.normalise(username);
        String shownAs = displayName == null ? login : Names.clean(displayName);
        // Two operators adding the same school at once: the second waits and then sees the first.
        jdbc.sql("LOCK TABLE school IN SHARE ROW EXCLUSIVE MODE").update();
        boolean nameUsed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM school WHERE lower(name) = lower(:name))")
                .param("name", name)
                .query(Boolean.class)
                .single();
        if (nameUsed) {
            throw UserFacingException.of("classroom.refusal.school.nameTaken", name);
        }
        if (accounts.usernameTaken(login)) {
            throw UserFacingException.of("classroom.refusal.school.usernameTaken", login);
        }
        Instant now = AccountRepository.now(clock);
        UUID schoolId = UUID.randomUUID();
        jdbc.sql("INSERT INTO school (id, name, created_at) VALUES (:id, :name, :now)")
                .param("id", schoolId)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .update();
        String password = ClassroomService.oneTimePassword();
        Account admin =
                new Account(UUID.randomUUID(), schoolId, login, shownAs, true, Set.of(Role.ADMIN, Role.TEACHER), now);
        accounts.insert(admin, passwordEncoder.encode(password), true);
        // Nobody is signed in: the event is the new school's, with no actor, like the retention's.
        audit.record(new AuditTrail.Entry(
                AuditAction.SCHOOL_CREATED,
                AuditOutcome.SUCCESS,
                null,
                schoolId,
                "school, account",
                List.of(schoolId, admin.id()),
                "by the operator's command, first admin added",
                ""));
        return new NewSchool(schoolId, name, admin.id(), new OneTimeCredential(shownAs, login, password));
    }

    /** Every school, oldest first, with how many accounts and classes (archived too) it has. */
    @Transactional(readOnly = true)
    public List<SchoolCount> schools() {
        return jdbc.sql("""
                SELECT s.id, s.name, s.created_at,
                       (SELECT count(*) FROM account a WHERE a.school_id = s.id) AS accounts,
                       (SELECT count(*) FROM class c WHERE c.school_id = s.id) AS classes
                  FROM school s
                 ORDER BY s.created_at, s.name, s.id
                """)
                .query((rs, n) -> new SchoolCount(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("accounts"),
                        rs.getLong("classes")))
                .list();
    }
}
