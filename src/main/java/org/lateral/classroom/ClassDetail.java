package org.lateral.classroom;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One class for its teacher: settings, join code and roster. {@code version} is the class row's
 * version as read; edits send it back and are refused when the class moved on since.
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
        List<RosterEntry> roster) {

    public ClassDetail {
        roster = List.copyOf(roster);
    }
}
