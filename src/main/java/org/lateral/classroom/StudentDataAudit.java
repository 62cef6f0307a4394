package org.lateral.classroom;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lateral.security.AuditAction;
import org.lateral.security.AuditOutcome;
import org.lateral.security.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a student's export or deletion is written down (DD023): one line per event on the logger
 * {@code org.lateral.audit.events}, with the action, who did it, which student and how it ended,
 * by id only: no names, no answer text. The one place to change when the audit-trail table takes
 * these events over.
 */
@Component
class StudentDataAudit {

    private static final Logger EVENTS = LoggerFactory.getLogger("org.lateral.audit.events");

    enum Action {
        STUDENT_DATA_EXPORT,
        STUDENT_DATA_DELETE,
        /** Deleted under the school's retention (no actor: the rule, not a person). */
        RETENTION_DELETE
    }

    enum Outcome {
        /** Done (for a deletion: committed). */
        DONE,
        /** Refused with a sentence (a wrong confirmation, a shared student): nothing changed. */
        REFUSED,
        /** Failed (for a deletion: rolled back): nothing changed. */
        FAILED
    }

    private final AuditTrail trail;

    StudentDataAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(Action action, @Nullable UUID actorId, UUID studentId, Outcome outcome, int rows) {
        record(action, actorId, null, studentId, outcome, rows);
    }

    /**
     * Writes the event to the log line above and to the audit trail (DD022): as the signed-in
     * person's action, or, for a deletion under the retention rule, as the school's with no actor.
     */
    void record(
            Action action, @Nullable UUID actorId, @Nullable UUID schoolId, UUID studentId, Outcome outcome, int rows) {
        EVENTS.info("action={} actor={} student={} outcome={} rows={}", action, actorId, studentId, outcome, rows);
        AuditAction audited = action == Action.STUDENT_DATA_EXPORT
                ? AuditAction.STUDENT_DATA_EXPORTED
                : AuditAction.STUDENT_DATA_DELETED;
        AuditOutcome result = switch (outcome) {
            case DONE -> AuditOutcome.SUCCESS;
            case REFUSED -> AuditOutcome.DENIED;
            case FAILED -> AuditOutcome.FAILURE;
        };
        String detail = (action == Action.RETENTION_DELETE ? "retention rule, " : "") + rows + " rows";
        if (action == Action.RETENTION_DELETE) {
            trail.record(
                    new AuditTrail.Entry(audited, result, null, schoolId, "student", List.of(studentId), detail, ""));
        } else {
            trail.record(audited, result, "student", List.of(studentId), detail);
        }
    }
}
