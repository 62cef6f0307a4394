package org.lateral.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lateral.LateralServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table that refers to an account must say, in {@link StudentDataInventory}, how a
 * student's export and deletion treat it. A new migration that adds such a table without adding
 * it to the inventory fails here.
 */
@LateralServerTest
class StudentDataInventoryIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_table_with_a_reference_to_an_account_is_in_the_student_data_inventory() {
        List<String> referencing = jdbc.sql("""
                SELECT DISTINCT c.conrelid::regclass::text
                  FROM pg_constraint c
                 WHERE c.contype = 'f' AND c.confrelid = 'account'::regclass
                """).query(String.class).list();
        Set<String> inventoried = StudentDataInventory.TABLES.stream()
                .map(StudentDataInventory.Entry::table)
                .collect(Collectors.toSet());
        assertThat(referencing).isNotEmpty();
        assertThat(inventoried)
                .as("tables referring to account, missing from StudentDataInventory")
                .containsAll(referencing);
        assertThat(inventoried).contains("account");
    }

    @Test
    void every_inventoried_table_and_student_column_exists() {
        for (StudentDataInventory.Entry entry : StudentDataInventory.TABLES) {
            List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = :t")
                    .param("t", entry.table())
                    .query(String.class)
                    .list();
            assertThat(columns).as(entry.table()).isNotEmpty().containsAll(entry.studentColumns());
            assertThat(entry.why()).isNotBlank();
        }
    }

    /**
     * Lateral keeps the least personal data that works (SECURITY.md, "Privacy"): a person is a
     * username and a display name, nothing else. A migration that adds a contact or identity
     * column anywhere, or any column to the account, fails here until the promise is revisited.
     */
    @Test
    void the_schema_holds_no_contact_or_identity_column_and_an_account_is_a_username_and_a_name() {
        List<String> columns = jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() ORDER BY 1
                """).query(String.class).list();
        List<String> personal = columns.stream()
                .filter(c -> c.substring(c.indexOf('.') + 1)
                        .matches(".*(mail|phone|mobile|birth|dob|gender|sex|street|postcode|zip|parent|guardian"
                                + "|photo|avatar|ssn|national|ethnic|religio|health|home_address|address_line).*"))
                .toList();
        List<String> account = columns.stream()
                .filter(c -> c.startsWith("account."))
                .map(c -> c.substring("account.".length()))
                .toList();
        System.out.printf(
                "Personal data: %d columns checked, contact or identity columns %d, account columns %s%n",
                columns.size(), personal.size(), account);
        assertThat(columns).hasSizeGreaterThan(100);
        assertThat(personal)
                .as("columns that would hold contact or identity data")
                .isEmpty();
        assertThat(account)
                .containsExactlyInAnyOrder(
                        "id",
                        "school_id",
                        "username",
                        "display_name",
                        "enabled",
                        "created_at",
                        "version",
                        "demo",
                        "session_epoch",
                        "disabled_at",
                        "disabled_by",
                        "language");
    }
}
