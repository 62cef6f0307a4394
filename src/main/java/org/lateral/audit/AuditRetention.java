package org.lateral.audit;

import java.time.Duration;
import org.lateral.base.database.ScheduledPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The audit trail's own retention ({@code lateral.audit.retention-days}, default 400: a school
 * year and its follow-up). Events older than that are removed four times a day by
 * {@code audit_purge} (V0020), the one way rows leave the append-only table.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcClient jdbc;
    private final int retentionDays;
    private final ScheduledPasses passes;

    AuditRetention(
            JdbcClient jdbc, @Value("${lateral.audit.retention-days:400}") int retentionDays, ScheduledPasses passes) {
        this.passes = passes;
        if (retentionDays < 30) {
            throw new IllegalArgumentException(
                    "lateral.audit.retention-days must be at least 30, not " + retentionDays);
        }
        this.jdbc = jdbc;
        this.retentionDays = retentionDays;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT5M")
    void scheduled() {
        // With several app nodes, one of them runs each pass (DD030).
        if (passes.claim("audit-retention", Duration.ofHours(5))) {
            purge();
        }
    }

    /** Removes the events older than the retention; answers how many. */
    long purge() {
        Long removed = jdbc.sql("SELECT audit_purge(:days)")
                .param("days", retentionDays)
                .query(Long.class)
                .single();
        if (removed > 0) {
            log.info("Audit trail: removed {} events older than {} days", removed, retentionDays);
        }
        return removed;
    }
}
