package org.lateral.classroom;

import org.jspecify.annotations.Nullable;

/**
 * The settings a school's admin chooses (DD026): so far, how long archived classes' student work
 * is kept.
 *
 * @param archivedClassDays the school's own number of days, or null to follow the instance's
 * @param instanceDays the instance's {@code lateral.retention.archived-class-days}
 */
public record SchoolSettings(String schoolName, @Nullable Integer archivedClassDays, int instanceDays) {

    /** The number of days that applies to this school. */
    public int effectiveDays() {
        return archivedClassDays == null ? instanceDays : archivedClassDays;
    }
}
