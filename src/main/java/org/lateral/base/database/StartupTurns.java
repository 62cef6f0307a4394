package org.lateral.base.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * App nodes starting together on one database take turns at their start-up work (issue 18,
 * DD030): switching demo accounts off, loading the shipped exercise packs, seeding demo mode. Each
 * of those is idempotent, but two nodes running them at once would race on the same rows (two
 * inserts of the same demo account: one node fails to start). The first start-up runner takes a
 * PostgreSQL advisory lock on a connection it keeps, the last one releases it; a second node waits
 * at the first runner until the first node is done, then finds everything in place. Flyway needs
 * no help: it takes its own lock on PostgreSQL.
 */
@Component
class StartupTurns implements ApplicationRunner, Ordered, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupTurns.class);

    /** The advisory lock's key: any number no other lock of Lateral uses ("LAT" and 1). */
    static final long KEY = 0x4C41_5400_0001L;

    private final DataSource dataSource;
    private @Nullable Connection held;

    StartupTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_try_advisory_lock(" + KEY + ")");
            var rs = s.getResultSet();
            rs.next();
            if (!rs.getBoolean(1)) {
                log.info("Another Lateral is starting on this database: waiting for it to finish its start-up work");
                s.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        held = c;
    }

    /** Lets the next node start; also when start-up failed (then at shutdown). */
    synchronized void release() {
        Connection c = held;
        held = null;
        if (c == null) {
            return;
        }
        try (c;
                Statement s = c.createStatement()) {
            // Session locks outlive a return to the pool: unlock before handing the connection back.
            s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // A broken connection took its lock with it.
        }
    }

    @Override
    public void destroy() {
        release();
    }

    /** The last start-up runner: the turn is over. */
    @Component
    static class Done implements ApplicationRunner, Ordered {

        private final StartupTurns turns;

        Done(StartupTurns turns) {
            this.turns = turns;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void run(ApplicationArguments args) {
            turns.release();
        }
    }
}
