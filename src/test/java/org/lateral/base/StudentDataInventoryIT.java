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
}
