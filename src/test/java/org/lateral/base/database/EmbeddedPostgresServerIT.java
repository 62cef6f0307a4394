package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's promises, tested with real processes: durable settings, a password
 * for every connection, data that survives restarts and crashes, and one Lateral per data
 * directory. A crash is simulated the way
 * it happens: a separate JVM owns the database and is killed with SIGKILL.
 */
class EmbeddedPostgresServerIT {

    private Path dir;
    private Process child;

    @BeforeEach
    void freshDirectory() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-it-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
        // Stop any postmaster a test left behind, so no process outlives the test run.
        EmbeddedPostgresServer.stopLeftoverPostmaster(dir.resolve("postgresql"));
    }

    @Test
    void durability_is_switched_back_on_and_the_server_listens_on_loopback_only() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(c, "server_version")).startsWith("18.");
        }
    }

    @Test
    void only_the_stored_password_gets_in_and_pg_hba_conf_trusts_no_one() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
            assertThat(activeHbaLines())
                    .isNotEmpty()
                    .allSatisfy(
                            line -> assertThat(line).endsWith(" scram-sha-256").doesNotContain("trust"));
            assertRefusedWithoutThePassword(server);

            try (Connection c = connect(server);
                    ResultSet rs = c.createStatement()
                            .executeQuery(
                                    "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1))
                        .as("the password is stored as a SCRAM verifier")
                        .isTrue();
                assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void the_password_is_long_random_and_in_a_file_only_its_owner_can_read() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
            Path file = dir.resolve("postgresql-password");
            assertThat(server.passwordFile()).isEqualTo(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            // 256 bits, URL-safe Base64: nothing a shell or a JDBC URL would need quoted.
            assertThat(Files.readString(file).strip())
                    .isEqualTo(server.password())
                    .matches("[A-Za-z0-9_-]{43}");
            assertThat(dir.resolve("postgresql-password.tmp")).doesNotExist();
        }
        try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(
                Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-it-other-"), true)) {
            assertThat(other.password())
                    .as("every data directory gets its own password")
                    .isNotEqualTo(
                            Files.readString(dir.resolve("postgresql-password")).strip());
        }
    }

    @Test
    void a_data_directory_of_an_earlier_lateral_that_trusts_everyone_is_secured_with_its_data_intact()
            throws Exception {
        // Earlier Lateral versions: zonky's defaults, pg_hba.conf trusting every local connection.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgresql"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE \"lateral\"");
            }
            try (Connection c = old.getDatabase("postgres", "lateral").getConnection()) {
                c.createStatement().execute("CREATE TABLE kept (v text)");
                c.createStatement().execute("INSERT INTO kept VALUES ('from before')");
            }
        }
        assertThat(activeHbaLines()).anySatisfy(line -> assertThat(line).endsWith(" trust"));
        assertThat(dir.resolve("postgresql-password")).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
            assertThat(activeHbaLines()).noneSatisfy(line -> assertThat(line).contains("trust"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                    .isEqualTo("rw-------");
            assertRefusedWithoutThePassword(server);
            assertThat(kept(server)).isEqualTo("from before");
        }
    }

    @Test
    void when_pg_hba_conf_trusts_again_the_next_start_secures_it_with_the_kept_password() throws Exception {
        // The state a crash leaves between setting the password and replacing pg_hba.conf.
        String password;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            password = server.password();
            c.createStatement().execute("CREATE TABLE kept (v text)");
            c.createStatement().execute("INSERT INTO kept VALUES ('from before')");
        }
        replaceInHba("scram-sha-256", "trust");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
            assertThat(server.password()).isEqualTo(password);
            assertRefusedWithoutThePassword(server);
            assertThat(kept(server)).isEqualTo("from before");
        }
    }

    @Test
    void a_lost_password_file_stops_the_start_with_a_way_out_and_that_way_out_works() throws Exception {
        String lost;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            lost = server.password();
            c.createStatement().execute("CREATE TABLE kept (v text)");
            c.createStatement().execute("INSERT INTO kept VALUES ('from before')");
        }
        Files.delete(dir.resolve("postgresql-password"));

        // A new password would lock Lateral out of its own data: the server knows only the old one.
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("postgresql-password").toString())
                .hasMessageContaining("'trust'");
        assertThat(EmbeddedPostgresServer.leftoverPostmaster(dir.resolve("postgresql")))
                .isEmpty();

        replaceInHba("scram-sha-256", "trust"); // what the message says to do
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false)) {
            assertThat(server.password()).isNotEqualTo(lost);
            assertRefusedWithoutThePassword(server);
            assertThat(kept(server)).isEqualTo("from before");
        }
    }

    @Test
    void data_survives_a_clean_restart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            c.createStatement().execute("CREATE TABLE kept (v text)");
            c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server);
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void a_second_lateral_on_the_same_data_directory_is_refused_with_a_clear_message() throws Exception {
        startChild(1);
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, false))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("in use by another running Lateral");
    }

    @Test
    void after_the_jvm_is_killed_the_leftover_postgres_is_stopped_and_every_committed_row_is_kept() throws Exception {
        startChild(250);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        ProcessHandle leftover = EmbeddedPostgresServer.leftoverPostmaster(dir.resolve("postgresql"))
                .orElseThrow(() -> new AssertionError("PostgreSQL should outlive the killed JVM"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(count(c)).isEqualTo(250);
        }
    }

    @Test
    void after_the_jvm_and_postgres_are_both_killed_lateral_starts_and_every_committed_row_is_kept() throws Exception {
        startChild(250);
        ProcessHandle postmaster = EmbeddedPostgresServer.leftoverPostmaster(dir.resolve("postgresql"))
                .orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(30, TimeUnit.SECONDS);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
                Connection c = connect(server)) {
            assertThat(count(c)).isEqualTo(250);
        }
    }

    private void startChild(int rows) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresChild.class.getName(),
                        dir.toString(),
                        Integer.toString(rows))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.equals("READY")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The child was killed; nothing more to read.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("The child JVM ended before it was ready:\n" + seen);
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private static void assertRefusedWithoutThePassword(EmbeddedPostgresServer server) {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", server.username());
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword)
                        .close())
                .as("a connection without a password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        String ipv4 = server.jdbcUrl().replace("//localhost:", "//127.0.0.1:");
        assertThatThrownBy(() -> DriverManager.getConnection(ipv4, server.username(), "not-the-password")
                        .close())
                .as("a connection with a wrong password")
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as("invalid_password").isEqualTo("28P01"));
    }

    private List<String> activeHbaLines() throws IOException {
        return Files.readAllLines(dir.resolve("postgresql/pg_hba.conf")).stream()
                .map(line -> line.replaceFirst("#.*", "").strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private void replaceInHba(String method, String replacement) throws IOException {
        Path hba = dir.resolve("postgresql/pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).replace(method, replacement));
    }

    private static String kept(EmbeddedPostgresServer server) throws SQLException {
        try (Connection c = connect(server);
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int count(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM crash_probe")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
