package org.lateral.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.base.UserFacingException;
import org.lateral.base.text.PlainText;
import org.lateral.security.AuditAction;
import org.lateral.security.CurrentUser;
import org.lateral.security.ForAdmins;
import org.lateral.security.LateralUser;
import org.lateral.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school admin reads the audit trail: the events of their own school only, newest first, 100
 * to a page, filtered by action, account and date range (days in UTC, as stored).
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int PAGE_SIZE = 100;

    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    AuditLog(CurrentUser currentUser, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /**
     * What to show; empty parts do not filter.
     *
     * @param username the account's username, any case
     * @param from the first day shown (UTC), inclusive
     * @param to the last day shown (UTC), inclusive
     */
    public record Filter(
            @Nullable AuditAction action,
            String username,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        public static final Filter NONE = new Filter(null, "", null, null);
    }

    public record Event(
            long id,
            Instant at,
            String username,
            String role,
            String action,
            String label,
            String objectType,
            List<UUID> objectIds,
            String address,
            String outcome,
            String detail) {
        public Event {
            objectIds = List.copyOf(objectIds);
        }
    }

    /** One page of events, and whether an older page follows. */
    public record Page(List<Event> events, int page, boolean older) {
        public Page {
            events = List.copyOf(events);
        }
    }

    @ForAdmins
    public Page events(Filter filter, int page) {
        LateralUser admin = currentUser.require(Role.ADMIN);
        if (page < 0 || page > 100_000) {
            throw UserFacingException.of("audit.refusal.noSuchPage");
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw UserFacingException.of("audit.refusal.daysSwapped");
        }
        // Days a date picker can hold: beyond them the instants below would overflow.
        for (LocalDate day : Arrays.asList(filter.from(), filter.to())) {
            if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
                throw UserFacingException.of("audit.refusal.yearRange");
            }
        }
        String username = PlainText.storable(filter.username()).strip().toLowerCase(Locale.ROOT);
        if (username.length() > 100) {
            throw UserFacingException.of("audit.refusal.usernameTooLong");
        }
        List<Event> events = jdbc.sql("""
                        SELECT id, occurred_at, actor_username, actor_role, action, object_type, object_ids,
                               source_ip, outcome, detail
                          FROM audit_event
                         WHERE school_id = :school
                           AND (:action = '' OR action = :action)
                           AND (:username = '' OR lower(actor_username) = :username)
                           AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))
                           AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < CAST(:to AS timestamptz))
                         ORDER BY occurred_at DESC, id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("school", admin.schoolId())
                .param("action", filter.action() == null ? "" : filter.action().name())
                .param("username", username)
                .param("from", startOfDay(filter.from()))
                .param("to", filter.to() == null ? null : startOfDay(filter.to().plusDays(1)))
                .param("limit", PAGE_SIZE + 1)
                .param("offset", page * PAGE_SIZE)
                .query((rs, n) -> event(rs))
                .list();
        boolean older = events.size() > PAGE_SIZE;
        return new Page(older ? events.subList(0, PAGE_SIZE) : events, page, older);
    }

    private static @Nullable Timestamp startOfDay(@Nullable LocalDate day) {
        return day == null
                ? null
                : Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Event event(ResultSet rs) throws SQLException {
        String action = rs.getString("action");
        String label = Arrays.stream(AuditAction.values())
                .filter(a -> a.name().equals(action))
                .map(AuditAction::label)
                .findFirst()
                .orElse(action);
        List<UUID> ids = new ArrayList<>();
        Array array = rs.getArray("object_ids");
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                ids.add((UUID) id);
            }
        }
        return new Event(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_username"),
                rs.getString("actor_role"),
                action,
                label,
                rs.getString("object_type"),
                ids,
                rs.getString("source_ip"),
                rs.getString("outcome"),
                rs.getString("detail"));
    }
}
