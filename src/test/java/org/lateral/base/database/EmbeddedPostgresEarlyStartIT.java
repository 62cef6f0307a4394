package org.lateral.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded PostgreSQL started beside Spring's start-up (G7): the bean gets a working server,
 * a start that fails reports its own error, and a start nobody takes (the context failed first)
 * is stopped rather than left running. Real PostgreSQL processes, as in
 * {@link EmbeddedPostgresServerIT}.
 */
class EmbeddedPostgresEarlyStartIT {

    private Path dir;

    @BeforeEach
    void freshDirectory() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-early-it-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        EmbeddedPostgresServer.stopLeftoverPostmaster(dir.resolve("postgresql"));
    }

    @Test
    void the_server_taken_from_an_early_start_answers_queries() throws Exception {
        EmbeddedPostgresEarlyStart.Starting starting = EmbeddedPostgresEarlyStart.Starting.inBackground(dir, false);
        try (EmbeddedPostgresServer server = starting.take();
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            // Taken once: the context's shutdown must leave the bean's server to the bean.
            starting.destroy();
            assertThat(EmbeddedPostgresServer.leftoverPostmaster(server.dataDirectory()))
                    .isPresent();
        }
    }

    @Test
    void a_failed_early_start_reports_its_own_error_when_taken() throws Exception {
        // PostgreSQL's directory cannot be made: a file is in its way.
        Files.writeString(dir.resolve("postgresql"), "not a directory");

        EmbeddedPostgresEarlyStart.Starting starting = EmbeddedPostgresEarlyStart.Starting.inBackground(dir, false);

        assertThatThrownBy(starting::take)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Could not start the embedded PostgreSQL in " + dir.resolve("postgresql"));
    }

    @Test
    void an_early_start_that_nothing_takes_is_stopped_with_the_context_and_frees_the_directory() throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test", Map.of("lateral.mode.embedded-database", "true", "lateral.data-dir", dir.toString())));
        new EmbeddedPostgresEarlyStart()
                .onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));
        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresEarlyStart.BEAN_NAME))
                .isTrue();

        // A context that fails or closes before any bean took the server.
        context.refresh();
        context.close();

        assertThat(EmbeddedPostgresServer.leftoverPostmaster(dir.resolve("postgresql")))
                .isEmpty();
        // The data directory's lock is free again: the next Lateral starts on it.
        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dir, false)) {
            assertThat(next.port()).isPositive();
        }
    }

    @Test
    void with_an_external_database_nothing_is_started() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test", Map.of("lateral.mode.embedded-database", "false", "lateral.data-dir", dir.toString())));
        new EmbeddedPostgresEarlyStart()
                .onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresEarlyStart.BEAN_NAME))
                .isFalse();
        assertThat(dir.resolve("postgresql")).doesNotExist();
    }

    @Test
    void switched_off_the_server_is_left_to_its_bean() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "lateral.mode.embedded-database", "true",
                                "lateral.database.start-early", "false",
                                "lateral.data-dir", dir.toString())));
        new EmbeddedPostgresEarlyStart()
                .onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresEarlyStart.BEAN_NAME))
                .isFalse();
        assertThat(dir.resolve("postgresql")).doesNotExist();
    }
}
