package org.lateral;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts every row written to every table of the application's schema from now on, so a test can
 * show that a refused call changed no row anywhere: while it is open, a trigger on each table
 * adds one to the table's count for each row inserted, updated (to the same values too) or
 * deleted, and for a truncate. The counts live in a schema of their own and are written in the
 * writer's transaction, so a rolled-back write leaves them as they were. Reading them costs the
 * same however full the tables are: a scan of every table after each of the 2,210 calls of
 * HostileServiceInputIT took it from 17 s alone to 173 s in CI's shared test database, which
 * the tests before it have filled. Tables a refusal writes to by design (the audit trail records
 * refusals; throttles count wrong guesses) are left out by name, and so are the tables background
 * jobs write to while a test runs. {@link #close()} removes the triggers and the counts.
 */
public final class DatabaseFingerprint implements AutoCloseable {

    private static final String SCHEMA = "test_fingerprint";

    private final JdbcClient jdbc;
    private final List<String> tables;

    public DatabaseFingerprint(JdbcClient jdbc, Set<String> leftOut) {
        this.jdbc = jdbc;
        this.tables = jdbc
                .sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !leftOut.contains(t))
                .toList();
        jdbc.sql("CREATE SCHEMA IF NOT EXISTS " + SCHEMA).update();
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".writes (table_name text PRIMARY KEY, n bigint NOT NULL)")
                .update();
        jdbc.sql("TRUNCATE " + SCHEMA + ".writes").update();
        jdbc.sql("CREATE OR REPLACE FUNCTION " + SCHEMA + ".count_write() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN"
                        + "   INSERT INTO " + SCHEMA + ".writes VALUES (TG_TABLE_NAME, 1)"
                        + "     ON CONFLICT (table_name) DO UPDATE SET n = " + SCHEMA + ".writes.n + 1;"
                        + "   RETURN NULL;"
                        + " END $$")
                .update();
        for (String table : tables) {
            jdbc.sql("CREATE OR REPLACE TRIGGER test_fingerprint_rows AFTER INSERT OR UPDATE OR DELETE ON public.\""
                            + table + "\" FOR EACH ROW EXECUTE FUNCTION " + SCHEMA + ".count_write()")
                    .update();
            jdbc.sql("CREATE OR REPLACE TRIGGER test_fingerprint_truncate AFTER TRUNCATE ON public.\"" + table
                            + "\" FOR EACH STATEMENT EXECUTE FUNCTION " + SCHEMA + ".count_write()")
                    .update();
        }
    }

    public int tableCount() {
        return tables.size();
    }

    /** Table name to the number of rows written to it since this fingerprint was made. */
    public Map<String, Long> take() {
        Map<String, Long> state = new TreeMap<>();
        tables.forEach(t -> state.put(t, 0L));
        jdbc.sql("SELECT table_name, n FROM " + SCHEMA + ".writes").query(rs -> {
            long written = rs.getLong("n");
            state.computeIfPresent(rs.getString("table_name"), (t, none) -> written);
        });
        return state;
    }

    /** The tables written to between two fingerprints. */
    public static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream()
                .filter(t -> !before.get(t).equals(after.get(t)))
                .toList();
    }

    /** Removes the triggers, so the tests after this one write at full speed, and the counts. */
    @Override
    public void close() {
        for (String table : tables) {
            jdbc.sql("DROP TRIGGER IF EXISTS test_fingerprint_rows ON public.\"" + table + "\"")
                    .update();
            jdbc.sql("DROP TRIGGER IF EXISTS test_fingerprint_truncate ON public.\"" + table + "\"")
                    .update();
        }
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }
}
