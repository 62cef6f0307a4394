package org.lateral.base.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, Lateral runs its own PostgreSQL (see
 * {@link EmbeddedPostgresServer}). Defining the {@link DataSource} here makes Spring Boot's own
 * data source configuration step aside; Flyway and the health check use this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lateral.mode.embedded-database", havingValue = "true")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            ObjectProvider<EmbeddedPostgresEarlyStart.Starting> earlyStart,
            @Value("${lateral.data-dir}") Path dataDirectory,
            @Value("${lateral.database.ephemeral:false}") boolean ephemeral) {
        // Normally already starting since the context was created (EmbeddedPostgresEarlyStart).
        EmbeddedPostgresEarlyStart.Starting starting = earlyStart.getIfAvailable();
        long waitFrom = System.nanoTime();
        EmbeddedPostgresServer server = starting != null
                ? starting.take()
                : EmbeddedPostgresEarlyStart.Starting.start(dataDirectory, ephemeral);
        log.info(
                "Database: embedded PostgreSQL on localhost:{} (loopback only, password in {}), data in {}{};"
                        + " start-up waited {} ms for it{}",
                server.port(),
                server.passwordFile(),
                server.dataDirectory(),
                ephemeral ? " (deleted at shutdown)" : "",
                (System.nanoTime() - waitFrom) / 1_000_000,
                starting != null ? " (started early)" : "");
        return server;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgresServer server,
            // Spring Boot binds spring.datasource.hikari.* only to the pool it makes itself.
            @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeoutMillis) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setConnectionTimeout(connectionTimeoutMillis);
        dataSource.setPoolName("lateral");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
