package org.lateral.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lateral.LateralServerTest;
import org.lateral.TestDatabases;
import org.lateral.base.Schools;
import org.lateral.security.Role;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations and the classroom repositories on every PostgreSQL Lateral supports: the
 * embedded 18 always, and each server listed in {@code LATERAL_TEST_DATABASES} (comma-separated
 * JDBC URLs of a role allowed to create databases). CI lists Debian's PostgreSQL 15, the oldest
 * supported version, so no 16+-only SQL slips into a migration.
 *
 * <p>Each server gets a brand-new database, migrated from scratch by the real files in db/.
 */
@LateralServerTest
class DatabaseCompatibilityIT {

    @Autowired
    DataSource embedded;

    @TestFactory
    Stream<DynamicTest> migrations_apply_and_accounts_and_classes_round_trip_on_every_supported_postgres()
            throws Exception {
        return TestDatabases.servers(embedded).stream()
                .map(url -> DynamicTest.dynamicTest(TestDatabases.describe(url), () -> roundTrip(url)));
    }

    private static void roundTrip(String serverUrl) throws Exception {
        String database = "lateral_compat_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(serverUrl);
        try (Connection c = admin.getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        try {
            PGSimpleDataSource fresh = new PGSimpleDataSource();
            fresh.setURL(serverUrl);
            fresh.setDatabaseName(database);
            int version;
            try (Connection c = fresh.getConnection()) {
                version = c.getMetaData().getDatabaseMajorVersion();
            }
            assertThat(version).as("server major version").isGreaterThanOrEqualTo(15);

            var result = Flyway.configure()
                    .dataSource(fresh)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);

            exerciseRepositories(JdbcClient.create(fresh));
        } finally {
            try (Connection c = admin.getConnection()) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void exerciseRepositories(JdbcClient jdbc) {
        AccountRepository accounts = new AccountRepository(jdbc);
        ClassRepository classes = new ClassRepository(jdbc);
        Clock clock = Clock.fixed(Instant.parse("2026-09-01T07:30:00.123456Z"), ZoneOffset.UTC);

        Account teacher = new Account(
                UUID.randomUUID(),
                Schools.DEFAULT_SCHOOL_ID,
                "History.Teacher",
                "History Teacher",
                true,
                Set.of(Role.TEACHER, Role.ADMIN),
                clock.instant());
        Account student = new Account(
                UUID.randomUUID(),
                Schools.DEFAULT_SCHOOL_ID,
                "kestrel7",
                "Kestrel",
                true,
                Set.of(Role.STUDENT),
                clock.instant());
        accounts.insert(teacher, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", false);
        accounts.insert(student, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", true);
        assertThat(accounts.findByUsername("history.teacher")).contains(teacher);
        assertThat(accounts.findForLogin("kestrel7")).hasValueSatisfying(login -> {
            assertThat(login.roles()).containsExactly(Role.STUDENT);
            assertThat(login.passwordHash()).startsWith("{bcrypt}");
        });

        SchoolClass history = new SchoolClass(
                UUID.randomUUID(),
                Schools.DEFAULT_SCHOOL_ID,
                teacher.id(),
                "History 9B",
                "History",
                "2026/27",
                ZoneId.of("Europe/Berlin"),
                clock.instant());
        classes.insert(history);
        classes.enroll(history.schoolId(), history.id(), student.id(), clock.instant());
        classes.enroll(history.schoolId(), history.id(), student.id(), clock.instant()); // idempotent

        assertThat(classes.findByTeacherAndName(Schools.DEFAULT_SCHOOL_ID, teacher.id(), "History 9B"))
                .contains(history);
        assertThat(classes.summariesForTeacher(Schools.DEFAULT_SCHOOL_ID, teacher.id()))
                .containsExactly(new ClassSummary(
                        history.id(), "History 9B", "History", "2026/27", ZoneId.of("Europe/Berlin"), 1));
        assertThat(classes.classesOfStudent(Schools.DEFAULT_SCHOOL_ID, student.id()))
                .containsExactly(new StudentClassSummary(
                        history.id(), "History 9B", "History Teacher", ZoneId.of("Europe/Berlin")));

        // The database, not only the services, refuses a class whose teacher is in another school.
        UUID otherSchool = UUID.randomUUID();
        jdbc.sql("INSERT INTO school (id, name, created_at) VALUES (:id, 'Other school', now())")
                .param("id", otherSchool)
                .update();
        SchoolClass crossSchool = new SchoolClass(
                UUID.randomUUID(), otherSchool, teacher.id(), "Sneaky", null, null, ZoneId.of("UTC"), clock.instant());
        Assertions.assertThatThrownBy(() -> classes.insert(crossSchool))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
