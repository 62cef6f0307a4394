package org.lateral.classroom;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One class for its teacher: settings, join code and roster. */
public record ClassDetail(
        UUID id,
        String name,
        @Nullable String subject,
        @Nullable String schoolYear,
        ZoneId timeZone,
        @Nullable String joinCode,
        boolean joinEnabled,
        boolean archived,
        List<RosterEntry> roster) {

    public ClassDetail {
        roster = List.copyOf(roster);
    }
}
