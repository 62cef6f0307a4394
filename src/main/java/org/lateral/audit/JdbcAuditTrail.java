package org.lateral.audit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.lateral.security.CurrentUser;
import org.lateral.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events to {@code audit_event} (V0020) and one log line each. A success joins the
 * caller's transaction, so an action rolled back leaves no event claiming it happened; a failure or
 * refusal, and anything recorded inside a read-only transaction (a teacher viewing work), is
 * written in a transaction of its own.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger("org.lateral.audit");

    static final int MAX_DETAIL = 300;
    static final int MAX_NAME = 120;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ClientAddress addresses;
    private final Clock clock;
    private final TransactionTemplate separately;

    /**
     * A flood of failed sign-ins or refused calls must not flood the log (the same care as the
     * sign-in log, DD007): their lines are limited to 600 a minute, then counted. Successes are
     * always logged; every event, logged or not, is in the table.
     */
    private final Bucket refusalLines = Bucket.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(600)
                    .refillGreedy(600, Duration.ofMinutes(1))
                    .build())
            .build();

    private final AtomicLong unlogged = new AtomicLong();

    JdbcAuditTrail(
            JdbcClient jdbc,
            CurrentUser currentUser,
            ClientAddress addresses,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.addresses = addresses;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(
            AuditAction action, AuditOutcome outcome, String objectType, List<UUID> objectIds, String detail) {
        record(new Entry(
                action,
                outcome,
                currentUser.get().map(Actor::of).orElse(null),
                null,
                objectType,
                objectIds,
                detail,
                ""));
    }

    @Override
    public void record(Entry entry) {
        @Nullable Actor actor = entry.actor();
        @Nullable UUID school = entry.schoolId() != null ? entry.schoolId() : actor == null ? null : actor.schoolId();
        String username = actor == null ? "" : AuditText.clean(actor.username(), MAX_NAME);
        String role = actor == null
                ? ""
                : actor.roles().stream().map(Role::name).sorted().collect(Collectors.joining("+"));
        String objectType = AuditText.clean(entry.objectType(), 60);
        String detail = AuditText.clean(entry.detail(), MAX_DETAIL);
        String address = AuditText.clean(addresses.current(entry.fallbackAddress()), 64);
        Timestamp at = Timestamp.from(clock.instant());
        boolean logged = entry.outcome() == AuditOutcome.SUCCESS || refusalLines.tryConsume(1);
        long skipped = logged ? unlogged.getAndSet(0) : unlogged.incrementAndGet();
        if (logged) {
            log.info(
                    "audit action={} outcome={} actor={} user='{}' role={} school={} object={}{} from={} detail='{}'{}",
                    entry.action(),
                    entry.outcome(),
                    actor == null ? "-" : actor.accountId(),
                    username,
                    role.isEmpty() ? "-" : role,
                    school == null ? "-" : school,
                    objectType,
                    entry.objectIds(),
                    address,
                    detail,
                    skipped > 0
                            ? " (" + skipped
                                    + " failed or refused events before this one not logged, all in audit_event)"
                            : "");
        }
        Runnable insert = () -> jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, school_id, actor_id, actor_username, actor_role,
                                                 action, object_type, object_ids, source_ip, outcome, detail)
                        VALUES (:at, :school, :actor, :username, :role, :action, :type, :ids, :ip, :outcome, :detail)
                        """)
                .param("at", at)
                .param("school", school)
                .param("actor", actor == null ? null : actor.accountId())
                .param("username", username)
                .param("role", role)
                .param("action", entry.action().name())
                .param("type", objectType)
                .param("ids", entry.objectIds().toArray(UUID[]::new))
                .param("ip", address)
                .param("outcome", entry.outcome().name())
                .param("detail", detail)
                .update();
        boolean joinCaller = entry.outcome() == AuditOutcome.SUCCESS
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (joinCaller) {
            insert.run();
        } else {
            separately.executeWithoutResult(status -> insert.run());
        }
    }
}
