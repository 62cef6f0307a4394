package org.lateral.base.database;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run each pass on one app node only (issue 18, DD030). Every node's timer
 * fires; the first to claim the pass in PostgreSQL's {@code scheduled_pass} table runs it, and the
 * others, finding it claimed less than {@code gap} ago, skip it. One node is then enough for each
 * pass, and two never delete the same rows at once. A node that dies mid-pass leaves the rest to
 * the next pass, which every job here tolerates (each pass does all that is due).
 */
@Component
public class ScheduledPasses {

    /** Who claimed a pass, for whoever reads the table: the JVM's pid@host. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ScheduledPasses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * True when this node may run the job's pass now: no node started it less than {@code gap}
     * ago. Give a gap a little shorter than the job's period, so that timers drifting apart never
     * skip a whole period.
     */
    public boolean claim(String job, Duration gap) {
        Timestamp now = Timestamp.from(clock.instant());
        // One statement, so two nodes cannot both see the pass free: the second waits for the
        // first's row lock, then its WHERE no longer holds and it gets no row back.
        return jdbc.sql("""
                        INSERT INTO scheduled_pass (job, started_at, started_by) VALUES (:job, :now, :node)
                        ON CONFLICT (job) DO UPDATE SET started_at = EXCLUDED.started_at, started_by = EXCLUDED.started_by
                         WHERE scheduled_pass.started_at <= CAST(:now AS timestamptz) - make_interval(secs => :gap)
                        RETURNING job""")
                .param("job", job)
                .param("now", now)
                .param("node", NODE)
                .param("gap", (double) gap.toSeconds())
                .query(String.class)
                .optional()
                .isPresent();
    }
}
