package org.lateral;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The PostgreSQL servers that database tests run on: the embedded one of the test context, and
 * every server listed in {@code LATERAL_TEST_DATABASES} (comma-separated JDBC URLs of a role
 * that may create databases). CI lists Debian's PostgreSQL 15 there.
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static List<String> servers(DataSource embedded) throws SQLException {
        List<String> servers = new ArrayList<>();
        // The embedded server admits only its generated password, which the pool was given.
        String password =
                URLEncoder.encode(embedded.unwrap(HikariDataSource.class).getPassword(), StandardCharsets.UTF_8);
        try (Connection c = embedded.getConnection()) {
            servers.add(c.getMetaData().getURL() + "?user=postgres&password=" + password);
        }
        String extra = System.getenv("LATERAL_TEST_DATABASES");
        if (extra != null && !extra.isBlank()) {
            Arrays.stream(extra.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(servers::add);
        }
        return servers;
    }

    /** A server's URL for test names, without its password. */
    public static String describe(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }
}
