package org.lateral.classroom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.text.Names;
import org.lateral.security.Role;
import org.lateral.security.Trusted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Start-up tasks that run with no signed-in user (demo seeding). Every method is idempotent:
 * "ensure" finds what exists before creating anything. Views never use this service (the
 * architecture test enforces it); user-facing work goes through {@link ClassroomService}.
 */
@Service
@Trusted
@Transactional
public class ClassroomAdministration {

    /** The password of every demo account, published on the login page and in the README. */
    public static final String DEMO_PASSWORD = DemoAccounts.PUBLISHED_PASSWORD;

    private final AccountRepository accounts;
    private final ClassRepository classes;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    private final JdbcClient jdbc;

    /**
     * The published demo password's hash, computed once per process: every demo account has the
     * same public password, so one salt for all of them hides nothing, and seeding a thousand
     * demo students for the load harness (DD027) then costs one bcrypt instead of a thousand.
     */
    private volatile @Nullable String demoPasswordHash;

    ClassroomAdministration(
            AccountRepository accounts,
            ClassRepository classes,
            PasswordEncoder passwordEncoder,
            Clock clock,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.classes = classes;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * A school with this id, created with this name when it does not exist yet. There is no school
     * admin screen yet; this serves start-up tasks and tests (and later the instance admin).
     */
    public void ensureSchool(UUID schoolId, String name) {
        jdbc.sql("INSERT INTO school (id, name, created_at) VALUES (:id, :name, :now) ON CONFLICT (id) DO NOTHING")
                .param("id", schoolId)
                .param("name", Names.clean(name))
                .param("now", Timestamp.from(AccountRepository.now(clock)))
                .update();
    }

    /** The account with this username, created with these details when it does not exist yet. */
    public Account ensureAccount(UUID schoolId, String username, String displayName, Set<Role> roles, String password) {
        String normalised = Usernames.normalise(username);
        return accounts.findByUsername(normalised).orElseGet(() -> {
            Account account = new Account(
                    UUID.randomUUID(), schoolId, normalised, displayName, true, roles, AccountRepository.now(clock));
            accounts.insert(account, passwordEncoder.encode(password), false);
            return account;
        });
    }

    /**
     * A demo mode account (DD007): created with the published demo password and flagged as demo,
     * or, when it exists from an earlier demo start, switched back on (starts outside demo mode
     * switch demo accounts off). An account of this name that demo mode did not create is
     * returned as it is, never taken over.
     */
    public Account ensureDemoAccount(UUID schoolId, String username, String displayName, Set<Role> roles) {
        String normalised = Usernames.normalise(username);
        Optional<Account> existing = accounts.findByUsername(normalised);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!accounts.isDemo(account.id())
                    && passwordEncoder.matches(
                            DemoAccounts.PUBLISHED_PASSWORD,
                            accounts.passwordHash(account.id()).orElse(""))) {
                // Seeded by a version before demo accounts were flagged.
                accounts.markDemo(account.id());
            }
            if (accounts.isDemo(account.id()) && !account.enabled()) {
                accounts.setEnabled(account.id(), true, null, AccountRepository.now(clock));
                return accounts.findByUsername(normalised).orElseThrow();
            }
            return account;
        }
        Account account = new Account(
                UUID.randomUUID(), schoolId, normalised, displayName, true, roles, AccountRepository.now(clock));
        accounts.insert(account, demoPasswordHash(), false, true);
        return account;
    }

    private String demoPasswordHash() {
        String hash = demoPasswordHash;
        if (hash == null) {
            hash = passwordEncoder.encode(DemoAccounts.PUBLISHED_PASSWORD);
            demoPasswordHash = hash;
        }
        return hash;
    }

    /** The teacher's class of this name, created when the teacher has none. */
    public SchoolClass ensureClass(
            Account teacher, String name, @Nullable String subject, @Nullable String schoolYear, ZoneId timeZone) {
        if (!teacher.roles().contains(Role.TEACHER)) {
            throw new IllegalArgumentException("Only a teacher can own a class");
        }
        SchoolClass schoolClass = classes.findByTeacherAndName(teacher.schoolId(), teacher.id(), name.strip())
                .orElseGet(() -> {
                    SchoolClass created = new SchoolClass(
                            UUID.randomUUID(),
                            teacher.schoolId(),
                            teacher.id(),
                            name,
                            subject,
                            schoolYear,
                            timeZone,
                            AccountRepository.now(clock));
                    classes.insert(created);
                    return created;
                });
        // A class needs a join code wherever it came from, also one seeded before codes existed.
        if (classes.joinCode(schoolClass.id()).isEmpty()) {
            classes.assignNewJoinCode(schoolClass.id());
        }
        return schoolClass;
    }

    /** Enrolls the student (again, if they had left); the database keeps one row per pair. */
    public void ensureEnrolled(SchoolClass schoolClass, Account student) {
        if (!student.roles().contains(Role.STUDENT)) {
            throw new IllegalArgumentException("Only a student can be enrolled");
        }
        classes.enroll(schoolClass.schoolId(), schoolClass.id(), student.id(), AccountRepository.now(clock));
    }
}
