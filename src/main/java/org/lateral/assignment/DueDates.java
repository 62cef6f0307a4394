package org.lateral.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Due on Friday" means the end of Friday where the class is (product.md, "Time"). */
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
}
