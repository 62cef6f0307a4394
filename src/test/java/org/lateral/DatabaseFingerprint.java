package org.lateral;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table of the application's schema as its row count and the newest transaction that wrote
 * one of its rows, in one query, so a test can show that a refused call changed no row anywhere:
 * an insert or an update gives a row a new {@code xmin} (PostgreSQL's id of the writing
 * transaction, newer than every earlier one), a delete lowers the count, and a rolled-back write
 * leaves no visible row. It reads no column, so it costs a scan of each table however wide its
 * rows are (hashing every row as text read every article's text after each of the 2,000 calls of
 * HostileServiceInputIT, in a test database all the tests before it had filled). Tables a refusal writes to by
 * design (the audit trail records refusals; throttles count wrong guesses) are left out by name,
 * and so are the tables background jobs write to while a test runs.
 */
public final class DatabaseFingerprint {

    private final JdbcClient jdbc;
    private final List<String> tables;
    private final String query;

    public DatabaseFingerprint(JdbcClient jdbc, Set<String> leftOut) {
        this.jdbc = jdbc;
        this.tables = jdbc
                .sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !leftOut.contains(t))
                .toList();
        this.query = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n,"
                        + " coalesce(max(x.xmin::text::bigint), 0)::text AS h FROM \"" + t + "\" x")
                .collect(Collectors.joining(" UNION ALL "));
    }

    public int tableCount() {
        return tables.size();
    }

    /** Table name to "rows:newest writer". */
    public Map<String, String> take() {
        Map<String, String> state = new TreeMap<>();
        jdbc.sql(query).query(rs -> {
            state.put(rs.getString("t"), rs.getLong("n") + ":" + rs.getString("h"));
        });
        return state;
    }

    /** The tables whose rows differ between two fingerprints. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(t -> !before.get(t).equals(after.get(t)))
                .toList();
    }
}
