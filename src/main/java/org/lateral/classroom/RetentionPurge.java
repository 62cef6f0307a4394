package org.lateral.classroom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.lateral.base.database.ScheduledPasses;
import org.lateral.security.Trusted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the data of students whose every class was archived longer ago than their school's
 * retention (DD023, "Retention"; a school's own number of days, DD026): the same deletion a teacher or admin starts by hand, through every
 * feature's {@code StudentDataPart}, one student per transaction, so one failure leaves the others
 * done and itself untouched. A student still in a class that is not archived (or archived more
 * recently) keeps everything; so does any account that also teaches or administers.
 */
@Service
@Trusted
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final StudentDataService studentData;
    private final TransactionTemplate transaction;
    private final Retention retention;
    private final Clock clock;
    private final StudentDataAudit audit;
    private final ScheduledPasses passes;

    RetentionPurge(
            JdbcClient jdbc,
            StudentDataService studentData,
            StudentDataAudit audit,
            PlatformTransactionManager transactions,
            Retention retention,
            Clock clock,
            ScheduledPasses passes) {
        this.passes = passes;
        this.jdbc = jdbc;
        this.studentData = studentData;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.retention = retention;
        this.clock = clock;
    }

    /** What one run did. */
    public record Purged(int students, int rows, int failed) {}

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT15M")
    void scheduled() {
        // With several app nodes, one of them runs each pass (DD030).
        if (!passes.claim("retention-purge", Duration.ofHours(5))) {
            return;
        }
        Purged purged = purge();
        if (purged.students() > 0 || purged.failed() > 0) {
            log.info(
                    "Retention: deleted the data of {} students ({} rows); {} failed and will be tried again",
                    purged.students(),
                    purged.rows(),
                    purged.failed());
        }
    }

    /** Deletes the data of every student past the retention now. */
    public Purged purge() {
        record Due(UUID student, UUID school) {}
        List<Due> due = jdbc.sql("""
                SELECT a.id, a.school_id FROM account a
                 WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = a.id)
                   AND NOT EXISTS (SELECT 1 FROM enrollment e JOIN class c ON c.id = e.class_id
                                    WHERE e.student_id = a.id
                                      AND (c.archived_at IS NULL
                                           OR c.archived_at > CAST(:now AS timestamptz) - make_interval(days =>
                                                  (SELECT coalesce(s.archived_class_days, :days)
                                                     FROM school s WHERE s.id = a.school_id))))
                   AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role <> 'STUDENT')
                 ORDER BY a.id
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("days", retention.days(null))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("school_id", UUID.class)))
                .list();
        int students = 0;
        int rows = 0;
        int failed = 0;
        for (Due d : due) {
            UUID student = d.student();
            try {
                Integer deleted = transaction.execute(status -> studentData.purge(student));
                int count = deleted == null ? 0 : deleted;
                students++;
                rows += count;
                audit.record(
                        StudentDataAudit.Action.RETENTION_DELETE,
                        null,
                        d.school(),
                        student,
                        StudentDataAudit.Outcome.DONE,
                        count);
            } catch (RuntimeException e) {
                failed++;
                audit.record(
                        StudentDataAudit.Action.RETENTION_DELETE,
                        null,
                        d.school(),
                        student,
                        StudentDataAudit.Outcome.FAILED,
                        0);
                log.warn(
                        "Retention: the data of student {} could not be deleted; it is kept and tried again",
                        student,
                        e);
            }
        }
        return new Purged(students, rows, failed);
    }
}
