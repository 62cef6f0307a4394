package org.lateral;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table of the application's schema as its row count and the md5 of its rows as text, in
 * one query, so a test can show that a refused call changed no row anywhere. Tables a refusal
 * writes to by design (the audit trail records refusals; throttles count wrong guesses) are left
 * out by name.
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
        // Rows compared as text in a fixed order: a changed value in any column changes the md5.
        this.query = tables.stream()
                .map(t -> "SELECT '" + t
                        + "' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), ''))"
                        + " AS h FROM \"" + t + "\" x")
                .collect(Collectors.joining(" UNION ALL "));
    }

    public int tableCount() {
        return tables.size();
    }

    /** Table name to "rows:md5". */
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
