package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lateral.Fixtures;
import org.lateral.LateralApplication;
import org.lateral.LateralServerTest;
import org.lateral.SignedIn;
import org.lateral.assignment.AssignmentSummary;
import org.lateral.base.highlighter.MarkState;
import org.lateral.base.highlighter.SaveStatus;
import org.lateral.classroom.ClassDetail;
import org.lateral.classroom.ClassroomService;
import org.lateral.classroom.NewClass;
import org.lateral.classroom.OneTimeCredential;
import org.lateral.submission.MarkingSession;
import org.lateral.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * R28 (DD024): the documented commands back up the running built-in database with pg_dump -Fc
 * and restore it into a fresh one; every table then has the same rows, byte for byte, and the
 * app starts on the restored database and reports ready.
 */
@LateralServerTest
class BackupRestoreIT {

    static final String PHRASE = "Violent terrorist attacks";

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ClassroomService classroom;

    @Autowired
    SubmissionService submissions;

    @Autowired
    UserDetailsService users;

    Path work;

    @BeforeEach
    void aSchoolWithAClassAndMarkedWork() throws IOException {
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-it-");
        UUID school = fixtures.schoolWithOwnPack("Backup test school", work.resolve("pack"));
        String teacher = fixtures.teacher(school, "backup");
        AssignmentSummary lesson;
        List<OneTimeCredential> students;
        try (var s = SignedIn.as(users, teacher)) {
            ClassDetail media = classroom.createClass(new NewClass("Media backup", "", "", "UTC"));
            students = classroom.createStudents(media.id(), "Ada\nBo");
            lesson = fixtures.frisky(media.id(), 3, false);
        }
        for (OneTimeCredential student : students) {
            try (var s = SignedIn.as(users, student.username())) {
                MarkingSession session = submissions.open(lesson.id()).orElseThrow();
                int at = session.text().indexOf(PHRASE);
                assertThat(at).isNotNegative();
                var saved = submissions.saveMark(
                        session.attemptId(),
                        new MarkState(
                                UUID.randomUUID(), 1, at, at + PHRASE.length(), PHRASE, "", "", "opinion", false));
                assertThat(saved.status()).isEqualTo(SaveStatus.SAVED);
                submissions.submit(session.attemptId());
            }
        }
    }

    @AfterEach
    void removeWork() throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void
            a_backup_of_the_running_database_restores_into_a_fresh_one_with_every_table_identical_and_the_app_starts_on_it()
                    throws Exception {
        Path backup = work.resolve("nightly/lateral.dump");
        Map<String, TableState> before = fingerprint(server.port(), server.password());

        Outcome backedUp =
                command("backup", backup.toString(), "--data-dir", server.root().toString());

        assertThat(backedUp.status()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).contains("Backed up the built-in database (running)");
        assertThat(Files.getPosixFilePermissions(backup))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(work.resolve("nightly/lateral.dump.partial")).doesNotExist();
        // Nothing wrote meanwhile, so the source is what the dump saw.
        assertThat(fingerprint(server.port(), server.password())).isEqualTo(before);

        Path fresh = work.resolve("fresh-data");
        long restoreStarted = System.nanoTime();
        Outcome restored = command("restore", backup.toString(), "--data-dir", fresh.toString());
        double restoreSeconds = (System.nanoTime() - restoreStarted) / 1e9;

        assertThat(restored.status()).as(restored.err()).isZero();
        try (EmbeddedPostgresServer copy = EmbeddedPostgresServer.start(fresh, false)) {
            assertThat(copy.port()).isNotEqualTo(server.port());
            Map<String, TableState> after = fingerprint(copy.port(), copy.password());
            assertThat(differences(before, after)).isEmpty();
            assertThat(before.get("mark").rows()).isPositive();
            assertThat(before.get("attempt").rows()).isPositive();
            // What the app checks at start: every migration applied, none changed, none pending.
            Flyway flyway = Flyway.configure()
                    .dataSource(copy.jdbcUrl(), copy.username(), copy.password())
                    .locations("classpath:db/migration")
                    .load();
            flyway.validate();
            assertThat(flyway.info().pending()).isEmpty();
            // And the app itself starts on the restored database, sees the seeded school and
            // reports ready.
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LateralApplication.class)
                    .run(
                            "--spring.datasource.url=" + copy.jdbcUrl(),
                            "--spring.datasource.username=" + copy.username(),
                            "--spring.datasource.password=" + copy.password(),
                            "--server.port=0",
                            "--server.address=127.0.0.1")) {
                assertThat(app.getBean(JdbcClient.class)
                                .sql("SELECT count(*) FROM school WHERE name = 'Backup test school'")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpResponse<String> ready = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(200);
            }
            long rows = after.values().stream().mapToLong(TableState::rows).sum();
            System.out.printf(
                    "R28 backup/restore: %d tables restored, %d rows, per-table count and md5 diff 0;"
                            + " dump %,d bytes; backup %s; restore into a fresh data directory %.1f s (RTO, incl."
                            + " initdb)%n",
                    after.size(), rows, Files.size(backup), backedUp.out().strip(), restoreSeconds);
        }
    }

    @Test
    void a_restore_over_data_is_refused_without_replace_and_a_broken_file_changes_nothing() throws Exception {
        Path backup = work.resolve("lateral.dump");
        assertThat(command(
                                "backup",
                                backup.toString(),
                                "--data-dir",
                                server.root().toString())
                        .status())
                .isZero();
        Path target = work.resolve("target-data");
        assertThat(command("restore", backup.toString(), "--data-dir", target.toString())
                        .status())
                .isZero();
        Map<String, TableState> restored = fingerprintOf(target);

        Outcome again = command("restore", backup.toString(), "--data-dir", target.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already holds data").contains("--replace");

        byte[] archive = Files.readAllBytes(backup);
        Path truncated = work.resolve("truncated.dump");
        Files.write(truncated, java.util.Arrays.copyOf(archive, archive.length / 2));
        Path damaged = work.resolve("damaged.dump");
        byte[] garbled = archive.clone();
        java.util.Arrays.fill(garbled, archive.length / 2, archive.length / 2 + 4096, (byte) 0x5a);
        Files.write(damaged, garbled);
        for (Path broken : List.of(truncated, damaged)) {
            Outcome fromBroken = command("restore", broken.toString(), "--replace", "--data-dir", target.toString());
            assertThat(fromBroken.status()).as(broken.toString()).isEqualTo(1);
            assertThat(fromBroken.err()).contains("nothing was changed");
            assertThat(fingerprintOf(target)).isEqualTo(restored);
        }

        Outcome replaced = command("restore", backup.toString(), "--replace", "--data-dir", target.toString());
        assertThat(replaced.status()).as(replaced.err()).isZero();
        assertThat(fingerprintOf(target)).isEqualTo(restored);
    }

    record Outcome(int status, String out, String err) {}

    record TableState(long rows, String md5) {}

    private static Outcome command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("SPRING_DATASOURCE_URL");
        int status = BackupCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, TableState> fingerprintOf(Path root) throws Exception {
        try (EmbeddedPostgresServer copy = EmbeddedPostgresServer.start(root, false)) {
            return fingerprint(copy.port(), copy.password());
        }
    }

    /** Every table in the schema: its row count and the md5 of its rows as text, in order. */
    private static Map<String, TableState> fingerprint(int port, String password) throws SQLException {
        Map<String, TableState> tables = new TreeMap<>();
        try (Connection connection = DatabaseBackup.connect(port, EmbeddedPostgresServer.DATABASE, password);
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n'"
                        + " ORDER BY t::text COLLATE \"C\"), '')) FROM public.\"" + name + "\" t")) {
                    rs.next();
                    tables.put(name, new TableState(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    private static List<String> differences(Map<String, TableState> before, Map<String, TableState> after) {
        List<String> differences = new ArrayList<>();
        for (String table : Set.copyOf(before.keySet())) {
            if (!before.get(table).equals(after.get(table))) {
                differences.add(table + ": " + before.get(table) + " became " + after.get(table));
            }
        }
        for (String table : after.keySet()) {
            if (!before.containsKey(table)) {
                differences.add(table + ": only in the restored database");
            }
        }
        return differences;
    }
}
