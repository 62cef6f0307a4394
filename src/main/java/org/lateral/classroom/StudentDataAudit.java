package org.lateral.classroom;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    void record(Action action, @Nullable UUID actorId, UUID studentId, Outcome outcome, int rows) {
        EVENTS.info("action={} actor={} student={} outcome={} rows={}", action, actorId, studentId, outcome, rows);
    }
}
