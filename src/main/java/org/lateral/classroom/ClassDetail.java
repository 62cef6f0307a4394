package org.lateral.classroom;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One class for its teacher: settings, join code and roster. {@code version} is the class row's
 * version as read; edits send it back and are refused when the class moved on since.
 * {@code studentDataDeletedOn}: for an archived class, the day (in the class's zone) from which
 * its students' work may be deleted under the school's retention (DD023, "Retention").
 */
public record ClassDetail(
        UUID id,
        String name,
        @Nullable String subject,
        @Nullable String schoolYear,
        ZoneId timeZone,
        @Nullable String joinCode,
        boolean joinEnabled,
        boolean archived,
        int version,
        List<RosterEntry> roster,
        @Nullable LocalDate studentDataDeletedOn) {

    public ClassDetail {
        roster = List.copyOf(roster);
    }
}
