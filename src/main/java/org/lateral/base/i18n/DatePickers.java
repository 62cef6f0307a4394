package org.lateral.base.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Date pickers in the page's language (DD034): the calendar's month and weekday names, the first
 * day of the week and the typed date's order (3/12/2026 in Spain, 12/3/2026 in the US) follow the
 * language and region, and its buttons are translated. Vaadin's picker alone keeps English names
 * in its calendar whatever the page's language.
 */
public final class DatePickers {

    /** Vaadin's picker reads the year as "yyyy" or "yy"; a four-digit year is never ambiguous. */
    private static final String YEAR = "yyyy";

    private DatePickers() {}

    /** The picker, set to the language (called where the picker is made, with the page's locale). */
    public static DatePicker localized(DatePicker picker, Locale language) {
        picker.setLocale(language);
        picker.setI18n(i18n(language));
        return picker;
    }

    /** The date part of a date-and-time picker, set to the language. */
    public static DateTimePicker localized(DateTimePicker picker, Locale language) {
        picker.setLocale(language);
        picker.setDatePickerI18n(i18n(language));
        return picker;
    }

    /** The texts and formats of a picker in the language. */
    static DatePicker.DatePickerI18n i18n(Locale language) {
        List<String> weekdays = IntStream.range(0, 7)
                .mapToObj(i -> DayOfWeek.SUNDAY.plus(i).getDisplayName(TextStyle.FULL, language))
                .toList();
        List<String> weekdaysShort = IntStream.range(0, 7)
                .mapToObj(i -> DayOfWeek.SUNDAY.plus(i).getDisplayName(TextStyle.SHORT, language))
                .toList();
        List<String> months = Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, language))
                .toList();
        return new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(weekdays)
                .setWeekdaysShort(weekdaysShort)
                // The picker counts from Sunday = 0; DayOfWeek from Monday = 1.
                .setFirstDayOfWeek(WeekFields.of(language).getFirstDayOfWeek().getValue() % 7)
                .setToday(I18NProvider.translate(language, "base.datePicker.today"))
                .setCancel(I18NProvider.translate(language, "base.datePicker.cancel"))
                .setDateFormat(dateFormat(language));
    }

    /**
     * The language's short numeric date pattern in the picker's letters (d, M, y only): "d/M/yyyy"
     * in Spanish, "M/d/yyyy" in US English, "dd/MM/yyyy" in British English. A pattern with other
     * letters (a language writing its month as a word) falls back to ISO, which every picker reads.
     */
    static String dateFormat(Locale language) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                        FormatStyle.SHORT, null, IsoChronology.INSTANCE, language)
                .replaceAll("y+", YEAR);
        return pattern.matches("[dMy./\\- ]+") ? pattern : "yyyy-MM-dd";
    }
}
