package org.lateral.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What this feature's screens need to know of students' work on assignments, answered by the
 * feature that owns the work (submission, which depends on this one, so the dependency points
 * the one allowed way). The assignment feature's SQL names only its own tables
 * (TableOwnershipTest). Callers have checked who may see the assignments; each method is one
 * statement for any number of them.
 * See DD011.
 */
public interface StudentWork {

    /** How many students opened and how many submitted (their current attempt) an assignment. */
    record Counts(int started, int submitted) {

        public static final Counts NONE = new Counts(0, 0);
    }

    /** One student's submission: opened when, submitted when (null while it can change). */
    record Progress(Instant startedAt, @Nullable Instant submittedAt) {}

    /** Counts by assignment id; assignments nobody opened are left out. */
    Map<UUID, Counts> counts(Collection<UUID> assignmentIds);

    /** The student's submissions by assignment id; assignments they never opened are left out. */
    Map<UUID, Progress> progressOf(UUID studentId, Collection<UUID> assignmentIds);

    /**
     * Before an assignment nobody opened is deleted (DD035): removes what the owner of the work keeps
     * of it that is not students' work (the teacher's key amendments). Changes nothing, and answers
     * false, when any student has a submission of it.
     */
    boolean forgetUnopened(UUID assignmentId);
}
