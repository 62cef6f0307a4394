package org.lateral.base.database;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Says in the log which database server is in use, so a school's IT person can tell at a glance. */
@Component
class DatabaseStartupLog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupLog.class);
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DatabaseStartupLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        String database =
                jdbc.sql("SELECT current_database()").query(String.class).single();
        String url;
        try (var connection = dataSource.getConnection()) {
            // The driver's URL carries no password.
            url = connection.getMetaData().getURL();
        }
        log.info("Database in use: PostgreSQL {} at {} (database '{}')", version, url, database);
    }
}
