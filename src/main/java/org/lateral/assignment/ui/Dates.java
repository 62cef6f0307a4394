package org.lateral.assignment.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.lateral.assignment.DueDates;
import org.lateral.base.i18n.Formats;

/**
 * Due and open dates as people read them in the page's language: the day in the class's zone, "end
 * of day" when it is ("Fri, 27 Nov 2026, end of day", "vie, 27 nov 2026, al final del día"). Public
 * so the pages of the features that show an assignment's dates write them the same way.
 */
public final class Dates {

    private Dates() {}

    /** A due instant: the day and "end of day" at midnight, else the day and the time. */
    public static String due(Instant due, ZoneId zone, Locale language) {
        var local = due.atZone(zone);
        if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return I18NProvider.translate(
                    language, "assignment.date.endOfDay", Formats.dayWithWeekday(DueDates.dayOf(due, zone), language));
        }
        return at(local.toLocalDate(), local.toLocalTime(), language);
    }

    /** An open instant: the day and the time. */
    public static String opens(Instant open, ZoneId zone, Locale language) {
        var local = open.atZone(zone);
        return at(local.toLocalDate(), local.toLocalTime(), language);
    }

    private static String at(java.time.LocalDate day, LocalTime time, Locale language) {
        return I18NProvider.translate(
                language, "assignment.date.at", Formats.dayWithWeekday(day, language), Formats.time(time, language));
    }
}
