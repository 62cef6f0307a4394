package org.lateral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: SQL in a feature names only the tables its migrations made for it.
 * A screen that needs facts of several features composes them through the owning features'
 * services; only {@code dashboard} (read-only queries, which may depend on every feature) names
 * anyone's table. The migrations are the list of tables, so a new table fails here until it has
 * an owner. See DD011.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/org/lateral");

    /** Which feature's migration created each table (see the comments in db/V*.sql). */
    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("school", "classroom"),
            Map.entry("account", "classroom"),
            Map.entry("account_role", "classroom"),
            Map.entry("credential", "classroom"),
            Map.entry("class", "classroom"),
            Map.entry("enrollment", "classroom"),
            Map.entry("outlet", "library"),
            Map.entry("outlet_version", "library"),
            Map.entry("story_set", "library"),
            Map.entry("article", "library"),
            Map.entry("article_version", "library"),
            Map.entry("answer_key", "library"),
            Map.entry("answer_key_version", "library"),
            Map.entry("key_draft", "library"),
            Map.entry("comparison_key_draft", "library"),
            Map.entry("key_claim", "library"),
            Map.entry("key_source", "library"),
            Map.entry("key_source_attribution", "library"),
            Map.entry("key_claim_source", "library"),
            Map.entry("comparison_key", "library"),
            Map.entry("comparison_key_version", "library"),
            Map.entry("comparison_key_entry", "library"),
            Map.entry("comparison_core_claim", "library"),
            Map.entry("comparison_claim_carriage", "library"),
            Map.entry("comparison_rubric_level", "library"),
            Map.entry("pack_item", "library"),
            Map.entry("assignment", "assignment"),
            Map.entry("assignment_due_override", "assignment"),
            Map.entry("lesson_step", "assignment"),
            Map.entry("lesson_step_article", "assignment"),
            Map.entry("lesson_step_rubric_level", "assignment"),
            Map.entry("compare_grid", "submission"),
            Map.entry("compare_span", "submission"),
            Map.entry("compare_cell", "submission"),
            Map.entry("lateral_note", "submission"),
            Map.entry("compare_judgement", "submission"),
            Map.entry("judgement_grade", "submission"),
            Map.entry("submission", "submission"),
            Map.entry("attempt", "submission"),
            Map.entry("mark", "submission"),
            Map.entry("student_source", "submission"),
            Map.entry("source_mention", "submission"),
            Map.entry("claim_link", "submission"),
            Map.entry("key_amendment", "submission"),
            Map.entry("score", "submission"),
            Map.entry("attempt_comment", "submission"),
            Map.entry("throttle_bucket", "base"),
            Map.entry("scheduled_pass", "base"),
            Map.entry("audit_event", "audit"),
            Map.entry("setup_token", "classroom"),
            Map.entry("teacher_invite", "classroom"));

    /** Read-only query modules that may read every feature's tables. */
    private static final Set<String> READS_EVERYTHING = Set.of("dashboard");

    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE)\\b");
    private static final Pattern TABLE =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
    private static final Pattern WRITE = Pattern.compile("\\b(INSERT|UPDATE|DELETE)\\b|FOR (UPDATE|SHARE)");

    @Test
    void every_table_of_the_migrations_has_an_owner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("db"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .toList()) {
                Matcher m = Pattern.compile("(?i)CREATE TABLE\\s+([a-z_][a-z0-9_]*)")
                        .matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void sql_in_a_feature_names_only_that_features_tables() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Statement s : statements()) {
            if (READS_EVERYTHING.contains(s.feature())) {
                continue;
            }
            for (String table : s.tables()) {
                String owner = OWNER.get(table);
                if (owner == null && !table.startsWith("pg_")) {
                    violations.add(s.file() + " names " + table + ", which no migration creates");
                } else if (owner != null && !owner.equals(s.feature())) {
                    violations.add(s.file() + " (" + s.feature() + ") names " + table + " of " + owner);
                }
            }
        }
        assertThat(violations)
                .as("SQL that reaches into another feature's tables")
                .isEmpty();
    }

    @Test
    void dashboard_queries_only_read() throws IOException {
        List<String> writes = statements().stream()
                .filter(s -> READS_EVERYTHING.contains(s.feature())
                        && WRITE.matcher(s.sql()).find())
                .map(s -> s.file() + ": " + s.sql().strip())
                .toList();
        assertThat(writes).isEmpty();
    }

    @Test
    void the_scan_finds_tables_in_text_blocks_and_strings() {
        // Guards the scanner itself: a rule that finds nothing would pass every code base.
        String source =
                "jdbc.sql(\"\"\"\n SELECT a.id FROM assignment a\n LEFT JOIN submission s ON s.x = a.id\n \"\"\");"
                        + " jdbc.sql(\"UPDATE attempt SET x = 1 WHERE id IN (SELECT y FROM unnest(:ids))\");"
                        + " String label = \"Join class\";";
        assertThat(tablesIn(source)).containsExactlyInAnyOrder("assignment", "submission", "attempt");
    }

    private record Statement(Path file, String feature, String sql, Set<String> tables) {}

    private static List<Statement> statements() throws IOException {
        List<Statement> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = MAIN.relativize(file).getName(0).toString();
                Matcher m = STRING.matcher(Files.readString(file));
                while (m.find()) {
                    String literal = m.group(1) != null ? m.group(1) : m.group(2);
                    if (SQL.matcher(literal).find()) {
                        found.add(new Statement(file, feature, literal, tables(literal)));
                    }
                }
            }
        }
        assertThat(found).as("SQL statements found under " + MAIN).hasSizeGreaterThan(50);
        return found;
    }

    private static Set<String> tablesIn(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher m = STRING.matcher(source);
        while (m.find()) {
            String literal = m.group(1) != null ? m.group(1) : m.group(2);
            if (SQL.matcher(literal).find()) {
                tables.addAll(tables(literal));
            }
        }
        return tables;
    }

    private static Set<String> tables(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher t = TABLE.matcher(sql);
        while (t.find()) {
            tables.add(t.group(1));
        }
        return tables;
    }
}
