package org.lateral.base.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Runs in a separate JVM for {@link EmbeddedPostgresServerIT}: starts the embedded server on the
 * given directory, commits {@code rows} rows (each in its own transaction), prints READY, and
 * waits to be killed.
 */
public final class EmbeddedPostgresChild {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS crash_probe (id int PRIMARY KEY)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crash_probe VALUES (?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate(); // autocommit: acknowledged once durable
                }
            }
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
