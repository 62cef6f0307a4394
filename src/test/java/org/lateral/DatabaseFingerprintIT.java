package org.lateral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hostile-input tests trust {@link DatabaseFingerprint} to notice any write a refused call
 * made; here each kind of write is made to a table of its own and must show, while a read, a
 * row lock, an update that matches no row and a rolled-back write must not; closed, it leaves no
 * trigger behind.
 */
@LateralServerTest
class DatabaseFingerprintIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    DatabaseFingerprint fingerprint;

    @BeforeEach
    void aTableOfItsOwn() {
        jdbc.sql("CREATE TABLE fingerprint_probe (id int PRIMARY KEY, body text NOT NULL)")
                .update();
        jdbc.sql("INSERT INTO fingerprint_probe VALUES (1, 'one'), (2, 'two')").update();
        fingerprint = new DatabaseFingerprint(jdbc, Set.of("audit_event", "throttle_bucket", "scheduled_pass"));
    }

    @AfterEach
    void dropIt() {
        fingerprint.close();
        jdbc.sql("DROP TABLE fingerprint_probe").update();
    }

    private void changesOnly(String statement) {
        Map<String, Long> before = fingerprint.take();
        jdbc.sql(statement).update();
        assertThat(DatabaseFingerprint.changed(before, fingerprint.take()))
                .as(statement)
                .containsExactly("fingerprint_probe");
    }

    private void changesNothing(Runnable action) {
        Map<String, Long> before = fingerprint.take();
        action.run();
        assertThat(DatabaseFingerprint.changed(before, fingerprint.take())).isEmpty();
    }

    @Test
    void an_insert_an_update_to_the_same_value_a_delete_and_a_delete_with_an_insert_each_show() {
        changesOnly("INSERT INTO fingerprint_probe VALUES (3, 'three')");
        changesOnly("UPDATE fingerprint_probe SET body = 'one' WHERE id = 1");
        changesOnly("DELETE FROM fingerprint_probe WHERE id = 3");
        changesOnly(
                "WITH gone AS (DELETE FROM fingerprint_probe WHERE id = 2) INSERT INTO fingerprint_probe VALUES (4, 'two')");
        changesOnly("TRUNCATE fingerprint_probe");
    }

    @Test
    void a_read_a_row_lock_an_update_of_no_row_and_a_rolled_back_write_show_nothing() {
        changesNothing(() -> jdbc.sql("SELECT * FROM fingerprint_probe").query().listOfRows());
        changesNothing(() -> transactions.executeWithoutResult(
                tx -> jdbc.sql("SELECT * FROM fingerprint_probe WHERE id = 1 FOR UPDATE")
                        .query()
                        .listOfRows()));
        changesNothing(() -> jdbc.sql("UPDATE fingerprint_probe SET body = 'none' WHERE id = 99")
                .update());
        changesNothing(() -> transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE fingerprint_probe SET body = 'changed'").update();
            jdbc.sql("INSERT INTO fingerprint_probe VALUES (5, 'five')").update();
            tx.setRollbackOnly();
        }));
    }

    @Test
    void closed_it_leaves_no_trigger_and_no_schema_behind() {
        fingerprint.close();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'test_fingerprint%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'test_fingerprint'")
                        .query(Long.class)
                        .single())
                .isZero();
        // Made again for dropIt, which closes it once more: closing twice does no harm.
        fingerprint = new DatabaseFingerprint(jdbc, Set.of());
    }
}
