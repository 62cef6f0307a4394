package org.lateral.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "Due on Friday" means the end of Friday where the class is (DD000, "Time"). */
public final class DueDates {

    private DueDates() {}

    /**
     * The first instant after the given day in the class's zone: work is on time while
     * {@code now < due}. Daylight-saving days are handled by the zone rules (a 23- or 25-hour day).
     */
    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day a due instant belongs to, for showing it as a date. */
    public static LocalDate dayOf(Instant due, ZoneId zone) {
        return due.minusNanos(1).atZone(zone).toLocalDate();
    }

    /** A due instant as people read it: "Sat 28 Nov 2026, end of day", or the time when it is not midnight. */
    public static String display(Instant due, ZoneId zone) {
        var local = due.atZone(zone);
        var day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dayOf(due, zone).format(day) + ", end of day";
        }
        return local.format(day) + " at " + local.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH));
    }
}
