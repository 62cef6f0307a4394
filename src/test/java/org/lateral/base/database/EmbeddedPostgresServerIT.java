package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's promises, tested with real processes: durable settings, data that
 * survives restarts and crashes, and one Lateral per data directory. A crash is simulated the way
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
    void after_the_jvm_is_killed_the_leftover_postgres_is_stopped_and_every_committed_row_is_kept()
            throws Exception {
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
    void after_the_jvm_and_postgres_are_both_killed_lateral_starts_and_every_committed_row_is_kept()
            throws Exception {
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
        child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dir.toString(), Integer.toString(rows))
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
                        out.transferTo(java.io.Writer.nullWriter());
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
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
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
