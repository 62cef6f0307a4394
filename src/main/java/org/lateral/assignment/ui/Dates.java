package org.lateral.assignment.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lateral.assignment.DueDates;

/** Due dates as people read them: the day in the class's zone, "end of day" when it is. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Dates() {}

    static String due(Instant due, ZoneId zone) {
        return DueDates.display(due, zone);
    }

    static String opens(Instant open, ZoneId zone) {
        var local = open.atZone(zone);
        return local.format(DAY) + " at " + local.format(TIME);
    }
}
