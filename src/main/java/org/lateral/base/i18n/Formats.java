package org.lateral.base.i18n;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as the reader's language and region write them ("Dec 3, 2026" in the US, "3 Dec
 * 2026" in Britain, "3 dic 2026" in Spain), never a fixed English pattern. A time always shows its zone, since a class's time zone
 * may not be the reader's.
 */
public final class Formats {

    private Formats() {}

    /** A day: "Dec 3, 2026", "3 dic 2026". */
    public static String day(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(language)
                .format(date);
    }

    /** A month of a year: "December 2026", "diciembre de 2026". */
    public static String month(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedPattern("yMMMM")
                .withLocale(language)
                .format(date);
    }

    /** A day with its weekday, for due dates: "Thursday, December 3, 2026", "jueves, 3 de diciembre de 2026". */
    public static String longDay(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(language)
                .format(date);
    }

    /** A day with its short weekday, for due and open dates in a list: "Fri, Nov 27, 2026", "vie, 27 nov 2026". */
    public static String dayWithWeekday(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedPattern("yMMMEd")
                .withLocale(language)
                .format(date);
    }

    /** A time of day, without its zone (the caller names it once): "3:30 PM", "15:30". */
    public static String time(LocalTime time, Locale language) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(language)
                .format(time);
    }

    /** A moment in a zone: "3 dic 2026, 14:05 (Europe/Madrid)". */
    public static String dateTime(ZonedDateTime time, Locale language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(language)
                        .format(time)
                + " (" + time.getZone().getId() + ")";
    }
}
