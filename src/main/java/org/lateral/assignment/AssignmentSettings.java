package org.lateral.assignment;

import java.time.ZoneId;
import java.util.UUID;

/**
 * An assignment's changeable settings as its teacher's edit form shows them, with what limits the
 * change (DD035).
 *
 * @param opened whether students can already open it (its open date can then no longer change)
 * @param started how many students opened it: their work is archived, never deleted, with it
 * @param submitted how many students submitted: the revision settings are fixed from the first
 */
public record AssignmentSettings(
        UUID id, ZoneId timeZone, boolean opened, boolean archived, int started, int submitted, AssignmentEdit values) {

    /** Whether the revision settings may still change: not once anyone submitted (DD006, DD035). */
    public boolean revisionChangeable() {
        return submitted == 0;
    }
}
